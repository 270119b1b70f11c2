/**
 * GS1 AI encodable character set 82, in the order that gives each character its value for the
 * alphanumeric check character pair (GS1 General Specifications §7.9.5).
 */
export const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;

/** GS1 AI encodable character set 39 (upper-case alphanumerics, `#`, `-`, `/`). */
export const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GS1 AI encodable character set 64 (file-safe base64 alphabet, `=` padding). */
export const CSET64 = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz=';

/** Position of the first character of `value` that is not in `charset`, or -1. */
export function firstCharNotIn(value: string, charset: string): number {
  for (let i = 0; i < value.length; i++) {
    if (!charset.includes(value.charAt(i))) return i;
  }
  return -1;
}

export function isAllDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

/** Printable rendering of a character for problem messages (control characters as `U+001D`). */
export function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || code > 0x7e) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}
