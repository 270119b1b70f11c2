import { Type, type Static } from 'typebox';
import { DateTime, Nullable, SearchText, Uuid } from '../../http/common-schemas.ts';
import { PageQuery } from '../../http/pagination.ts';

const Name = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Stamps = { version: Type.Integer(), createdAt: DateTime, updatedAt: DateTime };
const listQuery = <T extends Parameters<typeof Type.Object>[0]>(filters: T) =>
  Type.Evaluate(Type.Intersect([PageQuery, Type.Object({ q: SearchText('Part of the name'), ...filters })]));

export const BuildingOut = Type.Object({ id: Uuid, facilityId: Uuid, name: Type.String(), ...Stamps }, { $id: 'Building' });
export const FloorOut = Type.Object({ id: Uuid, buildingId: Uuid, facilityId: Uuid, name: Type.String(), ...Stamps }, { $id: 'Floor' });
export const DepartmentOut = Type.Object(
  { id: Uuid, facilityId: Uuid, floorId: Nullable(Uuid), name: Type.String(), costCenter: Nullable(Type.String()), ...Stamps },
  { $id: 'Department' },
);
export const RoomOut = Type.Object(
  { id: Uuid, floorId: Uuid, buildingId: Uuid, facilityId: Uuid, departmentId: Nullable(Uuid), name: Type.String(), ...Stamps },
  { $id: 'Room' },
);

export const BuildingCreate = Type.Object({ facilityId: Uuid, name: Name(200) }, { additionalProperties: false });
export const BuildingUpdate = Type.Object({ name: Name(200) }, { additionalProperties: false });
export const FloorCreate = Type.Object({ buildingId: Uuid, name: Name(100) }, { additionalProperties: false });
export const FloorUpdate = Type.Object({ name: Name(100) }, { additionalProperties: false });
export const DepartmentCreate = Type.Object(
  {
    facilityId: Uuid,
    floorId: Type.Optional(Nullable(Uuid)),
    name: Name(200),
    costCenter: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  },
  { additionalProperties: false },
);
export const DepartmentUpdate = Type.Object(
  { floorId: Type.Optional(Nullable(Uuid)), name: Type.Optional(Name(200)), costCenter: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))) },
  { additionalProperties: false, minProperties: 1 },
);
export const RoomCreate = Type.Object(
  { floorId: Uuid, departmentId: Type.Optional(Nullable(Uuid)), name: Name(100) },
  { additionalProperties: false },
);
export const RoomUpdate = Type.Object(
  { departmentId: Type.Optional(Nullable(Uuid)), name: Type.Optional(Name(100)) },
  { additionalProperties: false, minProperties: 1 },
);
export type BuildingCreate = Static<typeof BuildingCreate>;
export type FloorCreate = Static<typeof FloorCreate>;
export type DepartmentCreate = Static<typeof DepartmentCreate>;
export type DepartmentUpdate = Static<typeof DepartmentUpdate>;
export type RoomCreate = Static<typeof RoomCreate>;
export type RoomUpdate = Static<typeof RoomUpdate>;

export const BuildingListQuery = listQuery({ facilityId: Type.Optional(Uuid) });
export const FloorListQuery = listQuery({ facilityId: Type.Optional(Uuid), buildingId: Type.Optional(Uuid) });
export const DepartmentListQuery = listQuery({
  facilityId: Type.Optional(Uuid),
  floorId: Type.Optional(Uuid),
  costCenter: Type.Optional(Type.String({ maxLength: 50 })),
});
export const RoomListQuery = listQuery({
  facilityId: Type.Optional(Uuid),
  buildingId: Type.Optional(Uuid),
  floorId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
});
export type BuildingListQuery = Static<typeof BuildingListQuery>;
export type FloorListQuery = Static<typeof FloorListQuery>;
export type DepartmentListQuery = Static<typeof DepartmentListQuery>;
export type RoomListQuery = Static<typeof RoomListQuery>;

/** The version of a tree node: what a change of that record sends as If-Match (`"v<version>"`). */
const NodeVersion = Type.Integer({ description: 'Send as If-Match ("v<version>") to change the record' });
const TreeRoom = Type.Object({ id: Uuid, name: Type.String(), departmentId: Nullable(Uuid), version: NodeVersion });
const TreeFloor = Type.Object({ id: Uuid, name: Type.String(), version: NodeVersion, rooms: Type.Array(TreeRoom) });
const TreeBuilding = Type.Object({ id: Uuid, name: Type.String(), version: NodeVersion, floors: Type.Array(TreeFloor) });
const TreeDepartment = Type.Object({ id: Uuid, name: Type.String(), costCenter: Nullable(Type.String()), floorId: Nullable(Uuid), version: NodeVersion });

export const FacilityTreeOut = Type.Object(
  {
    facility: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), version: NodeVersion }),
    buildings: Type.Array(TreeBuilding, { description: 'Buildings → floors → rooms, by name' }),
    departments: Type.Array(TreeDepartment, { description: 'Departments of the facility, by name' }),
  },
  { $id: 'FacilityTree', description: 'The whole site hierarchy of one facility, for location pickers and for editing from the tree (every node has its version)' },
);
export type FacilityTreeOut = Static<typeof FacilityTreeOut>;
