import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Run } from '../../http/context.ts';
import type { AuthContext } from '../auth/sessions.ts';
import type { ListRow, ReferenceNames } from './presenter.ts';
import { allDevices } from './queries.ts';
import type { DeviceFilters } from './schema-query.ts';

type Cell = string | number | boolean | null;

/**
 * The export's columns. Headers are the device import's field labels where one exists, so that an exported file
 * maps itself when imported again.
 */
const COLUMNS: Array<{ header: string; width: number; value: (row: ListRow, names: ReferenceNames) => Cell }> = [
  { header: 'Asset tag', width: 14, value: (r) => r.asset_tag },
  { header: 'Serial number', width: 16, value: (r) => r.serial_number },
  { header: 'UDI-DI', width: 16, value: (r) => r.udi_di },
  { header: 'Manufacturer', width: 20, value: (r, n) => n.manufacturers.get(r.manufacturer_id) ?? null },
  { header: 'Model number', width: 18, value: (r, n) => n.models.get(r.model_id)?.modelNumber ?? null },
  { header: 'Model name', width: 26, value: (r, n) => n.models.get(r.model_id)?.name ?? null },
  { header: 'Device type', width: 22, value: (r, n) => (r.device_type_id ? (n.deviceTypes.get(r.device_type_id) ?? null) : null) },
  { header: 'Facility', width: 26, value: (r, n) => n.facilities.get(r.facility_id)?.name ?? null },
  { header: 'Department', width: 22, value: (r, n) => (r.department_id ? (n.departments.get(r.department_id) ?? null) : null) },
  { header: 'Room', width: 12, value: (r, n) => (r.room_id ? (n.rooms.get(r.room_id) ?? null) : null) },
  { header: 'Status', width: 14, value: (r) => r.status },
  { header: 'Out-of-service reason', width: 14, value: (r) => r.out_of_service_reason },
  { header: 'Ownership', width: 14, value: (r) => r.ownership },
  { header: 'Acquisition date', width: 12, value: (r) => r.acquisition_date },
  { header: 'Warranty end', width: 12, value: (r) => r.warranty_end },
  { header: 'High risk', width: 8, value: (r) => (r.high_risk ? 'Y' : 'N') },
  { header: 'Risk score', width: 8, value: (r) => r.risk_score },
  { header: 'Maintenance strategy', width: 12, value: (r) => r.maintenance_strategy },
  { header: 'Hostname', width: 18, value: (r) => r.hostname },
  { header: 'IP address', width: 16, value: (r) => r.ip_address },
  { header: 'Software version', width: 12, value: (r) => r.software_version },
  { header: 'Updated at', width: 22, value: (r) => r.updated_at.toISOString() },
];

const XLSX_ROWS_PER_SHEET = 1_048_575;

export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const exportFileName = (format: keyof typeof EXPORT_TYPES, today = new Date()) => `devices-${today.toISOString().slice(0, 10)}.${format}`;

async function* cells(run: Run, auth: AuthContext, filters: DeviceFilters): AsyncGenerator<Cell[]> {
  for await (const page of allDevices(run, auth, filters)) {
    for (const row of page.rows) yield COLUMNS.map((c) => c.value(row, page.names));
  }
}

/**
 * The devices matching the filters as CSV (UTF-8 with BOM, for spreadsheet programs), streamed: rows are read in
 * keyset batches and written as the client takes them (stream backpressure), so memory stays flat at any size.
 * `run` gives every batch the same snapshot (snapshotFor), so the file is the inventory at one instant.
 */
export function exportCsv(run: Run, auth: AuthContext, filters: DeviceFilters, onError: (error: unknown) => void): Readable {
  const csv = stringify({ header: true, bom: true, columns: COLUMNS.map((c) => c.header) });
  // pipeline (not pipe) ends the response with the error when reading the devices fails half-way.
  pipeline(Readable.from(cells(run, auth, filters)), csv).catch(onError);
  return csv;
}

/**
 * The devices matching the filters as an XLSX workbook, streamed with exceljs's WorkbookWriter: each row is
 * committed as it is written, and the producer waits whenever the client falls behind.
 */
export function exportXlsx(run: Run, auth: AuthContext, filters: DeviceFilters, onError: (error: unknown) => void): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const addSheet = (n: number) => {
    const added = workbook.addWorksheet(n === 1 ? 'Devices' : `Devices ${n}`);
    added.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    return added;
  };
  let sheet = addSheet(1);
  const write = async () => {
    let count = 0;
    for await (const values of cells(run, auth, filters)) {
      if (out.destroyed) return;
      // A worksheet holds 1,048,576 rows, the header included: the next devices go on another sheet.
      if (count > 0 && count % XLSX_ROWS_PER_SHEET === 0) {
        sheet.commit();
        sheet = addSheet(count / XLSX_ROWS_PER_SHEET + 1);
      }
      sheet.addRow(values).commit();
      // Waits for the client; a client that goes away ends the export.
      if (++count % 500 === 0 && out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
