/** The canonical fields of a device inventory import (DOMAIN.md §3) and the headers that mean them. */

export const DEVICE_IMPORT_FIELDS = [
  'asset_tag',
  'serial_number',
  'udi',
  'manufacturer',
  'model_number',
  'device_type',
  'facility',
  'building',
  'department',
  'room',
  'ownership',
  'acquisition_date',
  'acquisition_cost',
  'purchase_order',
  'vendor',
  'warranty_end',
  'status',
  'hostname',
  'ip_address',
  'mac_address',
  'operating_system',
  'software_version',
  'stores_patient_data',
  'notes',
] as const;
export type DeviceImportField = (typeof DEVICE_IMPORT_FIELDS)[number];

export type DeviceImportFieldKind =
  | 'text'
  | 'date'
  | 'money'
  | 'boolean'
  | 'ownership'
  | 'status'
  | 'hostname'
  | 'ip_address'
  | 'mac_address';

export interface DeviceImportFieldMeta {
  label: string;
  kind: DeviceImportFieldKind;
  /** Column headers seen in spreadsheets and other CMMS exports that mean this field. */
  synonyms: readonly string[];
}

export const DEVICE_IMPORT_FIELD_META: Record<DeviceImportField, DeviceImportFieldMeta> = {
  asset_tag: {
    label: 'Asset tag',
    kind: 'text',
    synonyms: ['Asset #', 'Asset No', 'Asset Number', 'Asset ID', 'Tag', 'Tag #', 'Tag Number', 'Equipment ID', 'Equipment #',
      'Equipment Number', 'Equip #', 'Equip ID', 'Control Number', 'Control #', 'Control No', 'ECN', 'Inventory Number',
      'Inventory #', 'Property Tag', 'Property Number'],
  },
  serial_number: {
    label: 'Serial number',
    kind: 'text',
    synonyms: ['S/N', 'SN', 'Serial', 'Serial No.', 'Serial #', 'Mfr Serial', 'Manufacturer Serial Number'],
  },
  udi: { label: 'UDI', kind: 'text', synonyms: ['Unique Device Identifier', 'UDI-DI', 'UDI DI', 'Device Identifier'] },
  manufacturer: {
    label: 'Manufacturer',
    kind: 'text',
    synonyms: ['Mfr', 'Mfg', 'Manuf', 'Make', 'Manufacturer Name', 'Mfr Name', 'Mfg Name', 'OEM', 'Brand'],
  },
  model_number: {
    label: 'Model number',
    kind: 'text',
    synonyms: ['Model', 'Model #', 'Model No', 'Model Name', 'Mfr Model', 'Catalog Number', 'Catalog #'],
  },
  device_type: {
    label: 'Device type',
    kind: 'text',
    synonyms: ['Type', 'Equipment Type', 'Device Description', 'Equipment Description', 'Description', 'Device Name',
      'Equipment Name', 'Nomenclature', 'Device Category', 'Equipment Class'],
  },
  facility: { label: 'Facility', kind: 'text', synonyms: ['Site', 'Hospital', 'Campus', 'Facility Name', 'Location Facility'] },
  building: { label: 'Building', kind: 'text', synonyms: ['Bldg', 'Building Name', 'Bldg Name'] },
  department: {
    label: 'Department',
    kind: 'text',
    synonyms: ['Dept', 'Dept.', 'Dept Name', 'Department Name', 'Owning Department', 'Cost Center', 'Unit', 'Nursing Unit'],
  },
  room: { label: 'Room', kind: 'text', synonyms: ['Rm', 'Room #', 'Room Number', 'Room No'] },
  ownership: {
    label: 'Ownership',
    kind: 'ownership',
    synonyms: ['Ownership Type', 'Owner Type', 'Owned/Leased', 'Owned or Leased', 'Acquisition Type'],
  },
  acquisition_date: {
    label: 'Acquisition date',
    kind: 'date',
    synonyms: ['Acquired', 'Date Acquired', 'Acq Date', 'Purchase Date', 'Date Purchased', 'Install Date', 'Installation Date',
      'Received Date'],
  },
  acquisition_cost: {
    label: 'Acquisition cost',
    kind: 'money',
    synonyms: ['Cost', 'Acq Cost', 'Purchase Price', 'Purchase Cost', 'Price', 'Original Cost', 'Acquisition Price'],
  },
  purchase_order: { label: 'Purchase order', kind: 'text', synonyms: ['PO', 'PO #', 'PO Number', 'P.O. Number', 'Purchase Order #'] },
  vendor: { label: 'Vendor', kind: 'text', synonyms: ['Supplier', 'Vendor Name', 'Supplier Name', 'Service Vendor'] },
  warranty_end: {
    label: 'Warranty end',
    kind: 'date',
    synonyms: ['Warranty End Date', 'Warranty Expiration', 'Warranty Expiration Date', 'Warranty Expires',
      'Warranty Exp', 'Warranty Expiry'],
  },
  status: { label: 'Status', kind: 'status', synonyms: ['Device Status', 'Equipment Status', 'Asset Status'] },
  hostname: { label: 'Hostname', kind: 'hostname', synonyms: ['Host Name', 'Host', 'DNS Name', 'Network Name', 'Computer Name'] },
  ip_address: { label: 'IP address', kind: 'ip_address', synonyms: ['IP', 'IP Addr', 'IPv4', 'IPv4 Address', 'IPv6', 'IPv6 Address'] },
  mac_address: {
    label: 'MAC address',
    kind: 'mac_address',
    synonyms: ['MAC', 'MAC Addr', 'Hardware Address', 'Ethernet Address', 'Physical Address'],
  },
  operating_system: { label: 'Operating system', kind: 'text', synonyms: ['OS', 'O/S', 'Platform'] },
  software_version: {
    label: 'Software version',
    kind: 'text',
    synonyms: ['Software', 'SW Version', 'Software Rev', 'Software Revision', 'Firmware', 'Firmware Version', 'FW Version',
      'FW', 'Version'],
  },
  stores_patient_data: {
    label: 'Stores patient data',
    kind: 'boolean',
    synonyms: ['PHI', 'ePHI', 'Contains PHI', 'Stores PHI', 'Patient Data', 'Stores ePHI', 'Has PHI'],
  },
  notes: { label: 'Notes', kind: 'text', synonyms: ['Note', 'Comments', 'Comment', 'Remarks'] },
};

