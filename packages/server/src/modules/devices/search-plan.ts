import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { inScope } from './device-access.ts';

/**
 * A word proposes the models, manufacturers and types it resembles at this strict word similarity (`<<%`, GIN
 * indexes): "infsuion" ~ "Infusion" 0.38, "defib" ~ "Defibrillator" 0.33, "phillips" ~ "Philips" 0.7.
 */
export const CANDIDATE_THRESHOLD = 0.3;
/** A model matches when the name words together resemble its names this much ("infsuion pmp" ~ "… infusion pump": 0.35)… */
export const PHRASE_THRESHOLD = 0.3;
/** …and each name word on its own resembles them at least this much ("pmp" ~ "pump": 0.29; "pump" ~ a monitor: 0.2). */
export const WORD_FLOOR = 0.25;
/**
 * The rest (asset tags, serial numbers) is matched with `<%` at this word similarity: "12345" finds "A-0012345"
 * (0.67). Lower thresholds make digit fragments match tens of thousands of tags, each rechecked.
 */
export const IDENTIFIER_THRESHOLD = 0.6;
/** Shorter words (a tag's prefix letter) say too little to name a model; they stay with the identifier part. */
const MIN_NAME_WORD = 2;
/** Identifier words with fewer letters and digits than this give no trigram worth matching on. */
const MIN_REST = 3;
const MAX_WORDS = 8;

/**
 * How a search text is matched, decided once per request from the (small) reference tables:
 * - `exactIds`: devices whose asset tag or serial number is the text itself (case-insensitive): ranked first;
 * - `models`: when some words name models, manufacturers or device types (typos tolerated), the models every such
 *   word fits, each scored by the word similarity of those words together to the model's names; null when no word
 *   names anything;
 * - `rest`: the other words (asset tag, serial number fragments), matched by trigram word similarity against
 *   devices.search_text (GIN index devices_search_trgm); null when every word named something, or when the text
 *   was found exactly as an identifier (its near-namesakes are noise, and costly to rank).
 * Resolving names at the model level keeps a search for "infusion pump" from ranking a quarter of a million
 * devices one by one: it becomes a filter on model_id, ordered by an index.
 */
export interface SearchPlan {
  exactIds: string[];
  models: Map<string, number> | null;
  rest: string | null;
}

export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_WORDS);
}

/**
 * Sets the trigram thresholds of this transaction (names: strict word similarity; identifiers: word similarity) and
 * finds the exact asset tag or serial number matches, in one round trip.
 */
async function configureAndFindExact(trx: Trx, auth: AuthContext, text: string): Promise<string[]> {
  const spellings = [...new Set([text, text.toUpperCase()])];
  const exact = inScope(trx.selectFrom('devices').select('devices.id'), auth)
    .where((eb) => eb.or([eb('devices.asset_tag', 'in', spellings), eb('devices.serial_number', 'in', spellings)]))
    .limit(100);
  const row = await trx
    .selectNoFrom([
      sql<string[]>`array(${exact})::text[]`.as('exact'),
      sql<string>`set_config('pg_trgm.strict_word_similarity_threshold', ${String(CANDIDATE_THRESHOLD)}, true)`.as('names'),
      sql<string>`set_config('pg_trgm.word_similarity_threshold', ${String(IDENTIFIER_THRESHOLD)}, true)`.as('identifiers'),
    ])
    .executeTakeFirstOrThrow();
  return row.exact;
}

/**
 * In one query: the candidate models the words propose (by model number or name, manufacturer name or alias,
 * device type), each word's similarity to each candidate's names, which words name something (the name words),
 * and the candidates every name word fits, scored by the similarity of the name words together to their names.
 */
async function matchNames(trx: Trx, words: string[]): Promise<{ named: string[]; models: Map<string, number> }> {
  const result = await sql<{ named: string[] | null; models: [string, number][] | null }>`
    with words as (select w, i from unnest(${words}::text[]) with ordinality u(w, i)),
    candidates as (
      select m.id from words join models m on words.w <<% m.search_text
      union
      select m.id from models m where m.manufacturer_id in (
        select mf.id from words join manufacturers mf on words.w <<% mf.normalized_name or words.w <<% mf.name
        union
        select a.manufacturer_id from words join manufacturer_aliases a on words.w <<% a.normalized_alias)
      union
      select m.id from models m where m.device_type_id in (select dt.id from words join device_types dt on words.w <<% dt.name)
    ),
    texts as (
      select m.id, device_search_text(null, null, m.model_number, m.name, mf.name, dt.name) as t
      from models m
      join manufacturers mf on mf.tenant_id = m.tenant_id and mf.id = m.manufacturer_id
      left join device_types dt on dt.tenant_id = m.tenant_id and dt.id = m.device_type_id
      where m.id in (select id from candidates)
    ),
    sims as (select texts.id, words.w, word_similarity(words.w, texts.t) as s from texts, words),
    named as (select w from sims group by w having max(s) >= ${WORD_FLOOR}),
    phrase as (select string_agg(w, ' ' order by i) as p from words where w in (select w from named)),
    fitting as (select id from sims where w in (select w from named) group by id having min(s) >= ${WORD_FLOOR})
    select
      (select array_agg(w) from named) as named,
      (select json_agg(json_build_array(texts.id, round(word_similarity(phrase.p, texts.t)::numeric, 3)))
         from texts, phrase
        where texts.id in (select id from fitting) and word_similarity(phrase.p, texts.t) >= ${PHRASE_THRESHOLD}) as models`.execute(trx);
  const row = result.rows[0];
  return { named: row?.named ?? [], models: new Map((row?.models ?? []).map(([id, score]) => [id, Number(score)])) };
}

/** Decides how `text` is matched (see SearchPlan). */
export async function planSearch(trx: Trx, auth: AuthContext, text: string): Promise<SearchPlan> {
  const trimmed = text.trim();
  const exactIds = await configureAndFindExact(trx, auth, trimmed);
  // One token that is some device's asset tag or serial number (a scan, a pasted tag) names that device: its
  // fragments are not looked up as names.
  if (exactIds.length > 0 && !/\s/.test(trimmed)) return { exactIds, models: null, rest: null };
  const words = searchWords(trimmed);
  const nameWords = words.filter((w) => w.length >= MIN_NAME_WORD);
  const { named, models } = nameWords.length ? await matchNames(trx, nameWords) : { named: [], models: new Map<string, number>() };
  const restWords = words.filter((w) => !named.includes(w));
  // A tag's one- or two-letter prefix ("a" of A-0012345) is on every device: it only slows the trigram index down.
  const telling = restWords.filter((w) => w.length >= MIN_REST);
  const rest = (telling.length ? telling : restWords).join(' ');
  return {
    exactIds,
    models: named.length ? models : null,
    rest: rest.replace(/\s/g, '').length >= MIN_REST && !(exactIds.length > 0 && named.length === 0) ? rest : null,
  };
}
