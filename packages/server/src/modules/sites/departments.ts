import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { invalid } from '../../http/errors.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { assertVersion } from '../../http/versions.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { SITE_SORTS } from './buildings.ts';
import { departments, floors, type DepartmentRow } from './queries.ts';
import type { DepartmentCreate, DepartmentListQuery, DepartmentUpdate } from './schema.ts';
import { assertFacilityManaged, inCallerFacilities, visibleOr404 } from './scope.ts';

const NAME_TAKEN = {
  departments_tenant_id_facility_id_name_key: { message: 'The facility has a department with this name', field: { path: '/body/name', message: 'is already in use' } },
};
const IN_USE = 'The department still has rooms or devices';

export async function listDepartments(trx: Trx, auth: AuthContext, query: DepartmentListQuery): Promise<Page<DepartmentRow>> {
  let qb = inCallerFacilities(departments(trx), 'departments.facility_id', auth);
  if (query.facilityId) qb = qb.where('facility_id', '=', query.facilityId);
  if (query.floorId) qb = qb.where('floor_id', '=', query.floorId);
  if (query.costCenter) qb = qb.where('cost_center', '=', query.costCenter);
  if (query.q) qb = qb.where('name', 'ilike', likePattern(query.q));
  return keysetPage(qb, { query, sortFields: SITE_SORTS, defaultSort: 'name', idColumn: 'id' });
}

export async function getDepartment(trx: Trx, auth: AuthContext, id: string, lock = false): Promise<DepartmentRow> {
  const qb = departments(trx).where('id', '=', id);
  return visibleOr404(auth, await (lock ? qb.forUpdate() : qb).executeTakeFirst(), 'The department');
}

/** A department's floor must be in a building of the department's own facility. */
async function assertFloorOfFacility(trx: Trx, floorId: string | null | undefined, facilityId: string): Promise<void> {
  if (!floorId) return;
  const floor = await floors(trx).where('floors.id', '=', floorId).executeTakeFirst();
  if (!floor || floor.facility_id !== facilityId) throw invalid([{ path: '/body/floorId', message: "is not a floor of the department's facility" }]);
}

export async function createDepartment(trx: Trx, auth: AuthContext, input: DepartmentCreate): Promise<DepartmentRow> {
  await assertFacilityManaged(trx, auth, input.facilityId, '/body/facilityId');
  await assertFloorOfFacility(trx, input.floorId, input.facilityId);
  return explainConstraints(
    () =>
      trx
        .insertInto('departments')
        .values({ tenant_id: auth.tenantId, facility_id: input.facilityId, floor_id: input.floorId ?? null, name: input.name.trim(), cost_center: input.costCenter ?? null })
        .returningAll()
        .executeTakeFirstOrThrow(),
    NAME_TAKEN,
  );
}

export async function updateDepartment(trx: Trx, auth: AuthContext, id: string, version: number, input: DepartmentUpdate): Promise<DepartmentRow> {
  const current = assertVersion(await getDepartment(trx, auth, id, true), version, 'The department');
  await assertFloorOfFacility(trx, input.floorId, current.facility_id);
  return explainConstraints(
    () =>
      trx
        .updateTable('departments')
        .set({
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.floorId !== undefined && { floor_id: input.floorId }),
          ...(input.costCenter !== undefined && { cost_center: input.costCenter }),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    NAME_TAKEN,
  );
}

export async function deleteDepartment(trx: Trx, auth: AuthContext, id: string, version: number): Promise<void> {
  assertVersion(await getDepartment(trx, auth, id, true), version, 'The department');
  await explainConstraints(() => trx.deleteFrom('departments').where('id', '=', id).execute(), {}, IN_USE);
}
