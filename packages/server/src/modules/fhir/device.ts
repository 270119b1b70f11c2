import { DEVICE_STATUS_META, OUT_OF_SERVICE_REASON_LABELS, parseUdi, type DeviceStatus } from '@openhtm/domain';
import type { Device, DeviceVersion, Location, Organization } from './fhir-types.ts';
import type { DeviceFacts } from './queries.ts';
import {
  assetTagSystem,
  DEVICE_STATUS_REASON_SYSTEM,
  FDA_UDI_JURISDICTION,
  facilitySystem,
  IDENTIFIER_TYPE_SYSTEM,
  LOCATION_TYPE_SYSTEM,
  UDI_ISSUER_URI,
} from './systems.ts';
import { deviceTypeConcept } from './device-type.ts';

/**
 * Device.status speaks of the record's availability: a device in service is active; one out of service, awaiting
 * acceptance, retired or disposed is inactive; a request that was rejected never became a device (entered in
 * error); one still being acquired is not known to the floor yet.
 */
const STATUS: Record<DeviceStatus, Device['status']> = {
  requested: 'unknown',
  under_evaluation: 'unknown',
  approved: 'unknown',
  ordered: 'unknown',
  rejected: 'entered-in-error',
  received: 'inactive',
  in_service: 'active',
  out_of_service: 'inactive',
  retired: 'inactive',
  disposed: 'inactive',
};

/** Device.statusReason (device-status-reason codes) of the statuses that have one. */
const STATUS_REASON: Partial<Record<DeviceStatus, { code: string; display: string }>> = {
  in_service: { code: 'online', display: 'Online' },
  out_of_service: { code: 'offline', display: 'Offline' },
  received: { code: 'not-ready', display: 'Not Ready' },
  retired: { code: 'off', display: 'Off' },
  disposed: { code: 'off', display: 'Off' },
};

function statusText(row: DeviceFacts): string {
  const label = DEVICE_STATUS_META[row.status].label;
  return row.out_of_service_reason ? `${label} (${OUT_OF_SERVICE_REASON_LABELS[row.out_of_service_reason].toLowerCase()})` : label;
}

/** The place of the device as a contained Location, managed by the facility (the contained owner). */
function location(row: DeviceFacts): Location {
  const path = [row.building_name, row.floor_name, row.department_name].filter((p): p is string => Boolean(p));
  const [code, display] = row.room_name ? ['ro', 'Room'] : row.department_name ? ['area', 'Area'] : row.building_name ? ['bu', 'Building'] : ['si', 'Site'];
  const description = [row.facility_name, ...path, row.room_name].filter(Boolean).join(', ') + (row.location_note ? ` (${row.location_note})` : '');
  return {
    resourceType: 'Location',
    id: 'location',
    status: 'active',
    name: row.room_name ?? row.department_name ?? row.building_name ?? row.facility_name,
    description,
    mode: 'instance',
    physicalType: { coding: [{ system: LOCATION_TYPE_SYSTEM, code, display }] },
    managingOrganization: { reference: '#owner' },
  };
}

function versions(row: DeviceFacts): DeviceVersion[] {
  const out: DeviceVersion[] = [];
  if (row.software_version) out.push({ type: { text: 'software' }, value: row.software_version });
  if (row.firmware_version) out.push({ type: { text: 'firmware' }, value: row.firmware_version });
  if (row.operating_system) out.push({ type: { text: 'operating system' }, value: row.operating_system });
  return out;
}

/** Network identity of a connected device, which R4 Device has no element for: device properties with text values. */
function networkProperties(row: DeviceFacts): NonNullable<Device['property']> {
  const entries: [string, string | null][] = [['Hostname', row.hostname], ['IP address', row.ip_address], ['MAC address', row.mac_address]];
  return entries.filter((e): e is [string, string] => e[1] !== null).map(([label, value]) => ({ type: { text: label }, valueCode: [{ text: String(value) }] }));
}

/** A device of the inventory as a FHIR R4 Device resource. */
export function presentDevice(row: DeviceFacts, tenantSlug: string): Device {
  const udi = row.udi ? parseUdi(row.udi) : null;
  const issuer = udi && udi.issuer !== 'unknown' ? UDI_ISSUER_URI[udi.issuer] : undefined;
  const reason = STATUS_REASON[row.status];
  const owner: Organization = {
    resourceType: 'Organization',
    id: 'owner',
    identifier: [{ system: facilitySystem(tenantSlug), value: row.facility_code }],
    name: row.facility_name,
  };
  const safety = [
    ...(row.life_support ? [{ text: 'Life-support equipment' }] : []),
    ...(row.high_risk ? [{ text: `High-risk equipment${row.risk_score === null ? '' : ` (EM ${row.risk_score})`}` }] : []),
  ];
  const device: Device = {
    resourceType: 'Device',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    contained: [owner, location(row)],
    identifier: [
      { use: 'usual', type: { text: 'Asset tag' }, system: assetTagSystem(tenantSlug), value: row.asset_tag },
      ...(row.serial_number ? [{ type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: 'SNO', display: 'Serial Number' }], text: 'Serial number' }, value: row.serial_number }] : []),
    ],
    definition: { reference: `DeviceDefinition/${row.model_id}`, display: `${row.manufacturer} ${row.model_name ?? row.model_number}` },
    status: STATUS[row.status],
    statusReason: [{ ...(reason ? { coding: [{ system: DEVICE_STATUS_REASON_SYSTEM, ...reason }] } : {}), text: statusText(row) }],
    manufacturer: row.manufacturer,
    deviceName: [
      { name: row.model_name ?? row.model_number, type: 'model-name' },
      { name: `${row.manufacturer} ${row.model_name ?? row.model_number} (${row.asset_tag})`, type: 'user-friendly-name' },
    ],
    modelNumber: row.model_number,
    owner: { reference: '#owner', display: row.facility_name },
    location: { reference: '#location', display: location(row).description },
  };
  if (row.udi) {
    device.udiCarrier = [
      {
        ...(row.udi_di ?? udi?.deviceIdentifier ? { deviceIdentifier: row.udi_di ?? udi?.deviceIdentifier } : {}),
        ...(issuer ? { issuer } : {}),
        jurisdiction: FDA_UDI_JURISDICTION,
        carrierHRF: row.udi,
        entryType: 'unknown',
      },
    ];
  }
  if (udi?.lot) device.lotNumber = udi.lot;
  if (udi?.manufactureDate) device.manufactureDate = udi.manufactureDate;
  if (udi?.expiryDate) device.expirationDate = udi.expiryDate;
  if (row.serial_number) device.serialNumber = row.serial_number;
  const type = deviceTypeConcept(row, tenantSlug);
  if (type) device.type = type;
  const version = versions(row);
  if (version.length) device.version = version;
  const property = networkProperties(row);
  if (property.length) device.property = property;
  if (safety.length) device.safety = safety;
  if (row.notes) device.note = [{ text: row.notes }];
  return device;
}
