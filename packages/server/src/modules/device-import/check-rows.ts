import { randomUUID } from 'node:crypto';
import { parseDeviceImportRow, parseUdi, type DeviceImportMapping, type DeviceImportRow } from '@openhtm/domain';
import type { ProblemLog } from './problems.ts';
import type { RawRow } from './read-file.ts';
import { modelKey, type References } from './references.ts';
import { resolveLocation } from './resolve-location.ts';
import type { StagedRow } from './staging.ts';

/** Column limits of the devices table that the domain's generic 255-character text limit does not cover. */
const MAX_LENGTH = { asset_tag: 64, serial_number: 100, udi: 300 } as const;
/** numeric(14, 2): twelve digits before the decimal point. */
const MAX_COST = 1e12;

/** A model the commit creates: a model number the catalog lacks, of a manufacturer it knows. */
export interface NewModel {
  id: string;
  manufacturerId: string;
  manufacturerName: string;
  modelNumber: string;
  deviceTypeId: string | null;
  firstLine: number;
}

export interface RowCheckerOptions {
  headers: readonly string[];
  mapping: DeviceImportMapping;
  references: References;
  problems: ProblemLog;
  /** Facilities the importing actor may change; null for all. */
  facilityScope: readonly string[] | null;
  today: string;
}

const emptyStaged = (line: number): StagedRow => ({
  line, has_error: true, asset_tag_given: false, facility_given: false, model_given: false, asset_tag: null, serial_number: null,
  udi: null, udi_di: null, model_id: null, manufacturer_id: null, device_type_id: null, new_model: false, facility_id: null,
  building_id: null, department_id: null, room_id: null, ownership: null, acquisition_date: null, acquisition_cost: null,
  purchase_order: null, vendor_id: null, warranty_end: null, status: null, out_of_service_reason: null, hostname: null,
  ip_address: null, mac_address: null, operating_system: null, software_version: null, stores_patient_data: null, notes: null,
});

/**
 * Checks rows one at a time, as they stream from the file: the domain reads the cells (dates, money, status,
 * network identity) and references resolve against the maps loaded once. Returns the row to stage; every problem
 * goes to the log. Repeats within the file are found set-based once the rows are staged (see database-checks.ts),
 * so memory stays flat however long the file is.
 */
