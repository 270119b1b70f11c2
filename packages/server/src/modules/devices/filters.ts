import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { inScope } from './device-access.ts';
import type { DeviceFilters } from './schema-query.ts';

/** The columns a list row needs (see presentDeviceSummary); the device page reads the rest. */
export const LIST_COLUMNS = [
  'devices.id', 'devices.asset_tag', 'devices.serial_number', 'devices.udi_di', 'devices.status', 'devices.out_of_service_reason',
  'devices.model_id', 'devices.manufacturer_id', 'devices.device_type_id', 'devices.facility_id', 'devices.department_id',
  'devices.room_id', 'devices.ownership', 'devices.acquisition_date', 'devices.warranty_end', 'devices.high_risk',
  'devices.risk_score', 'devices.maintenance_strategy', 'devices.connected', 'devices.hostname', 'devices.ip_address',
  'devices.software_version', 'devices.created_at', 'devices.updated_at', 'devices.version',
] as const;

/** Sorts served by indexes on (tenant_id, column[, id]); see the device-list-indexes migration. */
export const SORT_COLUMNS = {
  assetTag: 'devices.asset_tag',
  updatedAt: 'devices.updated_at',
  createdAt: 'devices.created_at',
  status: 'devices.status',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DeviceQuery<O = any> = SelectQueryBuilder<Database, 'devices', O>;

/** The list filters other than q, and the actor's facility scope. */
export function applyFilters<O>(qb: DeviceQuery<O>, auth: AuthContext, filters: Omit<DeviceFilters, 'q'>): DeviceQuery<O> {
  let query = inScope(qb, auth);
  if (filters.facilityId?.length) query = query.where('devices.facility_id', 'in', filters.facilityId);
  if (filters.departmentId?.length) query = query.where('devices.department_id', 'in', filters.departmentId);
  if (filters.deviceTypeId?.length) query = query.where('devices.device_type_id', 'in', filters.deviceTypeId);
  if (filters.manufacturerId?.length) query = query.where('devices.manufacturer_id', 'in', filters.manufacturerId);
  if (filters.modelId?.length) query = query.where('devices.model_id', 'in', filters.modelId);
  if (filters.status?.length) query = query.where('devices.status', 'in', filters.status);
  if (filters.ownership?.length) query = query.where('devices.ownership', 'in', filters.ownership);
  if (filters.highRisk !== undefined) query = query.where('devices.high_risk', '=', filters.highRisk);
  if (filters.strategy) query = query.where('devices.maintenance_strategy', '=', filters.strategy);
  if (filters.connected !== undefined) query = query.where('devices.connected', '=', filters.connected);
  return query;
}

/** The devices list query: filtered, scoped, selecting the list columns. */
export const deviceListQuery = (trx: Trx, auth: AuthContext, filters: Omit<DeviceFilters, 'q'>) =>
  applyFilters(trx.selectFrom('devices').select(LIST_COLUMNS), auth, filters);