/** Who owns a device; TJC requires leased, vendor-maintained and physician-owned devices in the inventory too. */
export const OWNERSHIPS = ['owned', 'leased', 'rented', 'vendor_maintained', 'physician_owned', 'loaner'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  owned: 'Owned',
  leased: 'Leased',
  rented: 'Rented',
  vendor_maintained: 'Vendor-maintained',
  physician_owned: 'Physician-owned',
  loaner: 'Loaner / demo',
};

/** Spreadsheet spellings of each ownership, compared after lower-casing and collapsing punctuation. */
export const OWNERSHIP_SYNONYMS: Record<Ownership, readonly string[]> = {
  owned: ['own', 'purchased', 'capital', 'hospital owned', 'facility owned'],
  leased: ['lease', 'capital lease', 'operating lease'],
  rented: ['rent', 'rental'],
  vendor_maintained: ['vendor', 'vendor owned', 'vendor managed', 'consignment', 'reagent rental'],
  physician_owned: ['physician', 'doctor owned', 'md owned', 'surgeon owned'],
  loaner: ['loan', 'on loan', 'demo', 'demonstration', 'evaluation', 'trial'],
};

/** The network identity of a connected device (DOMAIN.md §3, §8). */
export interface DeviceNetworkInfo {
  hostname: string | null;
  /** Dotted quad for IPv4, lower-case for IPv6. */
  ipAddress: string | null;
  /** Lower-case, colon-separated: "00:1a:2b:3c:4d:5e". */
  macAddress: string | null;
  operatingSystem: string | null;
  softwareVersion: string | null;
}
