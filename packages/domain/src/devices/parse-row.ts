import { checkInitialStatus } from '../lifecycle/check-transition.ts';
import type { DeviceStatus, OutOfServiceReason } from '../lifecycle/statuses.ts';
import type { DeviceImportMapping } from './auto-map.ts';
import { DEVICE_IMPORT_FIELDS, DEVICE_IMPORT_FIELD_META, type DeviceImportField, type Ownership } from './fields.ts';
import { isHostname, normalizeIpAddress, normalizeMacAddress } from './network.ts';
import { parseImportBoolean, parseImportDate, parseImportStatus, parseMoney, parseOwnership, type CellParse } from './values.ts';

/** Problems found in the row itself. */
export const ROW_CHECKED_IMPORT_PROBLEM_CODES = [
  'missing_identifier',
  'invalid_date',
  'invalid_money',
  'invalid_boolean',
  'invalid_ownership',
  'invalid_status',
  'status_not_importable',
  'out_of_service_reason_required',
  'invalid_hostname',
  'invalid_ip_address',
  'invalid_mac_address',
  'warranty_before_acquisition',
  'too_long',
] as const;

/** Problems only the server can find, against the database: it reports them in the same shape. */
export const SERVER_CHECKED_IMPORT_PROBLEM_CODES = [
  'unknown_manufacturer',
  'unknown_facility',
  'unknown_department',
  'unknown_device_type',
  'duplicate_asset_tag',
  'duplicate_serial_number',
  'bad_udi',
] as const;

export type DeviceImportProblemCode =
  | (typeof ROW_CHECKED_IMPORT_PROBLEM_CODES)[number]
  | (typeof SERVER_CHECKED_IMPORT_PROBLEM_CODES)[number];

export interface DeviceImportProblem {
  /** Line of the row in the file, as the caller counts it. */
  line: number;
  /** The original header of the offending column; null when no single column is at fault. */
  column: string | null;
  field: DeviceImportField | null;
  code: DeviceImportProblemCode;
  /** A warning lets the row import; an error holds it back. */
  severity: 'error' | 'warning';
  message: string;
  /** The cell as written. */
  value?: string;
}

/** One imported device, typed. Dates are yyyy-mm-dd, money a decimal string with two places. */
export interface DeviceImportRow {
  asset_tag: string | null;
  serial_number: string | null;
  udi: string | null;
  manufacturer: string | null;
  model_number: string | null;
  device_type: string | null;
  facility: string | null;
  building: string | null;
  department: string | null;
  room: string | null;
  ownership: Ownership | null;
  acquisition_date: string | null;
  acquisition_cost: string | null;
  purchase_order: string | null;
  vendor: string | null;
  warranty_end: string | null;
  status: DeviceStatus | null;
  out_of_service_reason: OutOfServiceReason | null;
  hostname: string | null;
  ip_address: string | null;
  mac_address: string | null;
  operating_system: string | null;
  software_version: string | null;
  stores_patient_data: boolean | null;
  notes: string | null;
}

export const MAX_IMPORT_TEXT_LENGTH = 255;
export const MAX_IMPORT_NOTES_LENGTH = 4000;

type CellParser = (text: string) => CellParse<unknown>;

function networkParser(normalize: (text: string) => string | null, what: string): CellParser {
  return (text) => {
    const value = normalize(text);
    return value === null ? { ok: false, message: `"${text}" is not ${what}` } : { ok: true, value };
  };
}

const PARSERS: Record<string, { parse: CellParser; code: DeviceImportProblemCode }> = {
  date: { parse: parseImportDate, code: 'invalid_date' },
  money: { parse: parseMoney, code: 'invalid_money' },
  boolean: { parse: parseImportBoolean, code: 'invalid_boolean' },
  ownership: { parse: parseOwnership, code: 'invalid_ownership' },
  status: { parse: parseImportStatus, code: 'invalid_status' },
  hostname: {
    parse: networkParser((t) => (isHostname(t) ? t.toLowerCase().replace(/\.$/, '') : null), 'a valid host name'),
    code: 'invalid_hostname',
  },
  ip_address: { parse: networkParser(normalizeIpAddress, 'an IPv4 or IPv6 address'), code: 'invalid_ip_address' },
  mac_address: { parse: networkParser(normalizeMacAddress, 'a MAC address like 00:1A:2B:3C:4D:5E'), code: 'invalid_mac_address' },
};

/**
 * Reads one CSV/XLSX record into a typed device row, with a problem for each cell that cannot be
 * read. The row needs an asset tag, or a serial number together with a model number. Checks that
 * need the database (unknown manufacturer or department, duplicate asset tag, UDI check digits)
 * are the server's; see `SERVER_CHECKED_IMPORT_PROBLEM_CODES`.
 */
export function parseDeviceImportRow(
  record: Readonly<Record<string, string | undefined>>,
  mapping: DeviceImportMapping,
  lineNumber: number,
): { value: DeviceImportRow; problems: DeviceImportProblem[] } {
  const row: Record<string, unknown> = Object.fromEntries(
    [...DEVICE_IMPORT_FIELDS, 'out_of_service_reason'].map((field) => [field, null]),
  );
  const problems: DeviceImportProblem[] = [];
  const problem = (field: DeviceImportField | null, code: DeviceImportProblemCode, message: string, value?: string) =>
    problems.push({
      line: lineNumber,
      column: field ? (mapping[field] ?? null) : null,
      field,
      code,
      severity: code === 'warranty_before_acquisition' ? 'warning' : 'error',
      message,
      ...(value === undefined ? {} : { value }),
    });

  for (const field of DEVICE_IMPORT_FIELDS) {
    const header = mapping[field];
    const text = header === undefined ? '' : (record[header] ?? '').trim();
    if (text === '') continue;
    const { kind, label } = DEVICE_IMPORT_FIELD_META[field];
    if (kind === 'text') {
      const limit = field === 'notes' ? MAX_IMPORT_NOTES_LENGTH : MAX_IMPORT_TEXT_LENGTH;
      if (text.length > limit) problem(field, 'too_long', `${label} is longer than ${limit} characters`, text);
      else row[field] = text;
      continue;
    }
    const parser = PARSERS[kind]!;
    const parsed = parser.parse(text);
    if (!parsed.ok) problem(field, parser.code, `${label}: ${parsed.message}`, text);
    else if (kind === 'status') {
      const { status, outOfServiceReason } = parsed.value as { status: DeviceStatus; outOfServiceReason: OutOfServiceReason | null };
      const check = checkInitialStatus(status, { outOfServiceReason });
      if (check.ok) Object.assign(row, { status, out_of_service_reason: outOfServiceReason });
      for (const p of check.ok ? [] : check.problems) {
        const code = p.code === 'not_an_initial_status' ? 'status_not_importable' : 'out_of_service_reason_required';
        problem(field, code, `${label}: ${p.message}`, text);
      }
    } else row[field] = parsed.value;
  }

  const value = row as unknown as DeviceImportRow;
  if (value.asset_tag === null && (value.serial_number === null || value.model_number === null)) {
    problem('asset_tag', 'missing_identifier', 'Each device needs an asset tag, or a serial number and a model number');
  }
  if (value.acquisition_date && value.warranty_end && value.warranty_end < value.acquisition_date) {
    problem('warranty_end', 'warranty_before_acquisition', 'The warranty ends before the device was acquired', value.warranty_end);
  }
  return { value, problems };
}
