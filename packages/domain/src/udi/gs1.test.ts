import { describe, expect, it } from 'vitest';
import { formatGs1 } from './gs1-result.ts';
import { parseUdi } from './parse-udi.ts';

const referenceDate = new Date('2025-06-01T00:00:00Z');
const parse = (text: string) => parseUdi(text, { referenceDate });
const codes = (text: string) => parse(text).problems.map((p) => p.code);

const GS = '\u001d';

describe('GS1 dates', () => {
  it('reads expiry day 00 as the last day of the month, leap years included', () => {
    expect(parse('(01)00844588003288(17)240200').expiryDate).toBe('2024-02-29');
    expect(parse('(01)00844588003288(17)230200').expiryDate).toBe('2023-02-28');
    expect(parse('(01)00844588003288(17)251200').expiryDate).toBe('2025-12-31');
  });

  it('reads manufacture date day 00 as the first day of the month', () => {
    expect(parse('(01)00844588003288(11)240200').manufactureDate).toBe('2024-02-01');
  });

  it.each([
    ['(17)251301', 'month 13'],
    ['(17)230229', 'Feb 29 in a common year'],
    ['(17)240230', 'Feb 30'],
    ['(17)250431', 'April 31'],
    ['(11)250000', 'month 00'],
  ])('flags %s (%s)', (element) => {
    const result = parse(`(01)00844588003288${element}`);
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['invalid_date']);
    expect(result.expiryDate).toBeUndefined();
  });

  it('places two-digit years in a window of 49 years back and 50 ahead of the reference date', () => {
    expect(parse('(01)00844588003288(17)750101').expiryDate).toBe('2075-01-01');
    expect(parse('(01)00844588003288(17)760101').expiryDate).toBe('1976-01-01');
    expect(parseUdi('(01)00844588003288(17)010101', { referenceDate: new Date('2090-01-01') }).expiryDate).toBe('2101-01-01');
  });
});

describe('GS1 bracketed form', () => {
  it('rejects values outside character set 82 and over-long lots', () => {
    expect(codes('(01)00844588003288(10)LOT 1')).toEqual(['charset']);
    expect(codes('(01)00844588003288(10)LOT~1')).toEqual(['charset']);
    expect(codes('(01)00844588003288(10)ABCDEFGHIJKLMNOPQRSTU')).toEqual(['value_too_long']);
    expect(codes('(01)00844588003288(10)ABCDEFGHIJKLMNOPQRST')).toEqual([]);
  });

  it('rejects a GTIN with letters or the wrong length', () => {
    expect(codes('(01)0084458800328A')).toEqual(['charset']);
    expect(codes('(01)0084458800328')).toEqual(['value_too_short']);
  });

  it('keeps parsing past an unassigned AI and reports it', () => {
    const result = parse('(01)00844588003288(89)XYZ(10)LOT1');
    expect(result.lot).toBe('LOT1');
    expect(result.problems).toEqual([expect.objectContaining({ code: 'unknown_ai', key: '89' })]);
  });

  it('accepts the fixed-length AIs common on device labels', () => {
    const result = parse('(00)006141411234567890(01)00844588003288(02)00844588003288(11)240101(12)240101(13)240101(15)240101(16)240101(20)01(30)5(240)REF(241)CUST(250)SUB1(7003)2501011230(8012)V2');
    expect(result.problems).toEqual([]);
    expect(result.elements).toHaveLength(15);
  });

  it('finds the lot after fixed-length AIs in an element string without separators between them', () => {
    const result = parse(`]d20100844588003288${'11'}240101${'13'}240115${'20'}01${'240'}REF${GS}7003250101123${'0'}${GS}305${GS}10LOT1`);
    expect(result.elements.map((e) => e.key)).toEqual(['01', '11', '13', '20', '240', '7003', '30', '10']);
    expect(result).toMatchObject({ valid: true, lot: 'LOT1', manufactureDate: '2024-01-01' });
  });

  it('tolerates spaces between elements, as printed under barcodes', () => {
    const result = parse('(01) 00844588003288 (17) 141120 (10) 7654321D');
    expect(result).toMatchObject({ valid: true, deviceIdentifier: '00844588003288', lot: '7654321D' });
  });

  it('flags an AI repeated with a different value', () => {
    expect(codes('(01)00844588003288(10)A(10)B')).toEqual(['duplicate_ai']);
    expect(codes('(01)00844588003288(10)A(10)A')).toEqual([]);
  });

  it('warns, without failing, when GS1 data has no GTIN', () => {
    const result = parse('(10)LOT1(17)250101');
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'missing_device_identifier', severity: 'warning' })]);
  });
});

