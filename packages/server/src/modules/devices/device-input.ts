import { isHostname, may, normalizeIpAddress, normalizeMacAddress, parseUdi } from '@openhtm/domain';
import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import type { DeviceUpdate } from './schema.ts';

/** The model of a device with what the device copies from it (manufacturer, type) and its type's risk inputs. */
export interface ModelFacts {
  id: string;
  model_number: string;
  name: string | null;
  manufacturer_id: string;
  manufacturer_name: string;
  device_type_id: string | null;
  device_type_name: string | null;
  risk_function: string | null;
  risk_physical: string | null;
  risk_maintenance: string | null;
  risk_incident_history: string | null;
  life_support: boolean | null;
  life_sustaining: boolean | null;
}

export async function modelFacts(trx: Trx, modelId: string): Promise<ModelFacts | undefined> {
  return trx
    .selectFrom('models as m')
    .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'm.tenant_id').onRef('mf.id', '=', 'm.manufacturer_id'))
    .leftJoin('device_types as dt', (j) => j.onRef('dt.tenant_id', '=', 'm.tenant_id').onRef('dt.id', '=', 'm.device_type_id'))
    .leftJoin('fda_product_classes as fda', 'fda.product_code', 'm.fda_product_code')
    .select([
      'm.id',
      'm.model_number',
      'm.name',
      'm.manufacturer_id',
      'mf.name as manufacturer_name',
      'm.device_type_id',
      'dt.name as device_type_name',
      'dt.risk_function',
      'dt.risk_physical',
      'dt.risk_maintenance',
      'dt.risk_incident_history',
      'dt.life_support',
      'fda.life_sustaining',
    ])
    .where('m.id', '=', modelId)
    .executeTakeFirst();
}

/** Identity, location and network fields as they will be stored, after validation. */
export interface ResolvedDeviceFields {
  model: ModelFacts;
  facilityId: string;
  udi: string | null;
  udiDi: string | null;
  serialNumber: string | null;
  ipAddress: string | null;
  macAddress: string | null;
}

/** The device as it is before the change (absent on create). */
export interface CurrentDevice {
  id: string;
  model_id: string;
  facility_id: string;
  building_id: string | null;
  department_id: string | null;
  room_id: string | null;
  serial_number: string | null;
  udi: string | null;
  udi_di: string | null;
  ip_address: string | null;
  mac_address: string | null;
}

type Input = DeviceUpdate;
const given = <K extends keyof Input>(input: Input, key: K) => Object.prototype.hasOwnProperty.call(input, key);
/** The value after the change: the input's when it names the field, the current one otherwise. */
const after = <K extends keyof Input>(input: Input, key: K, current: unknown): unknown => (given(input, key) ? input[key] : current);

function udiProblems(udi: string): { di: string | null; serial: string | null; problems: string[] } {
  const parsed = parseUdi(udi);
  const errors = parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  if (parsed.issuer === 'unknown' && errors.length === 0) errors.push('is not a GS1, HIBCC or ICCBBA UDI');
  return { di: parsed.deviceIdentifier ?? null, serial: parsed.serial ?? null, problems: errors };
}

async function locationProblems(trx: Trx, facilityId: string, buildingId: unknown, departmentId: unknown, roomId: unknown): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const elsewhere = 'is not in the facility of the device';
  if (typeof buildingId === 'string') {
    const building = await trx.selectFrom('buildings').select('facility_id').where('id', '=', buildingId).executeTakeFirst();
    if (!building) problems.push({ path: '/body/buildingId', message: 'is not a building of this organisation' });
    else if (building.facility_id !== facilityId) problems.push({ path: '/body/buildingId', message: elsewhere });
  }
  if (typeof departmentId === 'string') {
    const department = await trx.selectFrom('departments').select('facility_id').where('id', '=', departmentId).executeTakeFirst();
    if (!department) problems.push({ path: '/body/departmentId', message: 'is not a department of this organisation' });
    else if (department.facility_id !== facilityId) problems.push({ path: '/body/departmentId', message: elsewhere });
  }
  if (typeof roomId === 'string') {
    const room = await trx
      .selectFrom('rooms as r')
      .innerJoin('floors as f', (j) => j.onRef('f.tenant_id', '=', 'r.tenant_id').onRef('f.id', '=', 'r.floor_id'))
      .innerJoin('buildings as b', (j) => j.onRef('b.tenant_id', '=', 'f.tenant_id').onRef('b.id', '=', 'f.building_id'))
      .select(['b.id as building_id', 'b.facility_id'])
      .where('r.id', '=', roomId)
      .executeTakeFirst();
    if (!room) problems.push({ path: '/body/roomId', message: 'is not a room of this organisation' });
    else if (room.facility_id !== facilityId) problems.push({ path: '/body/roomId', message: elsewhere });
    else if (typeof buildingId === 'string' && room.building_id !== buildingId) {
      problems.push({ path: '/body/roomId', message: 'is not in the building given' });
    }
  }
  return problems;
}

function networkProblems(input: Input, problems: FieldProblem[]): { ipAddress?: string | null; macAddress?: string | null } {
  const out: { ipAddress?: string | null; macAddress?: string | null } = {};
  if (typeof input.hostname === 'string' && !isHostname(input.hostname)) {
    problems.push({ path: '/body/hostname', message: 'is not a host name (letters, digits, inner hyphens, dot-separated)' });
  }
  if (given(input, 'ipAddress')) {
    out.ipAddress = input.ipAddress ? normalizeIpAddress(input.ipAddress) : null;
    if (input.ipAddress && !out.ipAddress) problems.push({ path: '/body/ipAddress', message: 'is not an IPv4 or IPv6 address' });
  }
  if (given(input, 'macAddress')) {
    out.macAddress = input.macAddress ? normalizeMacAddress(input.macAddress) : null;
    if (input.macAddress && !out.macAddress) problems.push({ path: '/body/macAddress', message: 'is not a MAC address (e.g. 00:1a:2b:3c:4d:5e)' });
  }
  return out;
}

