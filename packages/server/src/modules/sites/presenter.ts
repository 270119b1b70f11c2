import type { BuildingRow, DepartmentRow, FloorRow, RoomRow } from './queries.ts';

const stamps = (row: { version: number; created_at: Date; updated_at: Date }) => ({
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const presentBuilding = (b: BuildingRow) => ({ id: b.id, facilityId: b.facility_id, name: b.name, ...stamps(b) });

export const presentFloor = (f: FloorRow) => ({ id: f.id, buildingId: f.building_id, facilityId: f.facility_id, name: f.name, ...stamps(f) });

export const presentDepartment = (d: DepartmentRow) => ({
  id: d.id,
  facilityId: d.facility_id,
  floorId: d.floor_id,
  name: d.name,
  costCenter: d.cost_center,
  ...stamps(d),
});

export const presentRoom = (r: RoomRow) => ({
  id: r.id,
  floorId: r.floor_id,
  buildingId: r.building_id,
  facilityId: r.facility_id,
  departmentId: r.department_id,
  name: r.name,
  ...stamps(r),
});
