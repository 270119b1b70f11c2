/** Client-side checks that mirror the vendor API's schema, so that mistakes show while typing. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const validateRequiredName = (what: string) => (value: string) =>
  !value.trim() ? `Enter the ${what}’s name` : value.length > 200 ? 'Use at most 200 characters' : null;

export const validateOptionalEmail = (value: string) => (!value.trim() ? null : !EMAIL.test(value.trim()) ? 'Enter a valid e-mail address' : value.length > 254 ? 'Too long' : null);

export const validatePhone = (value: string) => (value.length > 50 ? 'Use at most 50 characters' : value.trim() && !/\d/.test(value) ? 'A phone number has digits' : null);

export const maxLength = (max: number) => (value: string) => (value.length > max ? `Use at most ${max} characters` : null);

/** Empty text is sent as null (cleared). */
export const orNull = (value: string): string | null => value.trim() || null;
