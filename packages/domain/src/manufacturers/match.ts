import type { ManufacturerCandidate } from './known-manufacturers.ts';
import { compactManufacturerKey, manufacturerNameKeys } from './normalize.ts';
import { levenshteinSimilarity, trigramSimilarity } from './similarity.ts';

export interface ManufacturerSuggestion {
  id: string;
  name: string;
  /** The candidate's name or alias that scored best. */
  matchedOn: string;
  /** 0..1; 1 for an exact match on a normalized name. */
  score: number;
}

export type ManufacturerMatch =
  | { kind: 'exact'; normalized: string; id: string; name: string; matchedOn: string }
  | { kind: 'suggestions'; normalized: string; suggestions: ManufacturerSuggestion[] };

export interface MatchManufacturerOptions {
  /** Most suggestions returned; default 5. */
  limit?: number;
  /** Suggestions scoring below this are left out; default 0.6. */
  minScore?: number;
}

interface IndexedName {
  candidate: ManufacturerCandidate;
  text: string;
  key: string;
  compact: string;
}

/** Score given when one name's words are the start of the other's ("Mindray DS USA" vs "Mindray"). */
const WORD_PREFIX_SCORE = 0.85;

function wordPrefixScore(a: string, b: string): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (compactManufacturerKey(shorter).length < 3) return 0;
  return longer.startsWith(`${shorter} `) ? WORD_PREFIX_SCORE : 0;
}

function nameSimilarity(input: string, name: IndexedName): number {
  if (compactManufacturerKey(input) === name.compact) return 1;
  return Math.max(
    levenshteinSimilarity(compactManufacturerKey(input), name.compact),
    trigramSimilarity(input, name.key),
    wordPrefixScore(input, name.key),
  );
}

function indexCandidates(candidates: readonly ManufacturerCandidate[]): IndexedName[] {
  const names: IndexedName[] = [];
  for (const candidate of candidates) {
    for (const text of [candidate.name, ...candidate.aliases]) {
      for (const key of manufacturerNameKeys(text)) {
        names.push({ candidate, text, key, compact: compactManufacturerKey(key) });
      }
    }
  }
  return names;
}

function exactMatches(inputKey: string, names: IndexedName[]): IndexedName[] {
  const compact = compactManufacturerKey(inputKey);
  const byCandidate = new Map<string, IndexedName>();
  for (const name of names) {
    if (name.compact === compact && !byCandidate.has(name.candidate.id)) byCandidate.set(name.candidate.id, name);
  }
  return [...byCandidate.values()];
}

function rankSuggestions(keys: string[], names: IndexedName[], options: MatchManufacturerOptions): ManufacturerSuggestion[] {
  const best = new Map<string, ManufacturerSuggestion>();
  for (const name of names) {
    for (const key of keys) {
      const score = nameSimilarity(key, name);
      const current = best.get(name.candidate.id);
      if (!current || score > current.score) {
        best.set(name.candidate.id, { id: name.candidate.id, name: name.candidate.name, matchedOn: name.text, score });
      }
    }
  }
  const minScore = options.minScore ?? 0.6;
  return [...best.values()]
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, options.limit ?? 5);
}

/**
 * Builds a matcher over a fixed candidate list, for matching many names (an import) against the
 * same manufacturers. See `matchManufacturer`.
 */
export function createManufacturerMatcher(
  candidates: readonly ManufacturerCandidate[],
): (raw: string, options?: MatchManufacturerOptions) => ManufacturerMatch {
  const names = indexCandidates(candidates);
  return (raw, options = {}) => {
    const keys = manufacturerNameKeys(raw);
    const normalized = keys[0] ?? '';
    if (keys.length === 0) return { kind: 'suggestions', normalized, suggestions: [] };
    for (const key of keys) {
      const exact = exactMatches(key, names);
      if (exact.length === 1) {
        const [hit] = exact as [IndexedName];
        return { kind: 'exact', normalized, id: hit.candidate.id, name: hit.candidate.name, matchedOn: hit.text };
      }
      if (exact.length > 1) {
        const suggestions = exact.map((hit) => ({ id: hit.candidate.id, name: hit.candidate.name, matchedOn: hit.text, score: 1 }));
        return { kind: 'suggestions', normalized, suggestions };
      }
    }
    return { kind: 'suggestions', normalized, suggestions: rankSuggestions(keys, names, options) };
  };
}

/**
 * Matches a raw manufacturer name against candidates: an exact match when the normalized name
 * equals one candidate's normalized name or alias, otherwise suggestions ranked by similarity
 * (Levenshtein on the compact key, pg_trgm-style trigrams, word prefix). Two candidates sharing a
 * name come back as suggestions scoring 1, never as an exact match.
 */
export function matchManufacturer(
  raw: string,
  candidates: readonly ManufacturerCandidate[],
  options: MatchManufacturerOptions = {},
): ManufacturerMatch {
  return createManufacturerMatcher(candidates)(raw, options);
}
