import {
  createManufacturerMatcher,
  normalizeManufacturerName,
  type ManufacturerCandidate,
  type ManufacturerSuggestion,
} from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { manufacturerCandidates } from './queries.ts';

export interface ManufacturerNameMatch {
  normalized: string;
  match: { id: string; name: string; matchedOn: string } | null;
  suggestions: ManufacturerSuggestion[];
}

/** A first word this long is compared on its own, so that "Phillips Medical" still suggests Philips. */
const FIRST_WORD_MIN_LENGTH = 4;
const FIRST_WORD_MIN_SCORE = 0.8;
/** Below this a name is not worth suggesting ("Acme Biomedical" scores 0.6 against "Hamilton Medical"). */
const SUGGESTION_MIN_SCORE = 0.7;

/**
 * Matches a raw name against the tenant's manufacturers: the one manufacturer whose normalized name or alias it
 * is, or similar manufacturers ranked best first. Besides the whole name, the first word of a longer name is
 * compared on its own: a company's distinguishing word usually comes first.
 */
export function matchManufacturerName(candidates: readonly ManufacturerCandidate[], raw: string, limit = 5): ManufacturerNameMatch {
  const matcher = createManufacturerMatcher(candidates);
  const result = matcher(raw, { limit, minScore: SUGGESTION_MIN_SCORE });
  if (result.kind === 'exact') {
    return { normalized: result.normalized, match: { id: result.id, name: result.name, matchedOn: result.matchedOn }, suggestions: [] };
  }
  const best = new Map(result.suggestions.map((s) => [s.id, s]));
  const words = normalizeManufacturerName(raw).split(' ');
  if (words.length > 1 && words[0]!.length >= FIRST_WORD_MIN_LENGTH) {
    const byFirstWord = matcher(words[0]!, { limit, minScore: FIRST_WORD_MIN_SCORE });
    const extra = byFirstWord.kind === 'exact' ? [{ id: byFirstWord.id, name: byFirstWord.name, matchedOn: byFirstWord.matchedOn, score: FIRST_WORD_MIN_SCORE }] : byFirstWord.suggestions;
    for (const s of extra) {
      const scaled = { ...s, score: Math.min(s.score, FIRST_WORD_MIN_SCORE) };
      if (!best.has(s.id) || best.get(s.id)!.score < scaled.score) best.set(s.id, scaled);
    }
  }
  const suggestions = [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
  return { normalized: result.normalized, match: null, suggestions };
}

export async function matchManufacturerInTenant(trx: Trx, raw: string, limit?: number): Promise<ManufacturerNameMatch> {
  return matchManufacturerName(await manufacturerCandidates(trx), raw, limit);
}

/**
 * The manufacturer (other than `exceptId`) that already goes by this name: one whose normalized name or alias is
 * the same, or one of several sharing it. Null when the name is free.
 */
export function ownerOfName(candidates: readonly ManufacturerCandidate[], raw: string, exceptId?: string): { id: string; name: string; matchedOn: string } | null {
  const others = exceptId ? candidates.filter((c) => c.id !== exceptId) : candidates;
  const result = createManufacturerMatcher(others)(raw, { limit: 1 });
  if (result.kind === 'exact') return { id: result.id, name: result.name, matchedOn: result.matchedOn };
  const same = result.suggestions.find((s) => s.score === 1);
  return same ? { id: same.id, name: same.name, matchedOn: same.matchedOn } : null;
}
