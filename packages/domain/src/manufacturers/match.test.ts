import { describe, expect, it } from 'vitest';
import { KNOWN_MANUFACTURERS } from './known-manufacturers.ts';
import { createManufacturerMatcher, matchManufacturer } from './match.ts';
import { compactManufacturerKey, manufacturerNameKeys } from './normalize.ts';

const match = createManufacturerMatcher(KNOWN_MANUFACTURERS);

function exactId(raw: string): string | null {
  const result = match(raw);
  return result.kind === 'exact' ? result.id : null;
}

describe('matchManufacturer on the seed list', () => {
  it.each([
    ['Phillips', 'philips'],
    ['Philips Medical Systems', 'philips'],
    ['PHILIPS HEALTHCARE', 'philips'],
    ['General Electric (GE)', 'ge-healthcare'],
    ['GE Medical Systems', 'ge-healthcare'],
    ['GE Healthcare', 'ge-healthcare'],
    ['Dräger', 'draeger'],
    ['Draeger Medical, Inc.', 'draeger'],
    ['Becton Dickinson & Co', 'bd'],
    ['CareFusion', 'bd'],
    ['Hill-Rom', 'hillrom'],
    ['HILLROM INC', 'hillrom'],
    ['B Braun Medical Inc', 'b-braun'],
    ['Toshiba Medical Systems Corporation', 'canon-medical'],
    ['Hospira, Inc.', 'icu-medical'],
    ['Smiths Medical, Inc.', 'icu-medical'],
    ['Siemens Medical Solutions USA, Inc.', 'siemens-healthineers'],
    ['Zoll Medical Corp', 'zoll'],
  ])('%s → %s', (raw, id) => {
    expect(exactId(raw)).toBe(id);
  });

  it('returns the normalized name with the match', () => {
    expect(match('PHILIPS HEALTHCARE')).toEqual({
      kind: 'exact',
      normalized: 'philips',
      id: 'philips',
      name: 'Philips',
      matchedOn: 'Philips',
    });
  });

  it('suggests rather than guesses for a misspelling', () => {
    const result = match('Medtronc');
    expect(result.kind).toBe('suggestions');
    if (result.kind !== 'suggestions') return;
    expect(result.suggestions[0]).toMatchObject({ id: 'medtronic', matchedOn: 'Medtronic' });
    expect(result.suggestions[0]!.score).toBeGreaterThan(0.8);
    expect(result.suggestions[0]!.score).toBeLessThan(1);
  });

  it('does not collapse distinct companies', () => {
    expect(exactId('Braun')).toBeNull();
    expect(exactId('Hamilton Company')).toBeNull();
    expect(exactId('Storz Medical AG')).toBeNull();
    expect(exactId('Phillips-Medisize')).toBeNull();
    const fresenius = match('Fresenius');
    expect(fresenius.kind === 'suggestions' && fresenius.suggestions.map((s) => s.id).sort()).toEqual([
      'fresenius-kabi',
      'fresenius-medical-care',
    ]);
  });

  it('suggests the company when extra words follow its name', () => {
    const result = match('Karl Storz Endoscopy-America');
    expect(result.kind === 'suggestions' && result.suggestions[0]?.id).toBe('karl-storz');
  });

  it('finds nothing for an unknown or empty name', () => {
    expect(match('Acme Widgets')).toEqual({ kind: 'suggestions', normalized: 'acme widgets', suggestions: [] });
    expect(match('   ')).toEqual({ kind: 'suggestions', normalized: '', suggestions: [] });
  });

  it('gives every seed name and alias exactly one owner', () => {
    const owners = new Map<string, string>();
    for (const manufacturer of KNOWN_MANUFACTURERS) {
      for (const text of [manufacturer.name, ...manufacturer.aliases]) {
        for (const key of manufacturerNameKeys(text)) {
          const compact = compactManufacturerKey(key);
          expect(owners.get(compact) ?? manufacturer.id, `${text} (${compact})`).toBe(manufacturer.id);
          owners.set(compact, manufacturer.id);
        }
        expect(exactId(text), text).toBe(manufacturer.id);
      }
    }
    expect(KNOWN_MANUFACTURERS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(KNOWN_MANUFACTURERS.map((m) => m.id)).size).toBe(KNOWN_MANUFACTURERS.length);
  });
});

describe('matchManufacturer on tenant candidates', () => {
  const candidates = [
    { id: 'm1', name: 'Acme Medical', aliases: ['Acme'] },
    { id: 'm2', name: 'Acme Labs', aliases: ['Acme'] },
    { id: 'm3', name: 'Zenith Devices', aliases: [] },
  ];

  it('reports a shared alias as two suggestions, not an exact match', () => {
    const result = matchManufacturer('ACME, Inc.', candidates);
    expect(result).toEqual({
      kind: 'suggestions',
      normalized: 'acme',
      suggestions: [
        { id: 'm1', name: 'Acme Medical', matchedOn: 'Acme', score: 1 },
        { id: 'm2', name: 'Acme Labs', matchedOn: 'Acme', score: 1 },
      ],
    });
  });

  it('honours limit and minScore', () => {
    const result = matchManufacturer('Zenit Device', candidates, { limit: 1, minScore: 0.5 });
    expect(result.kind === 'suggestions' && result.suggestions.map((s) => s.id)).toEqual(['m3']);
    const strict = matchManufacturer('Zenit Device', candidates, { minScore: 0.99 });
    expect(strict.kind === 'suggestions' && strict.suggestions).toEqual([]);
  });
});
