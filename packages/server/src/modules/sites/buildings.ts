import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { assertVersion } from '../../http/versions.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { buildings, type BuildingRow } from './queries.ts';
import type { BuildingCreate, BuildingListQuery } from './schema.ts';
import { assertFacilityManaged, inCallerFacilities, visibleOr404 } from './scope.ts';

export const SITE_SORTS = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at' };
const NAME_TAKEN = {
  buildings_tenant_id_facility_id_name_key: { message: 'The facility has a building with this name', field: { path: '/body/name', message: 'is already in use' } },
};
const IN_USE = 'The building still has floors or devices';

export async function listBuildings(trx: Trx, auth: AuthContext, query: BuildingListQuery): Promise<Page<BuildingRow>> {
  let qb = inCallerFacilities(buildings(trx), 'buildings.facility_id', auth);
  if (query.facilityId) qb = qb.where('facility_id', '=', query.facilityId);
  if (query.q) qb = qb.where('name', 'ilike', likePattern(query.q));
  return keysetPage(qb, { query, sortFields: SITE_SORTS, defaultSort: 'name', idColumn: 'id' });
}

export async function getBuilding(trx: Trx, auth: AuthContext, id: string, lock = false): Promise<BuildingRow> {
  const qb = buildings(trx).where('id', '=', id);
  return visibleOr404(auth, await (lock ? qb.forUpdate() : qb).executeTakeFirst(), 'The building');
}

export async function createBuilding(trx: Trx, auth: AuthContext, input: BuildingCreate): Promise<BuildingRow> {
  await assertFacilityManaged(trx, auth, input.facilityId, '/body/facilityId');
  return explainConstraints(
    () => trx.insertInto('buildings').values({ tenant_id: auth.tenantId, facility_id: input.facilityId, name: input.name.trim() }).returningAll().executeTakeFirstOrThrow(),
    NAME_TAKEN,
  );
}

export async function renameBuilding(trx: Trx, auth: AuthContext, id: string, version: number, name: string): Promise<BuildingRow> {
  assertVersion(await getBuilding(trx, auth, id, true), version, 'The building');
  return explainConstraints(
    () =>
      trx
        .updateTable('buildings')
        .set({ name: name.trim(), version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    NAME_TAKEN,
  );
}

export async function deleteBuilding(trx: Trx, auth: AuthContext, id: string, version: number): Promise<void> {
  assertVersion(await getBuilding(trx, auth, id, true), version, 'The building');
  await explainConstraints(() => trx.deleteFrom('buildings').where('id', '=', id).execute(), {}, IN_USE);
}
