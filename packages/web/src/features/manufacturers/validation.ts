/** Client-side checks that mirror the API's schema, so that mistakes show while typing. */

export const validateManufacturerName = (value: string) =>
  !value.trim() ? 'Enter the manufacturer’s name' : value.length > 200 ? 'Use at most 200 characters' : !/[\p{L}\p{N}]/u.test(value) ? 'Use at least one letter or digit' : null;

/** An optional web address: empty, or an absolute http(s) URL. */
export function validateUrl(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (text.length > 500) return 'Use at most 500 characters';
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'Use an http:// or https:// address';
  } catch {
    return 'Enter a full address, like https://www.example.com';
  }
}
