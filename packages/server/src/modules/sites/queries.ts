import type { Trx } from '../../db/tenant-context.ts';

/** Site records with the facility (and building) they belong to, whatever their level. */
export const buildings = (trx: Trx) => trx.selectFrom('buildings').selectAll();

export const floors = (trx: Trx) =>
  trx
    .selectFrom('floors')
    .innerJoin('buildings', (j) => j.onRef('buildings.tenant_id', '=', 'floors.tenant_id').onRef('buildings.id', '=', 'floors.building_id'))
    .selectAll('floors')
    .select('buildings.facility_id');

export const departments = (trx: Trx) => trx.selectFrom('departments').selectAll();

export const rooms = (trx: Trx) =>
  trx
    .selectFrom('rooms')
    .innerJoin('floors', (j) => j.onRef('floors.tenant_id', '=', 'rooms.tenant_id').onRef('floors.id', '=', 'rooms.floor_id'))
    .innerJoin('buildings', (j) => j.onRef('buildings.tenant_id', '=', 'floors.tenant_id').onRef('buildings.id', '=', 'floors.building_id'))
    .selectAll('rooms')
    .select(['floors.building_id', 'buildings.facility_id']);

export type BuildingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof buildings>['executeTakeFirst']>>>;
export type FloorRow = NonNullable<Awaited<ReturnType<ReturnType<typeof floors>['executeTakeFirst']>>>;
export type DepartmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof departments>['executeTakeFirst']>>>;
export type RoomRow = NonNullable<Awaited<ReturnType<ReturnType<typeof rooms>['executeTakeFirst']>>>;
