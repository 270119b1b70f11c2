import { queryOptions } from '@tanstack/react-query';
import type { EquipmentFunction, IncidentHistory, MaintenanceRequirement, PhysicalRisk, RiskAssessment } from '@openhtm/domain';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export const NOMENCLATURE_SYSTEMS = ['UMDNS', 'GMDN', 'local'] as const;
export type NomenclatureSystem = (typeof NOMENCLATURE_SYSTEMS)[number];
export const AEM_EXCLUSIONS = ['imaging', 'laser', 'law'] as const;
export type AemExclusion = (typeof AEM_EXCLUSIONS)[number];

export const NOMENCLATURE_LABELS: Record<NomenclatureSystem, string> = { UMDNS: 'UMDNS (ECRI)', GMDN: 'GMDN', local: 'Local code' };

export const AEM_EXCLUSION_LABELS: Record<AemExclusion, string> = {
  imaging: 'Imaging or radiologic equipment',
  laser: 'Medical laser',
  law: 'Maintenance prescribed by other law',
};

export interface DeviceTypeRiskInputs {
  function: EquipmentFunction;
  physicalRisk: PhysicalRisk;
  maintenanceRequirement: MaintenanceRequirement;
  incidentHistory: IncidentHistory;
}

export interface DeviceType {
  id: string;
  name: string;
  nomenclatureSystem: NomenclatureSystem;
  nomenclatureCode: string | null;
  riskInputs: DeviceTypeRiskInputs;
  lifeSupport: boolean;
  aemExclusion: AemExclusion | null;
  /** The default risk of the type's devices under the tenant's policy. */
  defaultRisk: Omit<RiskAssessment, 'override'>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DeviceTypeInput {
  name: string;
  nomenclatureSystem: NomenclatureSystem;
  nomenclatureCode: string | null;
  riskInputs: DeviceTypeRiskInputs;
  lifeSupport: boolean;
  aemExclusion: AemExclusion | null;
}

export const DEVICE_TYPES_KEY = ['device-types'] as const;

export function fetchDeviceTypesPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<DeviceType>> {
  return api<Page<DeviceType>>('/v1/device-types', { query: { limit, cursor, sort, ...filters }, signal });
}

export const deviceTypeQuery = (id: string) =>
  queryOptions({ queryKey: [...DEVICE_TYPES_KEY, 'detail', id], queryFn: ({ signal }) => api<DeviceType>(`/v1/device-types/${id}`, { signal }) });

/** Device types for a picker: the first 50 matching `q`. */
export const searchDeviceTypeChoices = (q: string, signal?: AbortSignal) =>
  api<Page<DeviceType>>('/v1/device-types', { query: { limit: 50, sort: 'name', q: q || undefined }, signal }).then((page) => page.items);

export const deviceTypeChoicesQuery = (q: string) =>
  queryOptions({ queryKey: [...DEVICE_TYPES_KEY, 'choices', q], queryFn: ({ signal }) => searchDeviceTypeChoices(q, signal), staleTime: 60_000 });

export const createDeviceType = (body: DeviceTypeInput) => api<DeviceType>('/v1/device-types', { method: 'POST', body });

export const updateDeviceType = (deviceType: Pick<DeviceType, 'id' | 'version'>, body: Partial<DeviceTypeInput>) =>
  api<DeviceType>(`/v1/device-types/${deviceType.id}`, { method: 'PATCH', body, version: deviceType.version });

export const deleteDeviceType = (deviceType: Pick<DeviceType, 'id' | 'version'>) =>
  api<void>(`/v1/device-types/${deviceType.id}`, { method: 'DELETE', version: deviceType.version });