describe('GS1 element strings', () => {
  const elements = `0100844588003288171411201${'0'}7654321D${GS}2110987654d321`;

  it.each([
    ['a DataMatrix symbology identifier', `]d2${elements}`, 'd2'],
    ['a GS1-128 symbology identifier', `]C1${elements}`, 'C1'],
    ['a QR symbology identifier', `]Q3${elements}`, 'Q3'],
    ['a leading GS (FNC1)', `${GS}${elements}`, undefined],
    ['no prefix at all', elements, undefined],
    ['^ for GS', `^${elements.replace(GS, '^')}`, undefined],
    ['<GS> for GS', elements.replace(GS, '<GS>'), undefined],
    ['U+241D for GS', elements.replace(GS, '\u241d'), undefined],
  ])('parses the UDI with %s', (_name, text, symbology) => {
    const result = parse(text);
    expect(result).toMatchObject({
      issuer: 'GS1',
      format: 'gs1-element-string',
      deviceIdentifier: '00844588003288',
      expiryDate: '2014-11-20',
      lot: '7654321D',
      serial: '10987654d321',
      valid: true,
    });
    expect(result.symbology).toBe(symbology);
  });

  it('cuts predefined-length AIs by length and runs variable ones to the separator', () => {
    const result = parse(`]d20100844588003288${'10'}LOT1${GS}17141120`);
    expect(result.elements.map((e) => [e.key, e.value])).toEqual([
      ['01', '00844588003288'],
      ['10', 'LOT1'],
      ['17', '141120'],
    ]);
  });

  it('reads a variable-length AI up to the end when the separator is missing, and reports the length', () => {
    const result = parse(`]d2010084458800328810LOT1171411202110987654`);
    expect(result.lot).toBe('LOT1171411202110987654'.slice(0, 22));
    expect(result.problems.map((p) => p.code)).toEqual(['value_too_long']);
  });

  it('reports scan data with a GS1 symbology identifier but no data', () => {
    expect(parse(']d2')).toMatchObject({ issuer: 'GS1', valid: false, problems: [expect.objectContaining({ code: 'no_data' })] });
  });

  it('rejects an unsupported symbology identifier', () => {
    expect(codes(']X9123')).toEqual(['symbology_identifier']);
  });

  it('turns EAN-13 scan data into a GTIN-14 and checks its check digit', () => {
    expect(parse(']E02112345678900')).toMatchObject({ format: 'gs1-ean-upc', deviceIdentifier: '02112345678900', valid: true });
    expect(codes(']E02112345678901')).toEqual(['check_digit']);
    expect(parse(']E402345673').deviceIdentifier).toBe('00000002345673');
  });
});

describe('GS1 Digital Link', () => {
  it('reads key, qualifiers and query attributes', () => {
    const result = parse('https://id.example.org/01/00844588003288/10/LOT1/21/SER1?17=141120&11=140101');
    expect(result).toMatchObject({
      format: 'gs1-digital-link',
      deviceIdentifier: '00844588003288',
      lot: 'LOT1',
      serial: 'SER1',
      expiryDate: '2014-11-20',
      manufactureDate: '2014-01-01',
      valid: true,
    });
  });

  it('pads a zero-suppressed GTIN when allowed, and rejects it otherwise', () => {
    expect(parseUdi('https://example.com/01/9520123456788', { referenceDate, permitZeroSuppressedGtin: true })).toMatchObject({
      valid: true,
      deviceIdentifier: '09520123456788',
    });
    expect(codes('https://example.com/01/9520123456788')).toEqual(['zero_suppressed_gtin']);
  });

  it('does not treat an ordinary web address as a UDI', () => {
    expect(parse('https://www.example.com/support/manuals')).toMatchObject({ issuer: 'unknown', valid: false });
  });

  it('reads a Digital Link scanned from a plain QR code', () => {
    expect(parse(']Q1https://id.example.org/01/00844588003288/21/SER1')).toMatchObject({ issuer: 'GS1', symbology: 'Q1', serial: 'SER1', valid: true });
  });
});

describe('formatGs1', () => {
  it('writes elements in the parenthesised human-readable form and round-trips', () => {
    const result = parse(`]d20100844588003288${'10'}A(B${GS}17141120`);
    const text = formatGs1(result);
    expect(text).toBe('(01)00844588003288(10)A\\(B(17)141120');
    expect(parse(text).elements).toEqual(result.elements);
  });

  it('returns an empty string for other issuers', () => {
    expect(formatGs1(parse('=)1TE123456A'))).toBe('');
  });
});
