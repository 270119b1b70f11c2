import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import type { Page } from '../../http/pagination.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { deviceListQuery, type DeviceQuery } from './filters.ts';
import type { ListRow } from './presenter.ts';
import type { DeviceFilters } from './schema-query.ts';
import { planSearch, type SearchPlan } from './search-plan.ts';

/** At most this many trigram candidates are ranked when the words name no model: a bound on the worst case. */
const CANDIDATE_CAP = 3000;
/** At most this many model groups are read for one page; a page may then be short, its cursor goes on. */
const MAX_GROUPS_PER_PAGE = 25;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Where a relevance page ended: phase 0 lists exact matches, phase 1 the similar ones, by score then asset tag. */
interface Position {
  phase: 0 | 1;
  score: number;
  tag: string;
  id: string;
}

type Ranked = ListRow & { search_score: number; phase: 0 | 1 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodePosition(cursor: string): Position {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v[0] === 'relevance' && (v[1] === 0 || v[1] === 1) && typeof v[2] === 'number' && typeof v[3] === 'string' && UUID.test(String(v[4]))) {
      return { phase: v[1], score: v[2], tag: v[3], id: String(v[4]) };
    }
  } catch {
    // answered below
  }
  throw new AppError('validation', 'The cursor is not one this API handed out', {
    fields: [{ path: '/querystring/cursor', message: 'does not continue a search ranked by relevance' }],
  });
}

const encodePosition = (p: Position) => Buffer.from(JSON.stringify(['relevance', p.phase, p.score, p.tag, p.id])).toString('base64url');

const afterTag = (p: { tag: string; id: string }) => sql<boolean>`(devices.asset_tag, devices.id) > (${p.tag}, ${p.id}::uuid)`;

/** Exact asset tag or serial matches, by asset tag. */
async function exactMatches(base: () => DeviceQuery<ListRow>, plan: SearchPlan, after: Position | null, want: number): Promise<Ranked[]> {
  if (plan.exactIds.length === 0 || (after && after.phase !== 0)) return [];
  let query = base().where('devices.id', 'in', plan.exactIds);
  if (after) query = query.where(afterTag(after));
  const rows = await query.orderBy('devices.asset_tag').orderBy('devices.id').limit(want).execute();
  return rows.map((r) => ({ ...r, search_score: 1, phase: 0 as const }));
}

/**
 * Devices of the matched models, best-scoring models first and by asset tag within equal scores: one indexed,
 * ordered query per score group until the page is full.
 */
async function byModelGroups(base: () => DeviceQuery<ListRow>, plan: SearchPlan, after: Position | null, want: number) {
  const groups = new Map<number, string[]>();
  for (const [modelId, score] of plan.models ?? []) groups.set(score, [...(groups.get(score) ?? []), modelId]);
  const ordered = [...groups.entries()].sort((a, b) => b[0] - a[0]).filter(([score]) => !after || score <= after.score);
  const rows: Ranked[] = [];
  let read = 0;
  for (const [score, modelIds] of ordered) {
    if (read === MAX_GROUPS_PER_PAGE) return { rows, resumeAt: score };
    read += 1;
    let query = base().where('devices.model_id', 'in', modelIds);
    if (plan.exactIds.length) query = query.where('devices.id', 'not in', plan.exactIds);
    if (after && score === after.score) query = query.where(afterTag(after));
    const found = await query.orderBy('devices.asset_tag').orderBy('devices.id').limit(want - rows.length).execute();
    rows.push(...found.map((r) => ({ ...r, search_score: score, phase: 1 as const })));
    if (rows.length >= want) break;
  }
  return { rows, resumeAt: null };
}

/** Trigram matches of the identifier words (GIN devices_search_trgm), most similar first, within the matched models if any. */
async function byIdentifier(trx: Trx, base: () => DeviceQuery<ListRow>, plan: SearchPlan, after: Position | null, want: number): Promise<Ranked[]> {
  if (plan.models && plan.models.size === 0) return [];
  let candidates = base()
    .select(sql<number>`word_similarity(${plan.rest}, devices.search_text)`.as('search_score'))
    .where(sql<boolean>`${plan.rest} <% devices.search_text`);
  if (plan.models) candidates = candidates.where('devices.model_id', 'in', [...plan.models.keys()]);
  if (plan.exactIds.length) candidates = candidates.where('devices.id', 'not in', plan.exactIds);
  let query = trx.selectFrom(candidates.limit(CANDIDATE_CAP).as('devices')).selectAll();
  if (after?.phase === 1) {
    query = query.where(sql<boolean>`(-devices.search_score, devices.asset_tag, devices.id) > (-${after.score}::real, ${after.tag}, ${after.id}::uuid)`);
  }
  const rows = await query.orderBy('devices.search_score', 'desc').orderBy('devices.asset_tag').orderBy('devices.id').limit(want).execute();
  return rows.map((r) => ({ ...r, phase: 1 as const }));
}

/**
 * The public device search (GET /devices?q=): exact asset tag or serial number matches first, then devices whose
 * model, manufacturer or type names the words (typos tolerated), best match first, then trigram matches of the
 * remaining words against asset tags and serials. Filters and facility scope apply throughout.
 */
export async function searchDevices(
  trx: Trx,
  auth: AuthContext,
  text: string,
  filters: Omit<DeviceFilters, 'q'>,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ListRow>> {
  const after = page.cursor ? decodePosition(page.cursor) : null;
  const plan = await planSearch(trx, auth, text);
  const base = () => deviceListQuery(trx, auth, filters) as DeviceQuery<ListRow>;
  const want = page.limit + 1;
  const rows = await exactMatches(base, plan, after, want);
  let resumeAt: number | null = null;
  if (rows.length < want && plan.rest !== null) {
    rows.push(...(await byIdentifier(trx, base, plan, after?.phase === 1 ? after : null, want - rows.length)));
  } else if (rows.length < want && plan.models) {
    const grouped = await byModelGroups(base, plan, after?.phase === 1 ? after : null, want - rows.length);
    rows.push(...grouped.rows);
    resumeAt = grouped.resumeAt;
  }
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > page.limit && last) {
    nextCursor = encodePosition({ phase: last.phase, score: last.search_score, tag: last.asset_tag, id: last.id });
  } else if (resumeAt !== null) {
    nextCursor = encodePosition({ phase: 1, score: resumeAt, tag: '', id: NIL_UUID });
  }
  return { items: items.map(({ phase: _phase, ...row }) => row), nextCursor };
}

/** Limits a query to the devices a search text matches (exact or similar), for other sorts and the export. */
export async function whereMatches<O>(trx: Trx, auth: AuthContext, qb: DeviceQuery<O>, text: string): Promise<DeviceQuery<O>> {
  const plan = await planSearch(trx, auth, text);
  return qb.where((eb) => {
    const fuzzy = [];
    if (plan.models) fuzzy.push(plan.models.size ? eb('devices.model_id', 'in', [...plan.models.keys()]) : sql<boolean>`false`);
    if (plan.rest !== null) fuzzy.push(sql<boolean>`${plan.rest} <% devices.search_text`);
    const either = [];
    if (plan.exactIds.length) either.push(eb('devices.id', 'in', plan.exactIds));
    if (fuzzy.length) either.push(eb.and(fuzzy));
    return either.length ? eb.or(either) : sql<boolean>`false`;
  });
}
