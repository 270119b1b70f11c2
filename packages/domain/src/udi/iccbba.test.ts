import { describe, expect, it } from 'vitest';
import { parseUdi } from './parse-udi.ts';

const referenceDate = new Date('2025-06-01T00:00:00Z');

describe('ICCBBA ISBT 128', () => {
  it('splits concatenated data structures and reads the PPIC, dates and DIN', () => {
    const result = parseUdi('=/A9999XYZ100T0474=A99971312345600=>024060&}0240601230', { referenceDate });
    expect(result).toMatchObject({
      issuer: 'ICCBBA',
      deviceIdentifier: 'A9999XYZ100T0474',
      expiryDate: '2024-02-29',
      manufactureDate: '2024-02-29',
      valid: true,
    });
    expect(result.elements.map((e) => e.key)).toEqual(['=/', '=', '=>', '&}']);
  });

  it('keeps unknown data identifiers as elements with a warning', () => {
    const result = parseUdi('=)1TE123456A&!XYZ', { referenceDate });
    expect(result.valid).toBe(true);
    expect(result.elements[1]).toEqual({ key: '&!', value: 'XYZ' });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'iccbba_structure', severity: 'warning', key: '&!' })]);
  });

  it('flags empty data structures and impossible dates', () => {
    expect(parseUdi('=/', { referenceDate }).valid).toBe(false);
    const badDate = parseUdi('=/A9999XYZ100T0474=>024400', { referenceDate });
    expect(badDate.valid).toBe(false);
    expect(badDate.problems.map((p) => p.code)).toEqual(['invalid_date']);
  });

  it('reads three-character MPHO identifiers such as &,1', () => {
    const result = parseUdi('=/A9999XYZ100T0474&,1000000000000XYZ123', { referenceDate });
    expect(result.elements.map((e) => e.key)).toEqual(['=/', '&,1']);
  });
});
