import { describe, expect, it } from 'vitest';
import { manufacturerNameKeys, normalizeManufacturerName } from './normalize.ts';
import { levenshteinSimilarity, trigramSimilarity } from './similarity.ts';

describe('normalizeManufacturerName', () => {
  it.each([
    ['PHILIPS HEALTHCARE', 'philips'],
    ['Philips Medical Systems North America Co.', 'philips'],
    ['GE Medical Systems, LLC', 'ge'],
    ['G.E. Healthcare', 'ge'],
    ['General Electric (GE)', 'general electric'],
    ['Dräger', 'draeger'],
    ['Drägerwerk AG & Co. KGaA', 'draegerwerk'],
    ['Becton, Dickinson and Company', 'becton dickinson'],
    ['Becton Dickinson & Co', 'becton dickinson'],
    ['C.R. Bard, Inc.', 'cr bard'],
    ['B. Braun Melsungen AG', 'b braun melsungen'],
    ['Siemens Medical Solutions USA, Inc.', 'siemens'],
    ['Olympus Corporation of the Americas', 'olympus'],
    ['KARL STORZ SE & Co. KG', 'karl storz'],
    ['Ambu A/S', 'ambu'],
    ['  Nihon   Kohden  ', 'nihon kohden'],
    ['Hôpital Équipement Société S.A.', 'hopital equipement societe'],
    ["Dr. Mach's", 'dr machs'],
    ['The Cooper Companies', 'cooper'],
  ])('%s → %s', (raw, key) => {
    expect(normalizeManufacturerName(raw)).toBe(key);
  });

  it('keeps words that tell companies apart', () => {
    expect(normalizeManufacturerName('Hamilton Medical AG')).toBe('hamilton medical');
    expect(normalizeManufacturerName('Hamilton Company')).toBe('hamilton');
    expect(normalizeManufacturerName('Fresenius Medical Care')).toBe('fresenius medical care');
    expect(normalizeManufacturerName('Fresenius Kabi')).toBe('fresenius kabi');
    expect(normalizeManufacturerName('Phillips-Medisize')).toBe('phillips medisize');
  });

  it('never strips a name to nothing', () => {
    expect(normalizeManufacturerName('Healthcare Inc.')).toBe('healthcare');
    expect(normalizeManufacturerName('Medical Systems')).toBe('medical systems');
    expect(normalizeManufacturerName('')).toBe('');
    expect(normalizeManufacturerName(' -- ')).toBe('');
  });
});

describe('manufacturerNameKeys', () => {
  it('adds the text in parentheses as a second key', () => {
    expect(manufacturerNameKeys('General Electric (GE)')).toEqual(['general electric', 'ge']);
    expect(manufacturerNameKeys('Philips (Philips Healthcare)')).toEqual(['philips']);
    expect(manufacturerNameKeys('()')).toEqual([]);
  });
});

describe('similarity', () => {
  it('scores trigram similarity like pg_trgm', () => {
    expect(trigramSimilarity('philips', 'philips')).toBe(1);
    expect(trigramSimilarity('philips', 'zoll')).toBe(0);
    expect(trigramSimilarity('phillips', 'philips')).toBeGreaterThan(0.5);
    expect(trigramSimilarity('', 'philips')).toBe(0);
  });

  it('scores Levenshtein similarity against the longer string', () => {
    expect(levenshteinSimilarity('phillips', 'philips')).toBeCloseTo(7 / 8);
    expect(levenshteinSimilarity('', '')).toBe(1);
  });
});
