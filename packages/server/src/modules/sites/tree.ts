import type { Trx } from '../../db/tenant-context.ts';
import { notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { departments, floors, rooms } from './queries.ts';
import type { FacilityTreeOut } from './schema.ts';
import { visibleOr404 } from './scope.ts';

/** The whole site hierarchy of a facility in four queries: buildings → floors → rooms, and its departments, each with its version. */
export async function facilityTree(trx: Trx, auth: AuthContext, facilityId: string): Promise<FacilityTreeOut> {
  const facility = await trx.selectFrom('facilities').select(['id', 'code', 'name', 'version']).where('id', '=', facilityId).executeTakeFirst();
  if (!facility) throw notFound('The facility');
  visibleOr404(auth, { facility_id: facility.id }, 'The facility');
  const [buildingRows, floorRows, roomRows, departmentRows] = await Promise.all([
    trx.selectFrom('buildings').select(['id', 'name', 'version']).where('facility_id', '=', facilityId).orderBy('name').orderBy('id').execute(),
    floors(trx).where('buildings.facility_id', '=', facilityId).orderBy('floors.name').orderBy('floors.id').execute(),
    rooms(trx).where('buildings.facility_id', '=', facilityId).orderBy('rooms.name').orderBy('rooms.id').execute(),
    departments(trx).where('facility_id', '=', facilityId).orderBy('name').orderBy('id').execute(),
  ]);
  const roomsByFloor = new Map<string, FacilityTreeOut['buildings'][number]['floors'][number]['rooms']>();
  for (const r of roomRows) roomsByFloor.set(r.floor_id, [...(roomsByFloor.get(r.floor_id) ?? []), { id: r.id, name: r.name, departmentId: r.department_id, version: r.version }]);
  const floorsByBuilding = new Map<string, FacilityTreeOut['buildings'][number]['floors']>();
  for (const f of floorRows) {
    floorsByBuilding.set(f.building_id, [...(floorsByBuilding.get(f.building_id) ?? []), { id: f.id, name: f.name, version: f.version, rooms: roomsByFloor.get(f.id) ?? [] }]);
  }
  return {
    facility,
    buildings: buildingRows.map((b) => ({ id: b.id, name: b.name, version: b.version, floors: floorsByBuilding.get(b.id) ?? [] })),
    departments: departmentRows.map((d) => ({ id: d.id, name: d.name, costCenter: d.cost_center, floorId: d.floor_id, version: d.version })),
  };
}
