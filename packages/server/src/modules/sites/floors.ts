import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { assertVersion } from '../../http/versions.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { buildings, floors, type FloorRow } from './queries.ts';
import type { FloorCreate, FloorListQuery } from './schema.ts';
import { inCallerFacilities, parentOr400, visibleOr404 } from './scope.ts';

const NAME_TAKEN = {
  floors_tenant_id_building_id_name_key: { message: 'The building has a floor with this name', field: { path: '/body/name', message: 'is already in use' } },
};
const IN_USE = 'The floor still has rooms, departments or devices';
const SORTS = { name: 'floors.name', createdAt: 'floors.created_at', updatedAt: 'floors.updated_at' };

export async function listFloors(trx: Trx, auth: AuthContext, query: FloorListQuery): Promise<Page<FloorRow>> {
  let qb = inCallerFacilities(floors(trx), 'buildings.facility_id', auth);
  if (query.facilityId) qb = qb.where('buildings.facility_id', '=', query.facilityId);
  if (query.buildingId) qb = qb.where('floors.building_id', '=', query.buildingId);
  if (query.q) qb = qb.where('floors.name', 'ilike', likePattern(query.q));
  return keysetPage(qb, { query, sortFields: SORTS, defaultSort: 'name', idColumn: 'floors.id' });
}

export async function getFloor(trx: Trx, auth: AuthContext, id: string, lock = false): Promise<FloorRow> {
  const qb = floors(trx).where('floors.id', '=', id);
  return visibleOr404(auth, await (lock ? qb.forUpdate('floors') : qb).executeTakeFirst(), 'The floor');
}

async function reloaded(trx: Trx, id: string): Promise<FloorRow> {
  return floors(trx).where('floors.id', '=', id).executeTakeFirstOrThrow();
}

export async function createFloor(trx: Trx, auth: AuthContext, input: FloorCreate): Promise<FloorRow> {
  const building = parentOr400(auth, await buildings(trx).where('id', '=', input.buildingId).executeTakeFirst(), '/body/buildingId', 'a building');
  const { id } = await explainConstraints(
    () => trx.insertInto('floors').values({ tenant_id: auth.tenantId, building_id: building.id, name: input.name.trim() }).returning('id').executeTakeFirstOrThrow(),
    NAME_TAKEN,
  );
  return reloaded(trx, id);
}

export async function renameFloor(trx: Trx, auth: AuthContext, id: string, version: number, name: string): Promise<FloorRow> {
  assertVersion(await getFloor(trx, auth, id, true), version, 'The floor');
  await explainConstraints(
    () => trx.updateTable('floors').set({ name: name.trim(), version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).execute(),
    NAME_TAKEN,
  );
  return reloaded(trx, id);
}

export async function deleteFloor(trx: Trx, auth: AuthContext, id: string, version: number): Promise<void> {
  assertVersion(await getFloor(trx, auth, id, true), version, 'The floor');
  await explainConstraints(() => trx.deleteFrom('floors').where('id', '=', id).execute(), {}, IN_USE);
}
