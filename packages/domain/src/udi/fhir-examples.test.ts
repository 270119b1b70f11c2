/// <reference types="node" />
// Node types are referenced here only to read the shared fixture; the domain sources stay free of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUdi } from './parse-udi.ts';
import { formatGs1 } from './gs1-result.ts';
import { fixturePath } from '../../../../test-support/fixtures.ts';

const fixtureFile = fixturePath('gs1/fhir-udi-examples.txt');
const lines = readFileSync(fixtureFile, 'utf8').split('\n');
const referenceDate = new Date('2025-06-01T00:00:00Z');

/** The whitespace-delimited token after `label` on the fixture line starting with `id issuer`. */
function field(id: string, issuer: string, label: string): string {
  const line = lines.find((l) => l.startsWith(`${id} `) && l.includes(` ${issuer} `) && l.includes(label));
  const token = line?.split(label)[1]?.trim().split(/\s+/)[0];
  if (!token) throw new Error(`fixture has no ${label} for ${id} ${issuer}`);
  return token;
}

describe('FHIR specification UDI examples', () => {
  it('parses the GS1 human-readable carrier written with FHIR braces', () => {
    const hrf = field('udi1', 'GS1', 'carrierHRF');
    expect(hrf.startsWith('{01}')).toBe(true);
    const result = parseUdi(hrf, { referenceDate });
    expect(result).toMatchObject({
      issuer: 'GS1',
      format: 'gs1-bracketed',
      deviceIdentifier: '00844588003288',
      expiryDate: '2014-11-20',
      lot: '7654321D',
      serial: '10987654d321',
      valid: true,
      problems: [],
    });
    expect(formatGs1(result)).toBe('(01)00844588003288(17)141120(10)7654321D(21)10987654d321');
  });

  it('parses the same GS1 UDI in the parenthesised form of FHIR R4 JSON', () => {
    const result = parseUdi('(01)00844588003288(17)141120(10)7654321D(21)10987654d321', { referenceDate });
    expect(result.valid).toBe(true);
    expect(result.deviceIdentifier).toBe('00844588003288');
  });

  it('reads what it can of the inconsistent GS1 AIDC example and flags the stray spaces', () => {
    const line = lines.find((l) => l.startsWith('udi1') && l.includes('carrierAIDC')) ?? '';
    const aidc = (/"(.*)"/.exec(line)?.[1] ?? '').replaceAll('<U+2194>', '\u2194');
    expect(aidc.startsWith(']d2')).toBe(true);
    const result = parseUdi(aidc, { referenceDate });
    expect(result).toMatchObject({ issuer: 'GS1', symbology: 'd2', deviceIdentifier: '10857674002017', expiryDate: '2014-11-20', valid: false });
    expect(result.problems.map((p) => p.code)).toContain('malformed_ai');
  });

  it('flags the known-wrong check character of the HIBCC example but still reads its data', () => {
    const hrf = field('udi3', 'HIBCC', 'carrierHRF');
    const result = parseUdi(hrf, { referenceDate });
    expect(result).toMatchObject({
      issuer: 'HIBCC',
      deviceIdentifier: 'H123PARTNO1234567890120',
      expiryDate: '2020-02-02',
      manufactureDate: '2013-02-02',
      lot: 'LOT123456789012345',
      serial: 'XYZ456789012345678',
      valid: false,
    });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'check_character', severity: 'error' })]);
    expect(result.problems[0]?.message).toContain('"H"');
  });

  it('accepts the HIBCC example once its check character is corrected to H', () => {
    const corrected = `${field('udi3', 'HIBCC', 'carrierHRF').slice(0, -1)}H`;
    const result = parseUdi(corrected, { referenceDate });
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('recognises the ICCBBA carrier of udi4', () => {
    const hrf = field('udi4', 'ICCBBA', 'carrierHRF');
    const result = parseUdi(hrf, { referenceDate });
    expect(result).toMatchObject({ issuer: 'ICCBBA', format: 'iccbba', valid: true });
    expect(result.elements).toEqual([
      { key: '=)', value: '1TE123456A', label: expect.any(String) },
      { key: '&)', value: 'RZ12345678', label: expect.any(String) },
    ]);
  });

  it('recognises the udi2 ICCBBA device identifier and DIN when encoded with their data identifiers', () => {
    const di = field('udi2', 'ICCBBA', 'DI');
    const din = field('udi2', 'ICCBBA', 'DIN');
    const result = parseUdi(`=/${di}=${din}`, { referenceDate });
    expect(result).toMatchObject({ issuer: 'ICCBBA', deviceIdentifier: 'A9999XYZ100T0474', valid: true });
    expect(result.elements.map((e) => [e.key, e.value])).toEqual([
      ['=/', 'A9999XYZ100T0474'],
      ['=', 'A99971312345600'],
    ]);
  });
});
