import { may } from '@openhtm/domain';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Device } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';

/** A device row without its search text (which only the search reads). */
export type DeviceRow = Omit<Device, 'search_text'>;

export const DEVICE_COLUMNS = [
  'id', 'tenant_id', 'asset_tag', 'serial_number', 'udi', 'udi_di', 'model_id', 'manufacturer_id', 'device_type_id', 'facility_id',
  'building_id', 'department_id', 'room_id', 'location_note', 'ownership', 'acquisition_date', 'acquisition_cost', 'purchase_order',
  'vendor_id', 'warranty_end', 'service_contract', 'status', 'out_of_service_reason', 'has_been_in_service',
  'incoming_inspection_passed_at', 'stores_patient_data', 'hostname', 'ip_address', 'mac_address', 'operating_system',
  'software_version', 'firmware_version', 'connected', 'risk_inputs', 'risk_score', 'high_risk', 'high_risk_override',
  'maintenance_strategy', 'strategy_decided_by', 'strategy_decided_at', 'strategy_reason', 'notes', 'version', 'created_at',
  'updated_at',
] as const satisfies readonly (keyof DeviceRow)[];

/** Limits a devices query to the facilities the actor may see (none at all for an empty scope). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function inScope<Q extends SelectQueryBuilder<Database, any, any>>(qb: Q, auth: AuthContext, column = 'devices.facility_id'): Q {
  if (auth.facilityIds === null) return qb;
  if (auth.facilityIds.length === 0) return qb.where(sql<boolean>`false`) as Q;
  return qb.where(sql.ref(column), 'in', auth.facilityIds) as Q;
}

/**
 * The device, if the actor may see it: a device of another facility than the actor's answers 404 like a missing
 * one. `lock` takes the row lock that serializes concurrent changes of one device.
 */
export async function visibleDevice(trx: Trx, auth: AuthContext, id: string, options: { lock?: boolean } = {}): Promise<DeviceRow> {
  let query = trx.selectFrom('devices').select(DEVICE_COLUMNS).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const device = await query.executeTakeFirst();
  if (!device || !may(auth, 'inventory.read', { facilityId: device.facility_id })) throw notFound('The device');
  return device;
}

/** A device the actor may change with `action` (device.write, device.retire, risk.manage): 404 when out of scope. */
export async function deviceForChange(trx: Trx, auth: AuthContext, id: string, action: Parameters<typeof may>[1]): Promise<DeviceRow> {
  const device = await visibleDevice(trx, auth, id, { lock: true });
  if (!may(auth, action, { facilityId: device.facility_id })) {
    throw new AppError('forbidden', `The ${auth.role} role may not do this (${action})`);
  }
  return device;
}

/** Refuses a change whose If-Match names an older version (412 with the version now). */
export function assertVersion(device: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && device.version !== expected) {
    throw new AppError('precondition_failed', `The device was changed by someone else (now version ${device.version})`, {
      extensions: { currentVersion: device.version },
    });
  }
}
