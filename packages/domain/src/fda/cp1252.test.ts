/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { decodeCp1252 } from './cp1252.ts';

describe('decodeCp1252', () => {
  it('decodes every byte as the WHATWG windows-1252 decoder does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeCp1252(bytes)).toBe(new TextDecoder('windows-1252').decode(bytes));
  });

  it('decodes the typographic characters of FDA text', () => {
    expect(decodeCp1252(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x92, 0x95, 0xdf, 0x80]))).toBe('\u201cA\u201d \u2019\u2022ß€');
  });

  it('handles inputs longer than one chunk and empty input', () => {
    const bytes = new Uint8Array(20_000).fill(0xe9);
    const text = decodeCp1252(bytes);
    expect(text).toHaveLength(20_000);
    expect(text.startsWith('ééé')).toBe(true);
    expect(decodeCp1252(new Uint8Array())).toBe('');
  });
});
