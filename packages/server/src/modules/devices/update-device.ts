import { sql } from 'kysely';
import type { DeviceTable } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { riskPolicyOf } from '../settings/risk-policy.ts';
import { visibleDevice } from './device-access.ts';
import { assertIdentityFree, identityConflict, resolveDeviceFields, searchTextOf } from './device-input.ts';
import { loadDevicePage } from './device-page.ts';
import { recordDeviceEvent } from './events.ts';
import { presentDeviceDetail } from './presenter.ts';
import { assessDevice, defaultRiskInputs, readRiskOverride, riskColumns } from './risk-assessment.ts';
import type { DeviceUpdate } from './schema.ts';

/** Body fields stored as they come, and their columns. */
const PLAIN_COLUMNS = {
  assetTag: 'asset_tag',
  buildingId: 'building_id',
  departmentId: 'department_id',
  roomId: 'room_id',
  locationNote: 'location_note',
  ownership: 'ownership',
  acquisitionDate: 'acquisition_date',
  acquisitionCost: 'acquisition_cost',
  purchaseOrder: 'purchase_order',
  vendorId: 'vendor_id',
  warrantyEnd: 'warranty_end',
  serviceContract: 'service_contract',
  hostname: 'hostname',
  operatingSystem: 'operating_system',
  firmwareVersion: 'firmware_version',
  softwareVersion: 'software_version',
  storesPatientData: 'stores_patient_data',
  notes: 'notes',
} as const satisfies Partial<Record<keyof DeviceUpdate, keyof DeviceTable>>;

/** The 412 of a device edit carries the device as it is now, so that the second editor sees the change. */
async function changedBySomeoneElse(trx: Trx, auth: AuthContext, id: string, version: number): Promise<never> {
  const current = presentDeviceDetail(await loadDevicePage(trx, auth, id));
  throw new AppError('precondition_failed', `The device was changed by someone else (now version ${version})`, {
    extensions: { currentVersion: version, current },
  });
}

/**
 * Changes a device if the caller read its current version. Changing the model brings manufacturer and device type
 * along and refreshes the search text; a new device type resets the risk inputs to the type's and rescores the
 * device (a risk_assessment event), keeping any override.
 */
export async function updateDevice(trx: Trx, auth: AuthContext, id: string, expectedVersion: number, input: DeviceUpdate): Promise<void> {
  const current = await visibleDevice(trx, auth, id, { lock: true });
  if (current.version !== expectedVersion) await changedBySomeoneElse(trx, auth, id, current.version);
  const fields = await resolveDeviceFields(trx, auth, input, current);
  const assetTag = input.assetTag ?? current.asset_tag;
  if (assetTag !== current.asset_tag || fields.serialNumber !== current.serial_number || fields.model.id !== current.model_id) {
    await assertIdentityFree(trx, { assetTag, serialNumber: fields.serialNumber, modelId: fields.model.id }, id);
  }

  const changes: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PLAIN_COLUMNS)) {
    if (Object.prototype.hasOwnProperty.call(input, key)) changes[column] = input[key as keyof typeof PLAIN_COLUMNS] ?? null;
  }
  const typeChanged = fields.model.device_type_id !== current.device_type_id;
  if (typeChanged) {
    const { policy } = await riskPolicyOf(trx);
    const inputs = defaultRiskInputs(fields.model);
    const override = readRiskOverride(current.high_risk_override);
    const assessment = assessDevice(inputs, override, policy);
    Object.assign(changes, riskColumns(inputs, assessment, override));
    await recordDeviceEvent(trx, auth, id, {
      kind: 'risk_assessment',
      reason: 'The device type changed: risk inputs reset to the new type',
      details: { inputs, score: assessment?.score ?? null, highRisk: assessment?.highRisk ?? false, policy: policy.name },
    });
  }
  const updated = await trx
    .updateTable('devices')
    .set({
      ...changes,
      serial_number: fields.serialNumber,
      udi: fields.udi,
      udi_di: fields.udiDi,
      model_id: fields.model.id,
      manufacturer_id: fields.model.manufacturer_id,
      device_type_id: fields.model.device_type_id,
      facility_id: fields.facilityId,
      ip_address: fields.ipAddress,
      mac_address: fields.macAddress,
      search_text: searchTextOf(assetTag, fields.serialNumber, fields.model),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst()
    .catch(identityConflict);
  if (!updated) await changedBySomeoneElse(trx, auth, id, current.version + 1);
}
