import { queryOptions } from '@tanstack/react-query';
import type {
  AemIneligibilityCode,
  AemPolicy,
  DeviceStatus,
  InitialDeviceStatus,
  MaintenanceStrategy,
  OutOfServiceReason,
  Ownership,
  RiskInputs,
} from '@openhtm/domain';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';
import { deviceQueryString, type DeviceListFilters } from './filters';

interface Ref {
  id: string;
  name: string;
}

/** One row of the device list (GET /v1/devices). */
export interface DeviceSummary {
  id: string;
  assetTag: string;
  serialNumber: string | null;
  udiDi: string | null;
  status: DeviceStatus;
  outOfServiceReason: OutOfServiceReason | null;
  model: { id: string; modelNumber: string; name: string | null };
  manufacturer: Ref;
  deviceType: Ref | null;
  facility: Ref & { code: string };
  department: Ref | null;
  room: Ref | null;
  ownership: Ownership;
  acquisitionDate: string | null;
  warrantyEnd: string | null;
  highRisk: boolean;
  riskScore: number | null;
  maintenanceStrategy: MaintenanceStrategy;
  connected: boolean;
  hostname: string | null;
  ipAddress: string | null;
  softwareVersion: string | null;
  searchScore?: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A lifecycle event (status change, incoming inspection, risk and strategy decisions). */
export interface DeviceEvent {
  id: string;
  kind: string;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus | null;
  reason: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
  actor: string;
}

export interface RiskOverride {
  highRisk: boolean;
  reason: string;
  by: string;
  at: string;
  calculatedHighRisk: boolean;
}

export interface DeviceRisk {
  inputs: (RiskInputs & { lifeSupport?: boolean; infectionControlCritical?: boolean }) | null;
  score: number | null;
  highRisk: boolean;
  includedInMaintenanceProgram: boolean;
  policyName: string;
  reasons: string[];
  override: RiskOverride | null;
}

export interface DeviceStrategy {
  strategy: MaintenanceStrategy;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface AemReason {
  code: AemIneligibilityCode;
  message: string;
}

/** The AEM eligibility rules applied by the server to what is on record (the tenant's AEM policy). */
export interface DeviceAemEligibility {
  /** AEM may be decided: nothing on record rules it out. */
  eligible: boolean;
  /** Why AEM is not allowed; empty when eligible. */
  reasons: AemReason[];
  /** What a decision must still state: the completed PM count, the documented basis. */
  decisionMustState: AemReason[];
  maintenanceHistoryMonths: number | null;
  policy: AemPolicy;
}

/** The device page (GET /v1/devices/:id): everything about one device. */
export interface DeviceDetail {
  id: string;
  assetTag: string;
  serialNumber: string | null;
  udi: string | null;
  udiDi: string | null;
  status: DeviceStatus;
  outOfServiceReason: OutOfServiceReason | null;
  allowedTransitions: DeviceStatus[];
  hasBeenInService: boolean;
  incomingInspectionPassedAt: string | null;
  model: {
    id: string;
    modelNumber: string;
    name: string | null;
    fdaProductCode: string | null;
    expectedLifeYears: number | null;
    endOfSupport: string | null;
    ifuUrl: string | null;
  };
  manufacturer: Ref;
  deviceType: (Ref & { nomenclatureSystem: string; nomenclatureCode: string | null; lifeSupport: boolean; aemExclusion: string | null }) | null;
  fdaClassification: {
    productCode: string;
    deviceName: string;
    deviceClass: string;
    regulationNumber: string | null;
    medicalSpecialty: string | null;
    lifeSustaining: boolean;
    implant: boolean;
  } | null;
  facility: Ref & { code: string };
  building: Ref | null;
  department: Ref | null;
  room: Ref | null;
  locationNote: string | null;
  ownership: Ownership;
  acquisitionDate: string | null;
  acquisitionCost: number | null;
  purchaseOrder: string | null;
  vendor: Ref | null;
  warrantyEnd: string | null;
  underWarranty: boolean;
  serviceContract: string | null;
  expectedEndOfLife: string | null;
  connected: boolean;
  hostname: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  operatingSystem: string | null;
  firmwareVersion: string | null;
  softwareVersion: string | null;
  storesPatientData: boolean;
  notes: string | null;
  risk: DeviceRisk;
  strategy: DeviceStrategy;
  aemEligibility: DeviceAemEligibility;
  attachmentsCount: number;
  recentEvents: DeviceEvent[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The writable fields of a device (POST and PATCH bodies). */
export interface DeviceFields {
  assetTag: string;
  serialNumber: string | null;
  udi: string | null;
  modelId: string;
  facilityId: string;
  buildingId: string | null;
  departmentId: string | null;
  roomId: string | null;
  locationNote: string | null;
  ownership: Ownership;
  acquisitionDate: string | null;
  acquisitionCost: number | null;
  purchaseOrder: string | null;
  vendorId: string | null;
  warrantyEnd: string | null;
  serviceContract: string | null;
  hostname: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  operatingSystem: string | null;
  firmwareVersion: string | null;
  softwareVersion: string | null;
  storesPatientData: boolean;
  notes: string | null;
}

export type DeviceCreate = DeviceFields & { status: InitialDeviceStatus; outOfServiceReason?: OutOfServiceReason | null };
export type DeviceUpdate = Partial<DeviceFields>;

export const DEVICES_KEY = ['devices'] as const;

export function fetchDevicesPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<DeviceSummary>> {
  const query = deviceQueryString(filters as unknown as DeviceListFilters, { limit, cursor, sort });
  return api<Page<DeviceSummary>>(`/v1/devices${query}`, { signal });
}

export const deviceQuery = (id: string) =>
  queryOptions({ queryKey: [...DEVICES_KEY, 'detail', id], queryFn: ({ signal }) => api<DeviceDetail>(`/v1/devices/${id}`, { signal }) });

export const createDevice = (body: DeviceCreate) => api<DeviceDetail>('/v1/devices', { method: 'POST', body });

export const updateDevice = (device: Pick<DeviceDetail, 'id' | 'version'>, body: DeviceUpdate) =>
  api<DeviceDetail>(`/v1/devices/${device.id}`, { method: 'PATCH', body, version: device.version });