/**
 * Validates a device's fields against each other and the organisation's records: the model exists (and gives
 * manufacturer and type), the facility exists and is in the caller's scope, building/department/room belong to
 * that facility, the vendor exists, the UDI parses with valid check digits and agrees with the serial number,
 * network addresses are well-formed. Every problem is reported at once (400); an out-of-scope facility is 403.
 */
export async function resolveDeviceFields(trx: Trx, auth: AuthContext, input: Input, current?: CurrentDevice): Promise<ResolvedDeviceFields> {
  const problems: FieldProblem[] = [];
  const modelId = after(input, 'modelId', current?.model_id) as string;
  const model = await modelFacts(trx, modelId);
  if (!model) problems.push({ path: '/body/modelId', message: 'is not a model of this organisation' });

  const facilityId = after(input, 'facilityId', current?.facility_id) as string;
  const facility = await trx.selectFrom('facilities').select('id').where('id', '=', facilityId).executeTakeFirst();
  if (!facility) problems.push({ path: '/body/facilityId', message: 'is not a facility of this organisation' });
  else if (!may(auth, 'device.write', { facilityId })) {
    throw new AppError('forbidden', 'You may not place devices in this facility', { fields: [{ path: '/body/facilityId', message: 'is outside your facilities' }] });
  } else {
    problems.push(
      ...(await locationProblems(
        trx,
        facilityId,
        after(input, 'buildingId', current?.building_id),
        after(input, 'departmentId', current?.department_id),
        after(input, 'roomId', current?.room_id),
      )),
    );
  }
  if (typeof input.vendorId === 'string' && !(await trx.selectFrom('vendors').select('id').where('id', '=', input.vendorId).executeTakeFirst())) {
    problems.push({ path: '/body/vendorId', message: 'is not a vendor of this organisation' });
  }

  const udi = (after(input, 'udi', current?.udi) as string | null | undefined)?.trim() || null;
  let serialNumber = (after(input, 'serialNumber', current?.serial_number) as string | null | undefined)?.trim() || null;
  let udiDi: string | null = null;
  if (udi) {
    const parsed = udiProblems(udi);
    if (parsed.problems.length > 0) problems.push({ path: '/body/udi', message: parsed.problems.join('; ') });
    udiDi = parsed.di;
    if (parsed.serial && serialNumber && parsed.serial !== serialNumber) {
      problems.push({ path: '/body/serialNumber', message: `differs from the serial number in the UDI (${parsed.serial})` });
    }
    serialNumber ??= parsed.serial;
  }
  const network = networkProblems(input, problems);
  if (problems.length > 0 || !model) throw new AppError('validation', 'Some fields are not valid', { fields: problems });
  return {
    model,
    facilityId,
    udi,
    udiDi,
    serialNumber,
    ipAddress: network.ipAddress !== undefined ? network.ipAddress : (current?.ip_address ?? null),
    macAddress: network.macAddress !== undefined ? network.macAddress : (current?.mac_address ?? null),
  };
}

/** Refuses (409) an asset tag or serial number + model that another device has. */
export async function assertIdentityFree(trx: Trx, fields: { assetTag: string; serialNumber: string | null; modelId: string }, exceptId?: string): Promise<void> {
  let byTag = trx.selectFrom('devices').select('id').where('asset_tag', '=', fields.assetTag);
  if (exceptId) byTag = byTag.where('id', '<>', exceptId);
  if (await byTag.executeTakeFirst()) {
    throw new AppError('conflict', `Another device has asset tag ${fields.assetTag}`, { fields: [{ path: '/body/assetTag', message: 'is already in use' }] });
  }
  if (!fields.serialNumber) return;
  let bySerial = trx.selectFrom('devices').select('asset_tag').where('model_id', '=', fields.modelId).where('serial_number', '=', fields.serialNumber);
  if (exceptId) bySerial = bySerial.where('id', '<>', exceptId);
  const other = await bySerial.executeTakeFirst();
  if (other) {
    throw new AppError('conflict', `Device ${other.asset_tag} of the same model has serial number ${fields.serialNumber}`, {
      fields: [{ path: '/body/serialNumber', message: 'is already in use for this model' }],
    });
  }
}

/** A unique violation that slipped past assertIdentityFree (two writers at once) as the same 409. */
export function identityConflict(error: unknown): never {
  const pgError = error as { code?: string; constraint?: string };
  if (pgError.code === '23505' && pgError.constraint === 'devices_tenant_id_asset_tag_key') {
    throw new AppError('conflict', 'Another device has this asset tag', { fields: [{ path: '/body/assetTag', message: 'is already in use' }] });
  }
  if (pgError.code === '23505' && pgError.constraint === 'devices_serial_model') {
    throw new AppError('conflict', 'Another device of this model has this serial number', {
      fields: [{ path: '/body/serialNumber', message: 'is already in use for this model' }],
    });
  }
  throw error;
}

/** device_search_text of the values a device will have: what typo-tolerant search matches. */
export const searchTextOf = (assetTag: string, serialNumber: string | null, model: ModelFacts) =>
  sql<string>`device_search_text(${assetTag}, ${serialNumber}, ${model.model_number}, ${model.name}, ${model.manufacturer_name}, ${model.device_type_name})`;
