import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { applyFilters, deviceListQuery, LIST_COLUMNS, SORT_COLUMNS, type DeviceQuery } from './filters.ts';
import type { ListRow, ReferenceNames } from './presenter.ts';
import type { DeviceFilters, DeviceListQuery } from './schema-query.ts';
import { searchDevices, whereMatches } from './search.ts';

/**
 * One page of the device list. Without q: the filters, sorted by an indexed column, keyset-paginated. With q: the
 * search (see searchDevices) ranks exact and similar matches unless another sort is asked for, which then orders
 * the matches.
 */
export async function listDevices(trx: Trx, auth: AuthContext, query: DeviceListQuery): Promise<Page<ListRow>> {
  const { q, limit, cursor, sort, ...filters } = query;
  const field = (sort ?? (q ? 'relevance' : 'assetTag')).replace(/^-/, '');
  if (q && field === 'relevance') return searchDevices(trx, auth, q, filters, { limit: limit ?? 50, cursor });
  let qb = deviceListQuery(trx, auth, filters);
  if (q) qb = await whereMatches(trx, auth, qb, q);
  else if (combinesFilters(filters)) {
    const few = await fewMatches(trx, auth, filters);
    // A materialized CTE, so that the planner sorts the few matches instead of walking the sort index for them.
    if (few) {
      qb = applyFilters(
        trx
          .with((cte) => cte('few_devices').materialized(), (db) => db.selectFrom('devices').selectAll().where(sql<boolean>`devices.id = any(${few}::uuid[])`))
          .selectFrom('few_devices as devices')
          .select(LIST_COLUMNS) as unknown as DeviceQuery<ListRow>,
        auth,
        filters,
      );
    }
  }
  return keysetPage(qb, {
    query: { limit, cursor, sort: field === 'relevance' ? 'assetTag' : sort },
    sortFields: SORT_COLUMNS,
    defaultSort: 'assetTag',
    idColumn: 'devices.id',
  });
}

/** Up to this many matches, a filtered page is sorted from the matches themselves rather than read in sort order. */
const FEW = 500;

/**
 * Two filters or more: the planner estimates a combination as if its filters were independent (a type and a
 * manufacturer that never go together look common), while one filter's frequency it knows from the statistics.
 */
const combinesFilters = (filters: Omit<DeviceFilters, 'q'>) =>
  Object.values(filters).filter((value) => value !== undefined && (!Array.isArray(value) || value.length > 0)).length >= 2;

/**
 * The ids of the devices the filters match when they are few (at most FEW), else null. A page in sort order is
 * normally read along the sort column's index, stopping after a page of matches; for a combination of filters that
 * matches almost nothing (a type with a manufacturer that makes none, physician-owned and out of service…), that walk
 * passes nearly every device before it stops: seconds at a million. This probe, unordered and stopped after FEW + 1
 * rows, is cheap when the matches are many (found at once) and bounded by the filters' own indexes when they are
 * few; with few, the page sorts them.
 */
async function fewMatches(trx: Trx, auth: AuthContext, filters: Omit<DeviceFilters, 'q'>): Promise<string[] | null> {
  const rows = await applyFilters(trx.selectFrom('devices').select('devices.id'), auth, filters).limit(FEW + 1).execute();
  return rows.length <= FEW ? rows.map((r) => r.id) : null;
}

/** The names of everything a page of rows refers to, in one query of primary-key lookups. */
export async function hydrateReferences(trx: Trx, rows: ListRow[]): Promise<ReferenceNames> {
  const names: ReferenceNames = {
    models: new Map(),
    manufacturers: new Map(),
    deviceTypes: new Map(),
    facilities: new Map(),
    departments: new Map(),
    rooms: new Map(),
  };
  if (rows.length === 0) return names;
  const ids = (pick: (r: ListRow) => string | null) => [...new Set(rows.map(pick).filter((id): id is string => id !== null))];
  const result = await sql<{ kind: string; id: string; a: string; b: string | null }>`
    select 'model' as kind, id, model_number as a, name as b from models where id = any(${ids((r) => r.model_id)}::uuid[])
    union all select 'manufacturer', id, name, null from manufacturers where id = any(${ids((r) => r.manufacturer_id)}::uuid[])
    union all select 'type', id, name, null from device_types where id = any(${ids((r) => r.device_type_id)}::uuid[])
    union all select 'facility', id, code, name from facilities where id = any(${ids((r) => r.facility_id)}::uuid[])
    union all select 'department', id, name, null from departments where id = any(${ids((r) => r.department_id)}::uuid[])
    union all select 'room', id, name, null from rooms where id = any(${ids((r) => r.room_id)}::uuid[])`.execute(trx);
  for (const r of result.rows) {
    if (r.kind === 'model') names.models.set(r.id, { modelNumber: r.a, name: r.b });
    else if (r.kind === 'manufacturer') names.manufacturers.set(r.id, r.a);
    else if (r.kind === 'type') names.deviceTypes.set(r.id, r.a);
    else if (r.kind === 'facility') names.facilities.set(r.id, { code: r.a, name: r.b ?? r.a });
    else if (r.kind === 'department') names.departments.set(r.id, r.a);
    else names.rooms.set(r.id, r.a);
  }
  return names;
}

/** Every device matching the filters, in asset-tag order, `batch` rows at a time (keyset, no OFFSET): the export. */
export async function* allDevices(run: <T>(work: (trx: Trx) => Promise<T>) => Promise<T>, auth: AuthContext, query: DeviceFilters, batch = 2000) {
  const { q, ...filters } = query;
  let after: { tag: string; id: string } | null = null;
  for (;;) {
    const position = after;
    const page = await run(async (trx) => {
      let qb = deviceListQuery(trx, auth, filters);
      if (q) qb = await whereMatches(trx, auth, qb, q);
      if (position) qb = qb.where(sql<boolean>`(devices.asset_tag, devices.id) > (${position.tag}, ${position.id})`);
      const rows = await qb.orderBy('devices.asset_tag').orderBy('devices.id').limit(batch).execute();
      return { rows, names: await hydrateReferences(trx, rows) };
    });
    if (page.rows.length === 0) return;
    yield page;
    const last = page.rows.at(-1)!;
    after = { tag: last.asset_tag, id: last.id };
    if (page.rows.length < batch) return;
  }
}
