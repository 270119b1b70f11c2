/**
 * Manufacturer name normalization. The key keeps what distinguishes a company and drops what does
 * not: case, punctuation, diacritics, legal forms (Inc, GmbH, AG & Co. KGaA…) and corporate
 * descriptors (Healthcare, Medical Systems, International, USA…). A lone "Medical" or "Systems"
 * stays, because "Hamilton Medical" and "Hamilton Company" are different manufacturers; aliases
 * cover "ZOLL" vs "ZOLL Medical".
 */

/** German umlauts are spelled out (Dräger → Draeger) so both spellings meet; other marks are dropped. */
const LETTER_FOLDS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

const DROPPED_TRAILING_TOKENS = new Set([
  // legal forms
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'companies', 'ltd', 'limited', 'llc',
  'llp', 'lp', 'plc', 'gmbh', 'mbh', 'ag', 'sa', 'se', 'spa', 'srl', 'sarl', 'sas', 'bv', 'nv', 'kg',
  'kgaa', 'ab', 'as', 'asa', 'oy', 'oyj', 'pty', 'pte', 'kk', 'ulc',
  // corporate descriptors
  'healthcare', 'international', 'intl', 'group', 'holding', 'holdings', 'usa', 'us', 'america',
  'americas', 'worldwide', 'global',
  // connectors left behind ("… Corporation of the Americas")
  'of', 'the', 'and',
]);

const DROPPED_TRAILING_PHRASES = [
  ['health', 'care'],
  ['medical', 'systems'],
  ['medical', 'solutions'],
  ['north', 'america'],
];

function foldLetters(text: string): string {
  return text
    .replace(/[äöüßæœøłđðþ]/g, (ch) => LETTER_FOLDS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** "c r bard" → "cr bard", "g e" → "ge": runs of initials become one token. */
function mergeInitials(tokens: string[]): string[] {
  const merged: string[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') merged.push(run);
    run = '';
  };
  for (const token of tokens) {
    if (token.length === 1 && /[a-z]/.test(token)) run += token;
    else {
      flush();
      merged.push(token);
    }
  }
  flush();
  return merged;
}

function endsWith(tokens: string[], phrase: string[]): boolean {
  if (tokens.length <= phrase.length) return false;
  return phrase.every((word, i) => tokens[tokens.length - phrase.length + i] === word);
}

function dropTrailing(tokens: string[]): string[] {
  const result = [...tokens];
  for (;;) {
    const phrase = DROPPED_TRAILING_PHRASES.find((p) => endsWith(result, p));
    if (phrase) result.splice(result.length - phrase.length);
    else if (result.length > 1 && DROPPED_TRAILING_TOKENS.has(result[result.length - 1]!)) result.pop();
    else return result;
  }
}

function tokenize(text: string): string[] {
  const cleaned = foldLetters(text.toLowerCase())
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (cleaned === '') return [];
  const tokens = mergeInitials(cleaned.split(' ').filter((t) => t !== 'and'));
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  return tokens;
}

/**
 * Normalizes a manufacturer name to a comparison key: lower-case ASCII words separated by single
 * spaces, without text in parentheses, legal forms or corporate descriptors.
 * "PHILIPS HEALTHCARE" → "philips", "Drägerwerk AG & Co. KGaA" → "draegerwerk", "" → "".
 */
export function normalizeManufacturerName(raw: string): string {
  const withoutParentheses = raw.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return dropTrailing(tokenize(withoutParentheses)).join(' ');
}

/**
 * The keys a raw name can match on: the normalized name, then the normalized text of each
 * parenthesis ("General Electric (GE)" → ["general electric", "ge"]). Duplicates and empty keys
 * are left out.
 */
export function manufacturerNameKeys(raw: string): string[] {
  const keys = [normalizeManufacturerName(raw)];
  for (const match of raw.matchAll(/\(([^)]*)\)|\[([^\]]*)\]/g)) {
    keys.push(normalizeManufacturerName(match[1] ?? match[2] ?? ''));
  }
  return [...new Set(keys.filter((key) => key !== ''))];
}

/** A key without spaces, so "Hill-Rom" and "Hillrom", "B. Braun" and "BBraun" meet. */
export function compactManufacturerKey(key: string): string {
  return key.replace(/ /g, '');
}
