import { describe, expect, it } from 'vitest';
import { checkEnteredIdentifiers, checkIdentifier } from '../../../src/modules/models/identifiers.ts';

/** Device identifiers as the FDA GUDID sample (shared/fixtures/gudid) lists them. */
describe('checkIdentifier', () => {
  it('keeps a GS1 DI as GTIN-14 and verifies its check digit', () => {
    expect(checkIdentifier({ issuingAgency: 'GS1', deviceIdentifier: '00844588018923' })).toEqual({
      identifier: { issuing_agency: 'GS1', device_identifier: '00844588018923', kind: 'primary', check_digit_valid: true },
      problem: null,
    });
    expect(checkIdentifier({ issuingAgency: 'GS1', deviceIdentifier: '00841518100003' })).toEqual({
      identifier: { issuing_agency: 'GS1', device_identifier: '00841518100003', kind: 'primary', check_digit_valid: false },
      problem: 'fails the GS1 check digit: the last digit should be 0, not 3',
    });
    // A package DI written as GTIN-13 in GUDID (and failing its check digit).
    expect(checkIdentifier({ issuingAgency: 'GS1', deviceIdentifier: '1081463902131', kind: 'package' }).identifier).toMatchObject({
      device_identifier: '01081463902131',
      kind: 'package',
      check_digit_valid: false,
    });
    expect(checkIdentifier({ issuingAgency: 'GS1', deviceIdentifier: ' 0084 4588 018923 ' }).identifier.device_identifier).toBe('00844588018923');
    expect(checkIdentifier({ issuingAgency: 'GS1', deviceIdentifier: 'H373VBJR062502A3F' }).problem).toBe('is not a GTIN (8, 12, 13 or 14 digits)');
  });

  it('accepts HIBCC DIs with or without their check character, and flags what is not HIBC', () => {
    expect(checkIdentifier({ issuingAgency: 'HIBCC', deviceIdentifier: 'M4400192Z1', kind: 'secondary' }).problem).toBeNull();
    expect(checkIdentifier({ issuingAgency: 'HIBCC', deviceIdentifier: 'H373VBJR062502A3F' }).problem).toBeNull();
    expect(checkIdentifier({ issuingAgency: 'HIBCC', deviceIdentifier: '+H373VBJR062502A3F' }).identifier.device_identifier).toBe('H373VBJR062502A3F');
    // The same DI with a wrong check character, and a GTIN filed under HIBCC.
    expect(checkIdentifier({ issuingAgency: 'HIBCC', deviceIdentifier: 'H373VBJR062502A3G' }).identifier.check_digit_valid).toBe(false);
    expect(checkIdentifier({ issuingAgency: 'HIBCC', deviceIdentifier: '00841523106431' }).problem).toMatch(/is not an HIBCC DI/);
  });

  it('checks ICCBBA DIs for their character set', () => {
    expect(checkIdentifier({ issuingAgency: 'ICCBBA', deviceIdentifier: 'a9999xyz100t0944' }).identifier).toMatchObject({ device_identifier: 'A9999XYZ100T0944', check_digit_valid: true });
    expect(checkIdentifier({ issuingAgency: 'ICCBBA', deviceIdentifier: 'A99-99' }).problem).toMatch(/is not an ICCBBA DI/);
  });
});

describe('checkEnteredIdentifiers', () => {
  it('names each failing or repeated identifier by its path', () => {
    const { problems } = checkEnteredIdentifiers(
      [
        { issuingAgency: 'GS1', deviceIdentifier: '00844588018923' },
        { issuingAgency: 'GS1', deviceIdentifier: '0844588018923' },
        { issuingAgency: 'GS1', deviceIdentifier: '00841518100003' },
      ],
      '/body/identifiers',
    );
    expect(problems).toEqual([
      { path: '/body/identifiers/1/deviceIdentifier', message: 'is listed twice' },
      { path: '/body/identifiers/2/deviceIdentifier', message: 'fails the GS1 check digit: the last digit should be 0, not 3' },
    ]);
  });
});
