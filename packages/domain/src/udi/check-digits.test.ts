import { describe, expect, it } from 'vitest';
import {
  computeGs1CheckDigit,
  computeHibcCheckCharacter,
  gs1CheckCharacterPairValid,
  gs1CheckDigitValid,
  gtinCheckDigitValid,
} from './check-digits.ts';
import { parseUdi } from './parse-udi.ts';

describe('GS1 mod-10 check digit', () => {
  it('computes the check digit of GTINs and SSCCs', () => {
    expect(computeGs1CheckDigit('0084458800328')).toBe(8);
    expect(computeGs1CheckDigit('0952012345678')).toBe(8);
    expect(computeGs1CheckDigit('00614141123456789')).toBe(0);
    expect(computeGs1CheckDigit('0234567')).toBe(3);
  });

  it('returns undefined for anything but digits', () => {
    expect(computeGs1CheckDigit('')).toBeUndefined();
    expect(computeGs1CheckDigit('12A4')).toBeUndefined();
    expect(computeGs1CheckDigit(' 123')).toBeUndefined();
  });

  it('accepts GTIN-8, -12, -13 and -14 with a correct check digit', () => {
    expect(gtinCheckDigitValid('02345673')).toBe(true);
    expect(gtinCheckDigitValid('416000336108')).toBe(true);
    expect(gtinCheckDigitValid('9520123456788')).toBe(true);
    expect(gtinCheckDigitValid('00844588003288')).toBe(true);
  });

  it('rejects GTINs of other lengths, with non-digits or a wrong check digit', () => {
    expect(gtinCheckDigitValid('0084458800328')).toBe(false);
    expect(gtinCheckDigitValid('123456789')).toBe(false);
    expect(gtinCheckDigitValid('0084458800328X')).toBe(false);
    expect(gtinCheckDigitValid('00844588003289')).toBe(false);
    expect(gs1CheckDigitValid('1')).toBe(false);
  });

  it.each(['00841518100003', '00840118105406'])('flags the FDA GUDID identifier %s, whose check digit is wrong', (gtin) => {
    expect(gtinCheckDigitValid(gtin)).toBe(false);
    const result = parseUdi(`(01)${gtin}`);
    expect(result.valid).toBe(false);
    expect(result.deviceIdentifier).toBe(gtin);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'check_digit', key: '01' })]);
  });
});

describe('GS1 alphanumeric check character pair', () => {
  it('accepts the GS1 General Specifications GMN example and rejects a changed pair', () => {
    expect(gs1CheckCharacterPairValid('1987654Ad4X4bL5ttr2310c2K')).toBe(true);
    expect(gs1CheckCharacterPairValid('1987654Ad4X4bL5ttr2310cXK')).toBe(false);
    expect(gs1CheckCharacterPairValid('2')).toBe(false);
  });
});

describe('HIBC mod-43 check character', () => {
  it('matches the Code 39 mod-43 reference value for "CODE39"', () => {
    expect(computeHibcCheckCharacter('CODE39')).toBe('W');
  });

  it('sums values over the whole 43-character set', () => {
    expect(computeHibcCheckCharacter('+')).toBe('+');
    // % is worth 42: 42 + 42 = 84 ≡ 41 (mod 43), the value of +.
    expect(computeHibcCheckCharacter('%%')).toBe('+');
  });

  it('returns undefined for characters outside the set', () => {
    expect(computeHibcCheckCharacter('+a123')).toBeUndefined();
  });
});
