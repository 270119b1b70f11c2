import {
  autoMapColumns,
  DEVICE_IMPORT_FIELDS,
  DEVICE_IMPORT_FIELD_META,
  type DeviceImportField,
  type DeviceImportMapping,
} from '@openhtm/domain';
import type { FieldProblem } from '../../http/errors.ts';

/** Every import field with its label, for the mapping step of the UI. */
export const IMPORT_FIELDS = DEVICE_IMPORT_FIELDS.map((field) => ({ field, label: DEVICE_IMPORT_FIELD_META[field].label }));

/**
 * What is wrong with a mapping a person sent: a header the file does not have, or one column feeding two fields.
 * `basePath` is the JSON pointer of the mapping object in the request.
 */
export function mappingProblems(mapping: DeviceImportMapping, headers: readonly string[], basePath = '/body/mapping'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(headers);
  const usedBy = new Map<string, DeviceImportField>();
  for (const field of DEVICE_IMPORT_FIELDS) {
    const header = mapping[field];
    if (header === undefined) continue;
    if (!known.has(header)) {
      problems.push({ path: `${basePath}/${field}`, message: `the file has no column "${header}"` });
      continue;
    }
    const other = usedBy.get(header);
    if (other) problems.push({ path: `${basePath}/${field}`, message: `column "${header}" is already mapped to ${other}` });
    else usedBy.set(header, field);
  }
  return problems;
}

/** Why no row could be identified with this mapping, or null when it maps an asset tag or serial + model. */
export function identifierGap(mapping: DeviceImportMapping): string | null {
  if (mapping.asset_tag !== undefined) return null;
  if (mapping.serial_number !== undefined && mapping.model_number !== undefined) return null;
  return 'Map a column to Asset tag, or columns to both Serial number and Model number, so that each row names its device';
}

/** Only the fields the domain knows, with string headers: what a stored or sent mapping is reduced to. */
export function cleanMapping(raw: Record<string, unknown>): DeviceImportMapping {
  const mapping: DeviceImportMapping = {};
  for (const field of DEVICE_IMPORT_FIELDS) {
    const header = raw[field];
    if (typeof header === 'string' && header !== '') mapping[field] = header;
  }
  return mapping;
}

const VALUE_LIKE = /^(?:\d+(?:[.,]\d+)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:\d{1,3}\.){3}\d{1,3}|(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}|\$\s*[\d,.]+)$/i;

/**
 * Whether the first row of a file reads as data rather than column names: none of its cells is a known header,
 * and some cell is blank or a value (a number, date, IP or MAC address, amount).
 */
export function headerLooksLikeData(headers: readonly string[], rawHeaderCells: readonly string[]): boolean {
  if (Object.keys(autoMapColumns(headers).mapping).length > 0) return false;
  return rawHeaderCells.some((cell) => cell.trim() === '' || VALUE_LIKE.test(cell.trim()));
}
