/** Client-side checks that mirror the API's schema, so that mistakes show while typing. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const validateEmail = (value: string) =>
  !value.trim() ? 'Enter an e-mail address' : !EMAIL.test(value.trim()) ? 'Enter a valid e-mail address, like name@hospital.org' : null;

export const validateDisplayName = (value: string) =>
  !value.trim() ? 'Enter the person’s name' : value.length > 200 ? 'Use at most 200 characters' : null;

export const validatePassword = (value: string) =>
  value.length < 10 ? `Use at least 10 characters (${value.length} so far)` : value.length > 200 ? 'Use at most 200 characters' : null;

export const validateFacilities = (value: string[], values: { allFacilities: boolean }) =>
  !values.allFacilities && value.length === 0 ? 'Choose at least one facility, or give access to all' : null;

/** A random password that meets the rules, for an administrator to hand over. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12), chars.slice(12, 16)].map((group) => group.join('')).join('-');
}
