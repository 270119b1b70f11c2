import { checkInitialStatus } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { riskPolicyOf } from '../settings/risk-policy.ts';
import { assertIdentityFree, identityConflict, resolveDeviceFields, searchTextOf } from './device-input.ts';
import { recordDeviceEvent } from './events.ts';
import { assessDevice, defaultRiskInputs, riskColumns } from './risk-assessment.ts';
import type { DeviceCreate } from './schema.ts';

/** Maps a domain problem field (`outOfServiceReason`, `status`) to the request pointer that carries it. */
export const bodyPointer = (field: string | undefined, statusField = 'status') =>
  `/body/${(field === 'status' || !field ? statusField : field).split('.').join('/')}`;

/**
 * Adds a device to the inventory: validated fields, manufacturer and device type copied from the model, search text,
 * initial status checked by the lifecycle rules, risk scored from the device type's inputs (or the ones given) under
 * the tenant's policy, and a `created` event. Returns the new device's id.
 */
export async function createDevice(trx: Trx, auth: AuthContext, input: DeviceCreate): Promise<string> {
  const status = input.status ?? 'received';
  const initial = checkInitialStatus(status, { outOfServiceReason: input.outOfServiceReason ?? null });
  if (!initial.ok) {
    throw new AppError('validation', initial.problems.map((p) => p.message).join('; '), {
      fields: initial.problems.map((p) => ({ path: bodyPointer(p.field), message: p.message })),
      extensions: { allowed: initial.allowed },
    });
  }
  const fields = await resolveDeviceFields(trx, auth, input);
  await assertIdentityFree(trx, { assetTag: input.assetTag, serialNumber: fields.serialNumber, modelId: fields.model.id });

  const { policy } = await riskPolicyOf(trx);
  const inputs = input.riskInputs ?? defaultRiskInputs(fields.model);
  const existingInventory = status === 'in_service' || status === 'out_of_service';
  const row = await trx
    .insertInto('devices')
    .values({
      tenant_id: auth.tenantId,
      asset_tag: input.assetTag,
      serial_number: fields.serialNumber,
      udi: fields.udi,
      udi_di: fields.udiDi,
      model_id: fields.model.id,
      manufacturer_id: fields.model.manufacturer_id,
      device_type_id: fields.model.device_type_id,
      facility_id: fields.facilityId,
      building_id: input.buildingId ?? null,
      department_id: input.departmentId ?? null,
      room_id: input.roomId ?? null,
      location_note: input.locationNote ?? null,
      ownership: input.ownership ?? 'owned',
      acquisition_date: input.acquisitionDate ?? null,
      acquisition_cost: input.acquisitionCost ?? null,
      purchase_order: input.purchaseOrder ?? null,
      vendor_id: input.vendorId ?? null,
      warranty_end: input.warrantyEnd ?? null,
      service_contract: input.serviceContract ?? null,
      status,
      out_of_service_reason: status === 'out_of_service' ? (input.outOfServiceReason ?? null) : null,
      has_been_in_service: existingInventory,
      stores_patient_data: input.storesPatientData ?? false,
      hostname: input.hostname ?? null,
      ip_address: fields.ipAddress,
      mac_address: fields.macAddress,
      operating_system: input.operatingSystem ?? null,
      firmware_version: input.firmwareVersion ?? null,
      software_version: input.softwareVersion ?? null,
      notes: input.notes ?? null,
      ...riskColumns(inputs, assessDevice(inputs, null, policy), null),
      search_text: searchTextOf(input.assetTag, fields.serialNumber, fields.model),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(identityConflict);
  await recordDeviceEvent(trx, auth, row.id, {
    kind: 'created',
    toStatus: status,
    details: { assetTag: input.assetTag, ...(status === 'out_of_service' && { outOfServiceReason: input.outOfServiceReason }) },
  });
  return row.id;
}
