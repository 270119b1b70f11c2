/** Format checks for the network identity of connected devices. No lookups: text only. */

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A dotted-quad IPv4 address; octets with leading zeros are refused (they read as octal in some tools). */
export function isIpv4Address(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) => IPV4_OCTET.test(octet));
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** An IPv6 address in RFC 4291 text form, with `::` compression and an optional trailing IPv4 part; no zone id. */
export function isIpv6Address(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string | undefined): string[] => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const ending = halves.length === 2 ? tail : head;
  let width = head.length + tail.length;
  const last = ending[ending.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4Address(last)) return false;
    ending.pop();
    width += 1;
  }
  const all = [...head, ...tail];
  if (!all.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? width <= 7 : width === 8;
}

/** The address in canonical text (IPv6 lower-cased), or null if it is neither IPv4 nor IPv6. */
export function normalizeIpAddress(text: string): string | null {
  const trimmed = text.trim();
  if (isIpv4Address(trimmed)) return trimmed;
  if (isIpv6Address(trimmed)) return trimmed.toLowerCase();
  return null;
}

const MAC_FORMATS = [
  /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/i,
  /^([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})$/i,
  /^([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i,
];

/**
 * A 48-bit MAC address as lower-case colon-separated pairs, from the common spellings
 * 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E, 001A.2B3C.4D5E and 001A2B3C4D5E; null otherwise.
 */
export function normalizeMacAddress(text: string): string | null {
  const trimmed = text.trim();
  for (const format of MAC_FORMATS) {
    const match = format.exec(trimmed);
    if (match) {
      const separators = trimmed.match(/[:-]/g);
      if (separators && new Set(separators).size > 1) return null;
      return match.slice(1, 7).join(':').toLowerCase();
    }
  }
  return null;
}

const HOSTNAME_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A host name per RFC 1123: dot-separated labels of letters, digits and inner hyphens; at most 253 characters. */
export function isHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => HOSTNAME_LABEL.test(label));
}
