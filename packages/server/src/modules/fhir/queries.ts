import { sql, type SqlBool } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';

/** One search condition: the column equals one of the values. */
export interface Match<C extends string> {
  column: C;
  values: string[];
}

/**
 * A search: every group must hold (AND), and a group holds when one of its matches does (OR), as FHIR combines
 * repeated parameters and comma-separated values.
 */
export type Criteria<C extends string> = Match<C>[][];

/**
 * Everything a FHIR Device shows: the device with its model, manufacturer, type and place, one row each, for the
 * devices within the actor's facilities that meet the criteria.
 */
export async function deviceFacts(trx: Trx, auth: AuthContext, criteria: Criteria<'id' | 'asset_tag' | 'serial_number' | 'udi_di'>, limit: number) {
  // The criteria find their devices through their own indexes (asset tag, serial, UDI-DI) in a CTE of their own, the
  // page is cut from those, and only the page is joined: with the criteria in the ordered query, the planner walks
  // the asset-tag index and filters up to a million rows for a rare DI.
  let matched = trx
    .selectFrom('devices')
    .select(['id', 'asset_tag'])
    .where((eb) => eb.and(criteria.map((group) => eb.or(group.map((m) => eb(sql.ref(m.column), 'in', m.values))))));
  if (auth.facilityIds !== null) {
    matched = auth.facilityIds.length ? matched.where('facility_id', 'in', auth.facilityIds) : matched.where(sql<SqlBool>`false`);
  }
  const rows = await trx
    .with((cte) => cte('matched').materialized(), () => matched)
    .selectFrom((db) => db.selectFrom('matched').selectAll().orderBy('asset_tag').limit(limit).as('page'))
    .innerJoin('devices as d', 'd.id', 'page.id')
    .innerJoin('models as m', (j) => j.onRef('m.tenant_id', '=', 'd.tenant_id').onRef('m.id', '=', 'd.model_id'))
    .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'd.tenant_id').onRef('mf.id', '=', 'd.manufacturer_id'))
    .leftJoin('device_types as t', (j) => j.onRef('t.tenant_id', '=', 'd.tenant_id').onRef('t.id', '=', 'd.device_type_id'))
    .select([
      'd.id', 'd.version', 'd.updated_at', 'd.asset_tag', 'd.serial_number', 'd.udi', 'd.udi_di', 'd.status', 'd.out_of_service_reason',
      'd.software_version', 'd.firmware_version', 'd.operating_system', 'd.hostname', 'd.ip_address', 'd.mac_address', 'd.notes',
      'd.location_note', 'd.risk_score', 'd.high_risk', 'd.facility_id', 'd.building_id', 'd.department_id', 'd.room_id',
      'm.id as model_id', 'm.model_number', 'm.name as model_name',
      'mf.name as manufacturer',
      't.name as type_name', 't.nomenclature_system', 't.nomenclature_code', 't.life_support',
    ])
    .orderBy('page.asset_tag')
    .execute();
  const places = await placeNames(trx, rows);
  return rows.map((row) => {
    const room = row.room_id ? places.get(row.room_id) : undefined;
    const department = row.department_id ? places.get(row.department_id) : undefined;
    const floorId = room?.floor_id ?? department?.floor_id;
    const facility = places.get(row.facility_id);
    return {
      ...row,
      facility_code: facility?.code ?? '',
      facility_name: facility?.name ?? '',
      building_name: row.building_id ? (places.get(row.building_id)?.name ?? null) : null,
      floor_name: floorId ? (places.get(floorId)?.name ?? null) : null,
      department_name: department?.name ?? null,
      room_name: room?.name ?? null,
    };
  });
}

interface Place {
  name: string;
  code: string | null;
  floor_id: string | null;
}

/**
 * The names of the facilities, buildings, departments, rooms and floors of some devices, by id. Two small lookups
 * instead of five more joins: a nine-table join costs more to plan than to run.
 */
async function placeNames(trx: Trx, rows: { facility_id: string; building_id: string | null; department_id: string | null; room_id: string | null }[]) {
  const ids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const places = new Map<string, Place>();
  if (rows.length === 0) return places;
  const first = await sql<Place & { id: string }>`
    select id, name, code, null::uuid as floor_id from facilities where id = any(${ids(rows.map((r) => r.facility_id))}::uuid[])
    union all select id, name, null, null from buildings where id = any(${ids(rows.map((r) => r.building_id))}::uuid[])
    union all select id, name, null, floor_id from departments where id = any(${ids(rows.map((r) => r.department_id))}::uuid[])
    union all select id, name, null, floor_id from rooms where id = any(${ids(rows.map((r) => r.room_id))}::uuid[])`.execute(trx);
  for (const place of first.rows) places.set(place.id, place);
  const floorIds = ids(first.rows.map((p) => p.floor_id));
  if (floorIds.length) {
    const floors = await trx.selectFrom('floors').select(['id', 'name']).where('id', 'in', floorIds).execute();
    for (const floor of floors) places.set(floor.id, { name: floor.name, code: null, floor_id: null });
  }
  return places;
}

export type DeviceFacts = Awaited<ReturnType<typeof deviceFacts>>[number];

/** Everything a FHIR DeviceDefinition shows: the model with its manufacturer, type, FDA class and UDI device identifiers. */
export async function modelFacts(trx: Trx, criteria: Criteria<'id' | 'model_number' | 'identifier'>, limit: number) {
  const rows = await trx
    .selectFrom('models as m')
    .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'm.tenant_id').onRef('mf.id', '=', 'm.manufacturer_id'))
    .leftJoin('device_types as t', (j) => j.onRef('t.tenant_id', '=', 'm.tenant_id').onRef('t.id', '=', 'm.device_type_id'))
    .leftJoin('fda_product_classes as fda', 'fda.product_code', 'm.fda_product_code')
    .select([
      'm.id', 'm.version', 'm.updated_at', 'm.model_number', 'm.name', 'm.fda_product_code', 'm.expected_life_years', 'm.end_of_support', 'm.ifu_url',
      'mf.name as manufacturer',
      't.name as type_name', 't.nomenclature_system', 't.nomenclature_code', 't.life_support',
      'fda.device_name as fda_device_name', 'fda.device_class as fda_device_class',
    ])
    .where((eb) =>
      eb.and(
        criteria.map((group) =>
          eb.or(
            group.map((m) =>
              m.column === 'identifier'
                ? eb.exists(eb.selectFrom('model_identifiers as mi').select(sql`1`.as('one')).whereRef('mi.model_id', '=', 'm.id').where('mi.device_identifier', 'in', m.values))
                : eb(sql.ref(`m.${m.column}`), 'in', m.values),
            ),
          ),
        ),
      ),
    )
    .orderBy('m.model_number')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  const identifiers = rows.length
    ? await trx
        .selectFrom('model_identifiers')
        .select(['model_id', 'issuing_agency', 'device_identifier', 'kind'])
        .where('model_id', 'in', rows.map((r) => r.id))
        .orderBy('kind')
        .orderBy('device_identifier')
        .execute()
    : [];
  return rows.map((row) => ({ ...row, identifiers: identifiers.filter((i) => i.model_id === row.id) }));
}

export type ModelFacts = Awaited<ReturnType<typeof modelFacts>>[number];

export async function tenantSlug(trx: Trx, tenantId: string): Promise<string> {
  const row = await trx.selectFrom('tenants').select('slug').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return row.slug;
}
