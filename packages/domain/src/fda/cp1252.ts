/**
 * Code points of bytes 0x80–0x9F in windows-1252, as the WHATWG Encoding Standard defines them.
 * The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of
 * the same value; every other byte maps to the Latin-1 code point of the same value.
 */
const HIGH_CONTROL_RANGE: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const CHUNK = 8192;

/**
 * Decodes windows-1252 bytes (the encoding of FDA's download files) to a string, the same way
 * `new TextDecoder('windows-1252')` does, without depending on a runtime that provides it.
 */
export function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROL_RANGE[byte - 0x80]! : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
