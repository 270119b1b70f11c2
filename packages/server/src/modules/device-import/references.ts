import { sql } from 'kysely';
import { createManufacturerMatcher, type ManufacturerCandidate } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import type { ImportSuggestion } from './problems.ts';

/** Case- and space-insensitive key of a name typed in a spreadsheet. */
export const nameKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
/** Model numbers compare without case and spaces: "MX 450" and "mx450" are one model. */
export const modelKey = (manufacturerId: string, modelNumber: string): string =>
  `${manufacturerId}\u0000${modelNumber.toUpperCase().replace(/\s+/g, '')}`;
const within = (parentId: string, name: string) => `${parentId}\u0000${nameKey(name)}`;

export interface NamedRef {
  id: string;
  name: string;
}

export interface ModelRef {
  id: string;
  manufacturerId: string;
  deviceTypeId: string | null;
  modelNumber: string;
}

export interface RoomRef {
  id: string;
  buildingId: string;
  departmentId: string | null;
}

export type ManufacturerResolution = { kind: 'found'; ref: NamedRef } | { kind: 'unknown'; suggestions: ImportSuggestion[] };

/**
 * The tenant's reference data, loaded once per check so that a million rows resolve against maps in memory:
 * facilities (by code or name), manufacturers (exact name or alias, else suggestions), models, device types,
 * buildings, departments and rooms (within their facility) and vendors.
 */
export interface References {
  facility(text: string): NamedRef | undefined;
  manufacturer(text: string): ManufacturerResolution;
  model(manufacturerId: string, modelNumber: string): ModelRef | undefined;
  deviceType(text: string): NamedRef | undefined;
  building(facilityId: string, text: string): string | undefined;
  department(facilityId: string, text: string): string | undefined;
  rooms(facilityId: string, text: string): RoomRef[];
  vendor(text: string): string | undefined;
}

function multiMap<T>(entries: Iterable<[string, T]>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [key, value] of entries) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

/** The first value per key: the first of two rows with the same key wins. */
function firstMap<T>(entries: Iterable<[string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, value] of entries) if (!map.has(key)) map.set(key, value);
  return map;
}

export async function loadReferences(trx: Db): Promise<References> {
  const [facilities, manufacturers, aliases, models, deviceTypes, buildings, departments, rooms, vendors] = await Promise.all([
    trx.selectFrom('facilities').select(['id', 'code', 'name']).execute(),
    trx.selectFrom('manufacturers').select(['id', 'name']).execute(),
    trx.selectFrom('manufacturer_aliases').select(['manufacturer_id', 'alias']).execute(),
    trx.selectFrom('models').select(['id', 'manufacturer_id', 'device_type_id', 'model_number']).execute(),
    trx.selectFrom('device_types').select(['id', 'name', 'nomenclature_code']).execute(),
    trx.selectFrom('buildings').select(['id', 'facility_id', 'name']).execute(),
    trx.selectFrom('departments').select(['id', 'facility_id', 'name', 'cost_center']).execute(),
    trx
      .selectFrom('rooms')
      .innerJoin('floors', (join) => join.onRef('floors.id', '=', 'rooms.floor_id').onRef('floors.tenant_id', '=', 'rooms.tenant_id'))
      .innerJoin('buildings', (join) => join.onRef('buildings.id', '=', 'floors.building_id').onRef('buildings.tenant_id', '=', 'floors.tenant_id'))
      .select(['rooms.id', 'rooms.name', 'rooms.department_id', 'floors.building_id', 'buildings.facility_id'])
      .orderBy(sql`rooms.name`)
      .execute(),
    trx.selectFrom('vendors').select(['id', 'name']).execute(),
  ]);

  const facilityBy = firstMap<NamedRef>([
    ...facilities.map((f): [string, NamedRef] => [nameKey(f.code), f]),
    ...facilities.map((f): [string, NamedRef] => [nameKey(f.name), f]),
  ]);
  const manufacturerById = new Map(manufacturers.map((m) => [m.id, m]));
  const aliasesOf = multiMap(aliases.map((a): [string, string] => [a.manufacturer_id, a.alias]));
  const candidates: ManufacturerCandidate[] = manufacturers.map((m) => ({ id: m.id, name: m.name, aliases: aliasesOf.get(m.id) ?? [] }));
  const match = createManufacturerMatcher(candidates);
  const manufacturerCache = new Map<string, ManufacturerResolution>();
  const modelBy = firstMap(models.map((m): [string, ModelRef] => [
    modelKey(m.manufacturer_id, m.model_number),
    { id: m.id, manufacturerId: m.manufacturer_id, deviceTypeId: m.device_type_id, modelNumber: m.model_number },
  ]));
  const typeBy = firstMap<NamedRef>([
    ...deviceTypes.map((t): [string, NamedRef] => [nameKey(t.name), t]),
    ...deviceTypes.filter((t) => t.nomenclature_code).map((t): [string, NamedRef] => [nameKey(t.nomenclature_code!), t]),
  ]);
  const buildingBy = firstMap(buildings.map((b): [string, string] => [within(b.facility_id, b.name), b.id]));
  const departmentBy = firstMap([
    ...departments.map((d): [string, string] => [within(d.facility_id, d.name), d.id]),
    ...departments.filter((d) => d.cost_center).map((d): [string, string] => [within(d.facility_id, d.cost_center!), d.id]),
  ]);
  const roomsBy = multiMap(rooms.map((r): [string, RoomRef] => [
    within(r.facility_id, r.name),
    { id: r.id, buildingId: r.building_id, departmentId: r.department_id },
  ]));
  const vendorBy = firstMap(vendors.map((v): [string, string] => [nameKey(v.name), v.id]));

  return {
    facility: (text) => facilityBy.get(nameKey(text)),
    manufacturer: (text) => {
      const cached = manufacturerCache.get(text);
      if (cached) return cached;
      const result = match(text, { limit: 3 });
      const resolution: ManufacturerResolution =
        result.kind === 'exact'
          ? { kind: 'found', ref: manufacturerById.get(result.id)! }
          : { kind: 'unknown', suggestions: result.suggestions.map((s) => ({ id: s.id, name: s.name, matchedOn: s.matchedOn })) };
      manufacturerCache.set(text, resolution);
      return resolution;
    },
    model: (manufacturerId, modelNumber) => modelBy.get(modelKey(manufacturerId, modelNumber)),
    deviceType: (text) => typeBy.get(nameKey(text)),
    building: (facilityId, text) => buildingBy.get(within(facilityId, text)),
    department: (facilityId, text) => departmentBy.get(within(facilityId, text)),
    rooms: (facilityId, text) => roomsBy.get(within(facilityId, text)) ?? [],
    vendor: (text) => vendorBy.get(nameKey(text)),
  };
}
