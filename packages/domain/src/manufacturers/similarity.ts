import { distance } from 'fastest-levenshtein';

function wordTrigrams(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  }
  return trigrams;
}

/**
 * Trigram similarity in the manner of PostgreSQL's pg_trgm: each word padded with two spaces in
 * front and one behind, similarity = shared trigrams / all distinct trigrams. 0..1.
 */
export function trigramSimilarity(a: string, b: string): number {
  const left = wordTrigrams(a);
  const right = wordTrigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared++;
  return shared / (left.size + right.size - shared);
}

/** 1 − Levenshtein distance / length of the longer string. 0..1; 1 for equal strings. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}
