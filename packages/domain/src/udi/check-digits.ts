import { CSET82, isAllDigits } from './charsets.ts';

/**
 * GS1 mod-10 check digit for `digits` (the data without its check digit): weights 3 and 1
 * alternate from the right. Returns undefined unless `digits` is a non-empty string of digits.
 */
export function computeGs1CheckDigit(digits: string): number | undefined {
  if (typeof digits !== 'string' || !isAllDigits(digits)) return undefined;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += weight * Number(digits.charAt(i));
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is its GS1 mod-10 check digit (GTIN, SSCC, GLN, GDTI, …). */
export function gs1CheckDigitValid(digits: string): boolean {
  if (typeof digits !== 'string' || digits.length < 2 || !isAllDigits(digits)) return false;
  return computeGs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** True when `gtin` is a GTIN-8, -12, -13 or -14 whose check digit is correct. */
export function gtinCheckDigitValid(gtin: string): boolean {
  if (typeof gtin !== 'string' || ![8, 12, 13, 14].includes(gtin.length)) return false;
  return gs1CheckDigitValid(gtin);
}

const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * True when the last two characters of `value` are its GS1 alphanumeric check character pair
 * (GMN, MUDI): CSET 82 values weighted by ascending primes from the right, modulo 1021, split into
 * two 5-bit CSET 32 characters.
 */
export function gs1CheckCharacterPairValid(value: string): boolean {
  if (value.length < 2) return false;
  const data = value.slice(0, -2);
  const primes = primesUpTo(data.length);
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const charValue = CSET82.indexOf(data.charAt(i));
    const prime = primes[data.length - 1 - i];
    if (charValue < 0 || prime === undefined) return false;
    sum += charValue * prime;
  }
  sum %= 1021;
  return value.slice(-2) === `${CSET32.charAt(sum >> 5)}${CSET32.charAt(sum & 31)}`;
}

function primesUpTo(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
}

/** The 43 characters of the HIBC / Code 39 check character set, in value order. */
export const HIBC_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/**
 * HIBC mod-43 check character of `data` (everything from the leading `+` up to, not including,
 * the check character). Returns undefined when `data` holds a character outside the HIBC set.
 */
export function computeHibcCheckCharacter(data: string): string | undefined {
  let sum = 0;
  for (const ch of data) {
    const value = HIBC_CHARSET.indexOf(ch);
    if (value < 0) return undefined;
    sum += value;
  }
  return HIBC_CHARSET.charAt(sum % 43);
}
