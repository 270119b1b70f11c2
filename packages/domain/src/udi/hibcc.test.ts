import { describe, expect, it } from 'vitest';
import { computeHibcCheckCharacter } from './check-digits.ts';
import { parseUdi } from './parse-udi.ts';

const referenceDate = new Date('2025-06-01T00:00:00Z');

/** Appends the correct mod-43 check character, so each case tests one thing at a time. */
function withCheck(data: string): string {
  const check = computeHibcCheckCharacter(data);
  if (check === undefined) throw new Error(`not HIBC data: ${data}`);
  return data + check;
}

const parse = (text: string) => parseUdi(text, { referenceDate });

describe('HIBCC primary data', () => {
  it('splits labeler code, product number and unit of measure', () => {
    const result = parse(withCheck('+A123BJC5D6E71'));
    expect(result).toMatchObject({ issuer: 'HIBCC', format: 'hibcc', deviceIdentifier: 'A123BJC5D6E71', valid: true, problems: [] });
    expect(result.elements.map((e) => [e.key, e.value])).toEqual([
      ['LIC', 'A123'],
      ['PCN', 'BJC5D6E7'],
      ['unitOfMeasure', '1'],
      ['check', computeHibcCheckCharacter('+A123BJC5D6E71')],
    ]);
  });

  it('reports a wrong check character with the expected one', () => {
    const good = withCheck('+A123BJC5D6E71');
    const bad = `${good.slice(0, -1)}${good.endsWith('Q') ? 'R' : 'Q'}`;
    const result = parse(bad);
    expect(result.valid).toBe(false);
    expect(result.deviceIdentifier).toBe('A123BJC5D6E71');
    expect(result.problems).toEqual([expect.objectContaining({ code: 'check_character', position: bad.length - 1 })]);
  });

  it('rejects a labeler code with a character other than letters and digits, and a non-digit unit of measure', () => {
    const codes = parse(withCheck('+A1.3BJC5D6E7X')).problems.map((p) => p.message);
    expect(codes.some((m) => m.includes('labeler identification code'))).toBe(true);
    expect(codes.some((m) => m.includes('unit of measure'))).toBe(true);
  });

  it('rejects a product number longer than 18 characters', () => {
    const result = parse(withCheck('+A123ABCDEFGHIJKLMNOPQRS1'));
    expect(result.valid).toBe(false);
    expect(result.problems[0]?.code).toBe('hibcc_structure');
  });

  it('flags lower-case letters, which are outside the HIBC character set', () => {
    const result = parse('+a123bjc5d6e71X');
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['charset', 'check_character']));
  });

  it('accepts the Code 39 start/stop asterisks of printed HIBC labels', () => {
    const result = parse(`*${withCheck('+A123BJC5D6E71')}*`);
    expect(result.valid).toBe(true);
    expect(result.deviceIdentifier).toBe('A123BJC5D6E71');
  });

  it('keeps a space check character at the end of the data', () => {
    const alphanumerics = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const candidates = [...alphanumerics].flatMap((a) => [...alphanumerics].map((b) => `+A123BJC5D${a}${b}1`));
    const data = candidates.find((c) => computeHibcCheckCharacter(c) === ' ') ?? '';
    expect(computeHibcCheckCharacter(data)).toBe(' ');
    expect(parse(`${data} `).valid).toBe(true);
  });
});

describe('HIBCC secondary data', () => {
  it.each([
    ['$$0225LOT1', '2025-02-28', 'LOT1'],
    ['$$2022924LOT1', '2024-02-29', 'LOT1'],
    ['$$3251231LOT1', '2025-12-31', 'LOT1'],
    ['$$425123123LOT1', '2025-12-31', 'LOT1'],
    ['$$524060LOT1', '2024-02-29', 'LOT1'],
    ['$$62406023LOT1', '2024-02-29', 'LOT1'],
  ])('reads expiry format %s', (secondary, expiryDate, lot) => {
    const result = parse(withCheck(`+A123BJC5D6E71/${secondary}`));
    expect(result).toMatchObject({ valid: true, expiryDate, lot });
  });

  it('reads a lot without expiry ($) and with the no-date flag ($$7)', () => {
    expect(parse(withCheck('+A123BJC5D6E71/$LOT99'))).toMatchObject({ valid: true, lot: 'LOT99' });
    expect(parse(withCheck('+A123BJC5D6E71/$$7LOT99'))).toMatchObject({ valid: true, lot: 'LOT99' });
    expect(parse(withCheck('+A123BJC5D6E71/$LOT99')).expiryDate).toBeUndefined();
  });

  it('reads serial numbers ($+, $$+) and quantities ($$8, $$9)', () => {
    expect(parse(withCheck('+A123BJC5D6E71/$+SN123'))).toMatchObject({ valid: true, serial: 'SN123' });
    expect(parse(withCheck('+A123BJC5D6E71/$$+3251231SN123'))).toMatchObject({ valid: true, serial: 'SN123', expiryDate: '2025-12-31' });
    const withQuantity = parse(withCheck('+A123BJC5D6E71/$$8053251231LOT1'));
    expect(withQuantity).toMatchObject({ valid: true, lot: 'LOT1', expiryDate: '2025-12-31' });
    expect(withQuantity.elements).toContainEqual(expect.objectContaining({ key: 'quantity', value: '05' }));
    expect(parse(withCheck('+A123BJC5D6E71/$$9001000225LOT1'))).toMatchObject({ valid: true, expiryDate: '2025-02-28' });
  });

  it('reads supplemental serial, manufacture and expiry dates', () => {
    const result = parse(withCheck('+A123BJC5D6E71/$LOT1/SSER1/16D20240115/14D20290115'));
    expect(result).toMatchObject({ valid: true, lot: 'LOT1', serial: 'SER1', manufactureDate: '2024-01-15', expiryDate: '2029-01-15' });
  });

  it.each([
    ['$$2023024LOT1', 'Feb 30'],
    ['$$3251301LOT1', 'month 13'],
    ['$$1325LOT1', 'month 13 in MMYY'],
    ['$$523366LOT1', 'day 366 of a common year'],
    ['$$425123124LOT1', 'hour 24'],
  ])('flags the impossible expiry %s (%s)', (secondary) => {
    const result = parse(withCheck(`+A123BJC5D6E71/${secondary}`));
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain('invalid_date');
  });

  it('reads a stand-alone secondary symbol with its link character', () => {
    const result = parse(withCheck('+$$3251231LOT1Q'));
    expect(result).toMatchObject({ issuer: 'HIBCC', valid: true, lot: 'LOT1', expiryDate: '2025-12-31' });
    expect(result.deviceIdentifier).toBeUndefined();
    expect(result.elements).toContainEqual(expect.objectContaining({ key: 'link', value: 'Q' }));
  });

  it('reads the legacy Julian-date secondary format', () => {
    expect(parse(withCheck('+24060LOT1Q'))).toMatchObject({ valid: true, expiryDate: '2024-02-29', lot: 'LOT1' });
  });

  it('reports but keeps supplemental data it does not interpret', () => {
    const result = parse(withCheck('+A123BJC5D6E71/$LOT1/Q12'));
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'hibcc_structure', severity: 'warning' })]);
  });

  it('rejects an unknown date flag and a lot with forbidden characters', () => {
    expect(parse(withCheck('+A123BJC5D6E71/$$X123')).valid).toBe(false);
    expect(parse(withCheck('+A123BJC5D6E71/$LOT-1')).valid).toBe(false);
  });
});
