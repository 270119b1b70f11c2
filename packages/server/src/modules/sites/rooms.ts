import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { invalid } from '../../http/errors.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { assertVersion } from '../../http/versions.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { departments, floors, rooms, type RoomRow } from './queries.ts';
import type { RoomCreate, RoomListQuery, RoomUpdate } from './schema.ts';
import { inCallerFacilities, parentOr400, visibleOr404 } from './scope.ts';

const NAME_TAKEN = {
  rooms_tenant_id_floor_id_name_key: { message: 'The floor has a room with this name', field: { path: '/body/name', message: 'is already in use' } },
};
const IN_USE = 'Devices are still in the room';
const SORTS = { name: 'rooms.name', createdAt: 'rooms.created_at', updatedAt: 'rooms.updated_at' };

export async function listRooms(trx: Trx, auth: AuthContext, query: RoomListQuery): Promise<Page<RoomRow>> {
  let qb = inCallerFacilities(rooms(trx), 'buildings.facility_id', auth);
  if (query.facilityId) qb = qb.where('buildings.facility_id', '=', query.facilityId);
  if (query.buildingId) qb = qb.where('floors.building_id', '=', query.buildingId);
  if (query.floorId) qb = qb.where('rooms.floor_id', '=', query.floorId);
  if (query.departmentId) qb = qb.where('rooms.department_id', '=', query.departmentId);
  if (query.q) qb = qb.where('rooms.name', 'ilike', likePattern(query.q));
  return keysetPage(qb, { query, sortFields: SORTS, defaultSort: 'name', idColumn: 'rooms.id' });
}

export async function getRoom(trx: Trx, auth: AuthContext, id: string, lock = false): Promise<RoomRow> {
  const qb = rooms(trx).where('rooms.id', '=', id);
  return visibleOr404(auth, await (lock ? qb.forUpdate('rooms') : qb).executeTakeFirst(), 'The room');
}

/** A room's department must belong to the facility of the room's floor. */
async function assertDepartmentOfFacility(trx: Trx, departmentId: string | null | undefined, facilityId: string): Promise<void> {
  if (!departmentId) return;
  const department = await departments(trx).where('id', '=', departmentId).executeTakeFirst();
  if (!department || department.facility_id !== facilityId) throw invalid([{ path: '/body/departmentId', message: "is not a department of the room's facility" }]);
}

const reloaded = (trx: Trx, id: string) => rooms(trx).where('rooms.id', '=', id).executeTakeFirstOrThrow();

export async function createRoom(trx: Trx, auth: AuthContext, input: RoomCreate): Promise<RoomRow> {
  const floor = parentOr400(auth, await floors(trx).where('floors.id', '=', input.floorId).executeTakeFirst(), '/body/floorId', 'a floor');
  await assertDepartmentOfFacility(trx, input.departmentId, floor.facility_id);
  const { id } = await explainConstraints(
    () =>
      trx
        .insertInto('rooms')
        .values({ tenant_id: auth.tenantId, floor_id: floor.id, department_id: input.departmentId ?? null, name: input.name.trim() })
        .returning('id')
        .executeTakeFirstOrThrow(),
    NAME_TAKEN,
  );
  return reloaded(trx, id);
}

export async function updateRoom(trx: Trx, auth: AuthContext, id: string, version: number, input: RoomUpdate): Promise<RoomRow> {
  const current = assertVersion(await getRoom(trx, auth, id, true), version, 'The room');
  await assertDepartmentOfFacility(trx, input.departmentId, current.facility_id);
  await explainConstraints(
    () =>
      trx
        .updateTable('rooms')
        .set({
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.departmentId !== undefined && { department_id: input.departmentId }),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute(),
    NAME_TAKEN,
  );
  return reloaded(trx, id);
}

export async function deleteRoom(trx: Trx, auth: AuthContext, id: string, version: number): Promise<void> {
  assertVersion(await getRoom(trx, auth, id, true), version, 'The room');
  await explainConstraints(() => trx.deleteFrom('rooms').where('id', '=', id).execute(), {}, IN_USE);
}
