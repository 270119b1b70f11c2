import { DEVICE_IMPORT_FIELDS, type DeviceImportField, type DeviceImportMapping } from '@openhtm/domain';

/** The import fields in groups, as the mapping step shows them. */
export const FIELD_GROUPS: Array<{ title: string; fields: DeviceImportField[] }> = [
  { title: 'Identity', fields: ['asset_tag', 'serial_number', 'udi'] },
  { title: 'Model', fields: ['manufacturer', 'model_number', 'device_type'] },
  { title: 'Location', fields: ['facility', 'building', 'department', 'room'] },
  { title: 'Acquisition', fields: ['ownership', 'acquisition_date', 'acquisition_cost', 'purchase_order', 'vendor', 'warranty_end'] },
  { title: 'Status and network', fields: ['status', 'hostname', 'ip_address', 'mac_address', 'operating_system', 'software_version', 'stores_patient_data', 'notes'] },
];

/** Fields a new device cannot do without; rows without them are reported, not guessed. */
export const REQUIRED_FIELDS: ReadonlySet<DeviceImportField> = new Set(['manufacturer', 'model_number', 'facility']);

export interface MappingProblems {
  /** Per field: the column is also mapped to another field. */
  fields: Partial<Record<DeviceImportField, string>>;
  /** About the mapping as a whole: no way to tell rows apart, a required field unmapped. */
  general: string[];
}

/** The same checks the server makes on a mapping, so that they show while the user maps. */
export function mappingProblems(mapping: DeviceImportMapping): MappingProblems {
  const fields: MappingProblems['fields'] = {};
  const usedBy = new Map<string, DeviceImportField>();
  for (const field of DEVICE_IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    const other = usedBy.get(header);
    if (other) fields[field] = `“${header}” is already mapped above`;
    else usedBy.set(header, field);
  }
  const general: string[] = [];
  if (!mapping.asset_tag && !(mapping.serial_number && mapping.model_number)) {
    general.push('Map a column to Asset tag, or columns to both Serial number and Model number, so that each row names its device.');
  }
  return { fields, general };
}

/** Headers no field reads: their columns are left out of the import. */
export function unmappedHeaders(headers: readonly string[], mapping: DeviceImportMapping): string[] {
  const used = new Set(Object.values(mapping));
  return headers.filter((header) => !used.has(header));
}

/** The first few non-empty values of a column, to recognise it by. */
export function sampleValues(sample: readonly string[][], headers: readonly string[], header: string | undefined, count = 3): string[] {
  if (!header) return [];
  const index = headers.indexOf(header);
  if (index < 0) return [];
  return sample.map((row) => (row[index] ?? '').trim()).filter((value) => value !== '').slice(0, count);
}

/** Only mapped fields, with no empty headers: what is sent to the server. */
export function cleanMapping(mapping: DeviceImportMapping): DeviceImportMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, header]) => Boolean(header))) as DeviceImportMapping;
}
