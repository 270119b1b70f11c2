import { normalizeIpAddress, normalizeMacAddress, type InitialDeviceStatus, type OutOfServiceReason, type Ownership } from '@openhtm/domain';
import type { DeviceCreate, DeviceDetail, DeviceFields, DeviceUpdate } from '../api';

/** The device form's values: text inputs hold '' for "not set", pickers hold null. */
export interface DeviceFormValues {
  assetTag: string;
  serialNumber: string;
  udi: string;
  modelId: string | null;
  facilityId: string | null;
  buildingId: string | null;
  departmentId: string | null;
  roomId: string | null;
  locationNote: string;
  ownership: Ownership;
  acquisitionDate: string | null;
  acquisitionCost: number | string;
  purchaseOrder: string;
  vendorId: string | null;
  warrantyEnd: string | null;
  serviceContract: string;
  hostname: string;
  ipAddress: string;
  macAddress: string;
  operatingSystem: string;
  firmwareVersion: string;
  softwareVersion: string;
  storesPatientData: boolean;
  notes: string;
  /** Only when creating: the initial status and, for out of service, why. */
  status: InitialDeviceStatus;
  outOfServiceReason: OutOfServiceReason | null;
}

export const EMPTY_DEVICE_VALUES: DeviceFormValues = {
  assetTag: '',
  serialNumber: '',
  udi: '',
  modelId: null,
  facilityId: null,
  buildingId: null,
  departmentId: null,
  roomId: null,
  locationNote: '',
  ownership: 'owned',
  acquisitionDate: null,
  acquisitionCost: '',
  purchaseOrder: '',
  vendorId: null,
  warrantyEnd: null,
  serviceContract: '',
  hostname: '',
  ipAddress: '',
  macAddress: '',
  operatingSystem: '',
  firmwareVersion: '',
  softwareVersion: '',
  storesPatientData: false,
  notes: '',
  status: 'received',
  outOfServiceReason: null,
};

export function valuesOf(device: DeviceDetail): DeviceFormValues {
  return {
    ...EMPTY_DEVICE_VALUES,
    assetTag: device.assetTag,
    serialNumber: device.serialNumber ?? '',
    udi: device.udi ?? '',
    modelId: device.model.id,
    facilityId: device.facility.id,
    buildingId: device.building?.id ?? null,
    departmentId: device.department?.id ?? null,
    roomId: device.room?.id ?? null,
    locationNote: device.locationNote ?? '',
    ownership: device.ownership,
    acquisitionDate: device.acquisitionDate,
    acquisitionCost: device.acquisitionCost ?? '',
    purchaseOrder: device.purchaseOrder ?? '',
    vendorId: device.vendor?.id ?? null,
    warrantyEnd: device.warrantyEnd,
    serviceContract: device.serviceContract ?? '',
    hostname: device.hostname ?? '',
    ipAddress: device.ipAddress ?? '',
    macAddress: device.macAddress ?? '',
    operatingSystem: device.operatingSystem ?? '',
    firmwareVersion: device.firmwareVersion ?? '',
    softwareVersion: device.softwareVersion ?? '',
    storesPatientData: device.storesPatientData,
    notes: device.notes ?? '',
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The API's fields of the form's values: trimmed, '' as null, addresses in canonical form. */
export function fieldsOf(values: DeviceFormValues): DeviceFields {
  const ip = text(values.ipAddress);
  const mac = text(values.macAddress);
  return {
    assetTag: values.assetTag.trim(),
    serialNumber: text(values.serialNumber),
    udi: text(values.udi),
    modelId: values.modelId ?? '',
    facilityId: values.facilityId ?? '',
    buildingId: values.buildingId,
    departmentId: values.departmentId,
    roomId: values.roomId,
    locationNote: text(values.locationNote),
    ownership: values.ownership,
    acquisitionDate: values.acquisitionDate || null,
    acquisitionCost: values.acquisitionCost === '' ? null : Number(values.acquisitionCost),
    purchaseOrder: text(values.purchaseOrder),
    vendorId: values.vendorId,
    warrantyEnd: values.warrantyEnd || null,
    serviceContract: text(values.serviceContract),
    hostname: text(values.hostname),
    ipAddress: ip === null ? null : (normalizeIpAddress(ip) ?? ip),
    macAddress: mac === null ? null : (normalizeMacAddress(mac) ?? mac),
    operatingSystem: text(values.operatingSystem),
    firmwareVersion: text(values.firmwareVersion),
    softwareVersion: text(values.softwareVersion),
    storesPatientData: values.storesPatientData,
    notes: text(values.notes),
  };
}

export function createBodyOf(values: DeviceFormValues): DeviceCreate {
  return {
    ...fieldsOf(values),
    status: values.status,
    outOfServiceReason: values.status === 'out_of_service' ? values.outOfServiceReason : null,
  };
}

/**
 * Only the fields that differ from `base` (the version the user started from), so that a concurrent change
 * to another field is not overwritten with a stale value.
 */
export function changesOf(base: DeviceFormValues, values: DeviceFormValues): DeviceUpdate {
  const before = fieldsOf(base);
  const after = fieldsOf(values);
  const changes: DeviceUpdate = {};
  for (const key of Object.keys(after) as Array<keyof DeviceFields>) {
    if (after[key] !== before[key]) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}
