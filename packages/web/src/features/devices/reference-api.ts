import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';

/** Reference data the device pages pick from: models, manufacturers, device types, vendors and sites. */

export interface ModelOption {
  id: string;
  modelNumber: string;
  name: string | null;
  manufacturer: { id: string; name: string };
  deviceType: { id: string; name: string } | null;
  fdaClassification?: { deviceClass: string; lifeSustaining: boolean } | null;
}

export interface NamedOption {
  id: string;
  name: string;
}

export interface DeviceTypeOption extends NamedOption {
  lifeSupport: boolean;
  aemExclusion: string | null;
  riskInputs: { function: string; physicalRisk: string; maintenanceRequirement: string; incidentHistory: string };
}

const REFERENCE_KEY = ['reference'] as const;
const SEARCH_LIMIT = 30;

export function modelLabel(model: Pick<ModelOption, 'modelNumber' | 'name'>): string {
  return model.name && model.name !== model.modelNumber ? `${model.modelNumber} — ${model.name}` : model.modelNumber;
}

export const searchModels = (q: string, signal?: AbortSignal, manufacturerId?: string) =>
  api<Page<ModelOption>>('/v1/models', { query: { q: q || undefined, manufacturerId, limit: SEARCH_LIMIT }, signal }).then((page) => page.items);

export const fetchModel = (id: string, signal?: AbortSignal) => api<ModelOption>(`/v1/models/${id}`, { signal });

/** The model with this UDI device identifier (GTIN-14 for GS1), if the catalog has it. */
export const findModelByDeviceIdentifier = (deviceIdentifier: string) =>
  api<Page<ModelOption>>('/v1/models', { query: { deviceIdentifier, limit: 1 } }).then((page) => page.items[0] ?? null);

export const searchManufacturers = (q: string, signal?: AbortSignal) =>
  api<Page<NamedOption>>('/v1/manufacturers', { query: { q: q || undefined, limit: SEARCH_LIMIT, sort: q ? undefined : 'name' }, signal }).then((page) => page.items);

export const fetchManufacturer = (id: string, signal?: AbortSignal) => api<NamedOption>(`/v1/manufacturers/${id}`, { signal });

export const searchVendors = (q: string, signal?: AbortSignal) =>
  api<Page<NamedOption>>('/v1/vendors', { query: { q: q || undefined, limit: SEARCH_LIMIT, sort: 'name' }, signal }).then((page) => page.items);

export const fetchVendor = (id: string, signal?: AbortSignal) => api<NamedOption>(`/v1/vendors/${id}`, { signal });

/** Every device type (a hospital has tens to a few hundred), for filters and forms. */
export const allDeviceTypesQuery = queryOptions({
  queryKey: [...REFERENCE_KEY, 'device-types'],
  queryFn: ({ signal }) => api<Page<DeviceTypeOption>>('/v1/device-types', { query: { limit: 500, sort: 'name' }, signal }),
  staleTime: 5 * 60_000,
});

/** A facility's sites: buildings → floors → rooms, and its departments. */
export interface FacilityTree {
  buildings: Array<NamedOption & { floors: Array<NamedOption & { rooms: Array<NamedOption & { departmentId: string | null }> }> }>;
  departments: Array<NamedOption & { floorId: string | null; buildingId?: string | null }>;
}

export const facilityTreeQuery = (facilityId: string | null) =>
  queryOptions({
    queryKey: [...REFERENCE_KEY, 'facility-tree', facilityId],
    queryFn: ({ signal }) => api<FacilityTree>(`/v1/facilities/${facilityId}/tree`, { signal }).then(normalizeTree),
    enabled: Boolean(facilityId),
    staleTime: 5 * 60_000,
  });

/** Fills in the lists a tree may leave out, so that pickers can walk it without checks. */
function normalizeTree(tree: Partial<FacilityTree>): FacilityTree {
  return {
    buildings: (tree.buildings ?? []).map((building) => ({
      ...building,
      floors: (building.floors ?? []).map((floor) => ({ ...floor, rooms: (floor.rooms ?? []).map((room) => ({ ...room, departmentId: room.departmentId ?? null })) })),
    })),
    departments: (tree.departments ?? []).map((department) => ({ ...department, floorId: department.floorId ?? null })),
  };
}
