import { describe, expect, it } from 'vitest';
import { knownAis, lookupAi } from './ai-table.ts';
import { parseUdiOrAssetTag } from './asset-tag.ts';
import { MAX_UDI_LENGTH, parseUdi } from './parse-udi.ts';

describe('parseUdi on bad input', () => {
  it.each([
    ['an empty string', '', 'empty'],
    ['only whitespace', ' \t\r\n', 'empty'],
    ['binary junk', '\u0000\u0001\u00ff\u0002', 'invalid_character'],
    ['a lone surrogate', '(10)A\ud800', 'invalid_character'],
    ['an ISO 15434 envelope', '[)>\u001e06\u001d1PABC\u001e\u0004', 'invalid_character'],
    ['10 kB of text', '(01)'.padEnd(10_240, '9'), 'too_long'],
    ['plain words', 'hello world', 'unrecognized_format'],
  ])('returns valid:false for %s', (_name, text, code) => {
    const result = parseUdi(text);
    expect(result).toMatchObject({ issuer: 'unknown', valid: false, elements: [] });
    expect(result.problems.map((p) => p.code)).toEqual([code]);
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(parseUdi(undefined as unknown as string).valid).toBe(false);
    expect(parseUdi(42 as unknown as string).valid).toBe(false);
  });

  it('accepts input up to the length limit', () => {
    expect(parseUdi(`(10)${'A'.repeat(MAX_UDI_LENGTH - 4)}`).problems.map((p) => p.code)).toEqual(['value_too_long', 'missing_device_identifier']);
  });

  it('strips the line ending that keyboard-wedge scanners append', () => {
    expect(parseUdi('(01)00844588003288\r\n').valid).toBe(true);
  });

  it('never throws and always reports why a result is invalid, on 5,000 pseudo-random inputs', () => {
    const alphabet = '0123456789()[]{}^+$/=&%*-. ]dCQe1203ABZaz\u001d\u001e?#:';
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 5000; n++) {
      const length = next() % 60;
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet.charAt(next() % alphabet.length);
      const result = parseUdi(text);
      expect(result.valid).toBe(!result.problems.some((p) => p.severity === 'error'));
      if (!result.valid) expect(result.problems.length).toBeGreaterThan(0);
      if (result.valid) expect(result.issuer).not.toBe('unknown');
    }
  });
});

describe('parseUdiOrAssetTag', () => {
  it('classifies UDIs of every issuer, even damaged ones, as UDIs', () => {
    expect(parseUdiOrAssetTag('(01)00844588003288(21)SN1').kind).toBe('udi');
    expect(parseUdiOrAssetTag('(01)00841518100003').kind).toBe('udi');
    expect(parseUdiOrAssetTag('+A123BJC5D6E71X').kind).toBe('udi');
    expect(parseUdiOrAssetTag('=)1TE123456A&)RZ12345678').kind).toBe('udi');
  });

  it('returns other printable text as an asset tag, without symbology identifier or Code 39 asterisks', () => {
    expect(parseUdiOrAssetTag('BME-004512')).toEqual({ kind: 'asset_tag', assetTag: 'BME-004512' });
    expect(parseUdiOrAssetTag('  104523 \r\n')).toEqual({ kind: 'asset_tag', assetTag: '104523' });
    expect(parseUdiOrAssetTag(']d1TAG 77')).toEqual({ kind: 'asset_tag', assetTag: 'TAG 77' });
    expect(parseUdiOrAssetTag('*A12345*')).toEqual({ kind: 'asset_tag', assetTag: 'A12345' });
  });

  it('marks a tag that is also a well-formed GTIN so both lookups can be tried', () => {
    expect(parseUdiOrAssetTag('00844588003288')).toEqual({
      kind: 'asset_tag',
      assetTag: '00844588003288',
      possibleDeviceIdentifier: '00844588003288',
    });
    expect(parseUdiOrAssetTag('9520123456788')).toMatchObject({ possibleDeviceIdentifier: '09520123456788' });
    expect(parseUdiOrAssetTag('00844588003289')).toEqual({ kind: 'asset_tag', assetTag: '00844588003289' });
  });

  it('gives up on empty, binary, over-long and web-address input', () => {
    expect(parseUdiOrAssetTag('').kind).toBe('unknown');
    expect(parseUdiOrAssetTag('\u0000\u0007').kind).toBe('unknown');
    expect(parseUdiOrAssetTag('A'.repeat(65)).kind).toBe('unknown');
    expect(parseUdiOrAssetTag('x'.repeat(10_000)).kind).toBe('unknown');
    expect(parseUdiOrAssetTag('https://intranet.example.org/assets/104523').kind).toBe('unknown');
    expect(parseUdiOrAssetTag('caf\u00e9').kind).toBe('unknown');
  });
});

describe('GS1 AI table', () => {
  it('is prefix-free, so an AI can be read from an element string without separators', () => {
    const ais = knownAis();
    for (const ai of ais) {
      const prefixes = ais.filter((other) => other !== ai && ai.startsWith(other));
      expect(prefixes, ai).toEqual([]);
    }
  });

  it('marks the predefined-length AIs that never need a separator', () => {
    expect(lookupAi('01')).toMatchObject({ fixedLength: 14, predefinedLength: true });
    expect(lookupAi('17')).toMatchObject({ fixedLength: 6, predefinedLength: true });
    expect(lookupAi('3103')).toMatchObject({ fixedLength: 6, predefinedLength: true });
    expect(lookupAi('7003')).toMatchObject({ fixedLength: 10, predefinedLength: false });
    expect(lookupAi('10')).toMatchObject({ fixedLength: undefined, predefinedLength: false });
    expect(lookupAi('89')).toBeUndefined();
  });
});