export function createRowChecker(options: RowCheckerOptions) {
  const { mapping, references, problems, facilityScope, today } = options;
  const columnOf = new Map(options.headers.map((header, index) => [header, index]));
  const mapped = Object.entries(mapping).map(([field, header]) => [field, header, columnOf.get(header!) ?? -1] as const);
  const newModels = new Map<string, NewModel>();
  let rows = 0;
  let rowsWithErrors = 0;

  function resolveModel(line: number, value: DeviceImportRow, staged: StagedRow): void {
    if (value.manufacturer === null) {
      if (value.model_number !== null) problems.field(line, 'manufacturer', 'missing_manufacturer', 'error', `Give the manufacturer of model "${value.model_number}"`);
      return;
    }
    const found = references.manufacturer(value.manufacturer);
    if (found.kind === 'unknown') {
      const hint = found.suggestions.length ? `; did you mean ${found.suggestions.map((s) => s.name).join(' or ')}?` : '; add it (or an alias) under Manufacturers first';
      problems.field(line, 'manufacturer', 'unknown_manufacturer', 'error', `Manufacturer "${value.manufacturer}" is not known${hint}`, {
        value: value.manufacturer,
        suggestions: found.suggestions,
      });
      return;
    }
    const type = value.device_type === null ? undefined : references.deviceType(value.device_type);
    if (value.device_type !== null && !type) {
      problems.field(line, 'device_type', 'unknown_device_type', 'warning', `Device type "${value.device_type}" is not known; the model's own type is used`, { value: value.device_type });
    }
    if (value.model_number === null) return;
    const model = references.model(found.ref.id, value.model_number);
    if (model) {
      Object.assign(staged, { model_id: model.id, manufacturer_id: model.manufacturerId, device_type_id: model.deviceTypeId });
      return;
    }
    const key = modelKey(found.ref.id, value.model_number);
    let created = newModels.get(key);
    if (!created) {
      created = { id: randomUUID(), manufacturerId: found.ref.id, manufacturerName: found.ref.name, modelNumber: value.model_number, deviceTypeId: type?.id ?? null, firstLine: line };
      newModels.set(key, created);
    }
    problems.field(line, 'model_number', 'unknown_model', 'warning', `Model "${value.model_number}" of ${found.ref.name} is not in the catalog; the import creates it`, {
      value: value.model_number,
    });
    Object.assign(staged, { model_id: created.id, manufacturer_id: created.manufacturerId, device_type_id: created.deviceTypeId, new_model: true });
  }

  function checkLimits(line: number, value: DeviceImportRow): void {
    for (const field of ['asset_tag', 'serial_number', 'udi'] as const) {
      const text = value[field];
      if (text !== null && text.length > MAX_LENGTH[field]) {
        problems.field(line, field, 'too_long', 'error', `${field.replace('_', ' ')} is longer than ${MAX_LENGTH[field]} characters`, { value: text });
        value[field] = null;
      }
    }
    if (value.acquisition_cost !== null && Number(value.acquisition_cost) >= MAX_COST) {
      problems.field(line, 'acquisition_cost', 'invalid_money', 'error', `Acquisition cost ${value.acquisition_cost} is implausibly large`, { value: value.acquisition_cost });
      value.acquisition_cost = null;
    }
    if (value.acquisition_date !== null && value.acquisition_date > today) {
      problems.field(line, 'acquisition_date', 'future_date', 'warning', `Acquisition date ${value.acquisition_date} is in the future`, { value: value.acquisition_date });
    }
  }

  function checkUdi(line: number, text: string, staged: StagedRow): void {
    const udi = parseUdi(text);
    for (const p of udi.problems) {
      problems.field(line, 'udi', 'bad_udi', p.severity, `UDI: ${p.message}`, { value: text });
    }
    if (udi.valid && udi.deviceIdentifier) staged.udi_di = udi.deviceIdentifier;
  }

  function check(raw: RawRow): StagedRow {
    rows++;
    const errorsBefore = problems.errors;
    if ('error' in raw) {
      problems.field(raw.line, null, 'malformed_row', 'error', `Line ${raw.line} ${raw.error}`);
      rowsWithErrors++;
      return emptyStaged(raw.line);
    }
    const record: Record<string, string> = {};
    for (const [, header, index] of mapped) record[header!] = raw.cells[index] ?? '';
    const { value, problems: found } = parseDeviceImportRow(record, mapping, raw.line);
    for (const problem of found) problems.add(problem);
    const given = { asset_tag_given: value.asset_tag !== null, facility_given: value.facility !== null, model_given: value.model_number !== null };
    checkLimits(raw.line, value);
    const staged: StagedRow = {
      line: raw.line, has_error: false, ...given,
      asset_tag: value.asset_tag, serial_number: value.serial_number, udi: value.udi, udi_di: null,
      model_id: null, manufacturer_id: null, device_type_id: null, new_model: false,
      facility_id: null, building_id: null, department_id: null, room_id: null,
      ownership: value.ownership, acquisition_date: value.acquisition_date, acquisition_cost: value.acquisition_cost,
      purchase_order: value.purchase_order, vendor_id: null, warranty_end: value.warranty_end, status: value.status,
      out_of_service_reason: value.out_of_service_reason, hostname: value.hostname, ip_address: value.ip_address,
      mac_address: value.mac_address, operating_system: value.operating_system, software_version: value.software_version,
      stores_patient_data: value.stores_patient_data, notes: value.notes,
    };
    if (value.udi !== null) checkUdi(raw.line, value.udi, staged);
    resolveModel(raw.line, value, staged);
    resolveLocation({ line: raw.line, value, staged, references, problems, facilityScope });
    staged.has_error = problems.errors > errorsBefore;
    if (staged.has_error) rowsWithErrors++;
    return staged;
  }

  return {
    check,
    newModels: () => [...newModels.values()],
    counts: () => ({ rows, rowsWithErrors }),
  };
}

export type RowChecker = ReturnType<typeof createRowChecker>;
