/**
 * The benchmark's input: the demo generator's fleet written as a CMMS would export it — names and codes instead
 * of ids, manufacturer aliases and case variants, US and ISO dates, amounts with a dollar sign — so that the
 * import does all of its work (resolve, normalize, validate).
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { Databases } from '../packages/server/src/db/connection.ts';
import { withTenant } from '../packages/server/src/db/tenant-context.ts';
import { generateDevices } from '../packages/server/src/modules/demo/generate-devices.ts';
import { insertCatalog, insertExtraManufacturers, insertSites, insertVendors, type DemoReference } from '../packages/server/src/modules/demo/load-reference.ts';
import type { DemoFacility } from '../packages/server/src/modules/demo/sites.ts';
import { seedKnownManufacturers } from '../packages/server/src/modules/manufacturers/seed-known.ts';

export const BENCH_HEADERS = [
  'Equipment ID', 'Serial Number', 'Manufacturer', 'Model', 'Device Type', 'Facility', 'Building', 'Department', 'Room',
  'Ownership', 'Acquisition Date', 'Acquisition Cost', 'PO Number', 'Vendor', 'Warranty End Date', 'Status', 'Hostname',
  'IP Address', 'MAC Address', 'Operating System', 'Software Version', 'PHI', 'UDI', 'Notes',
];

/** The demo's reference data (catalog, vendors, sites) in one transaction, as loadDemoInventory does it. */
export async function loadBenchReference(db: Databases, tenantId: string, facilities: (DemoFacility & { id: string })[]): Promise<DemoReference> {
  return withTenant(db.app, { tenantId, actor: 'bench' }, async (trx) => {
    await seedKnownManufacturers(trx, tenantId);
    const manufacturerIds = await insertExtraManufacturers(trx, tenantId);
    const models = await insertCatalog(trx, tenantId, manufacturerIds);
    const vendors = await insertVendors(trx, tenantId, manufacturerIds);
    const departments = await insertSites(trx, tenantId, facilities);
    return { models, departments, ...vendors };
  });
}

async function names(db: Databases, table: 'buildings' | 'departments' | 'rooms' | 'vendors' | 'device_types', tenantId: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; name: string }>`select id, name from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(db.owner);
  return new Map(rows.map((r) => [r.id, r.name]));
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const usDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
const OWNERSHIP_WORDS: Record<string, string> = { owned: 'Owned', leased: 'Lease', rented: 'Rental', vendor_maintained: 'Vendor-maintained', physician_owned: 'Physician owned', loaner: 'Loaner' };
const STATUS_WORDS: Record<string, string> = { received: 'Received', in_service: 'Active', out_of_service: 'OOS - ' };

export interface BenchCsvOptions {
  rows: number;
  seed: number;
  asOf: string;
  facilities: (DemoFacility & { id: string })[];
}

/** Writes the CSV and returns its size in bytes. Retired demo devices are exported as out of service (repair). */
export async function writeBenchCsv(db: Databases, tenantId: string, file: string, reference: DemoReference, options: BenchCsvOptions): Promise<number> {
  const [buildings, departments, rooms, vendors] = await Promise.all([
    names(db, 'buildings', tenantId), names(db, 'departments', tenantId), names(db, 'rooms', tenantId), names(db, 'vendors', tenantId),
  ]);
  const manufacturers = (await sql<{ id: string; name: string; alias: string | null }>`
    select m.id, m.name, (select min(a.alias) from manufacturer_aliases a where a.manufacturer_id = m.id) as alias
    from manufacturers m where m.tenant_id = ${tenantId}`.execute(db.owner)).rows;
  const manufacturerBy = new Map(manufacturers.map((m) => [m.id, m]));
  const facilityCode = new Map(options.facilities.map((f) => [f.id, f.code]));
  const modelBy = new Map(reference.models.map((m) => [m.id, m]));
  const out = createWriteStream(file, { highWaterMark: 1024 * 1024 });
  out.write(BENCH_HEADERS.join(',') + '\r\n');
  let i = 0;
  for (const d of generateDevices(reference, { count: options.rows, seed: options.seed, asOf: options.asOf })) {
    i++;
    const model = modelBy.get(d.model_id)!;
    const maker = manufacturerBy.get(model.manufacturerId)!;
    // Exports spell manufacturers every which way: canonical, upper case, or a former name kept as an alias.
    const manufacturer = i % 7 === 0 && maker.alias ? maker.alias : i % 5 === 0 ? maker.name.toUpperCase() : maker.name;
    const status = d.status === 'retired' ? 'OOS - repair' : d.status === 'out_of_service' ? `OOS - ${d.out_of_service_reason!.replace('_', ' ')}` : STATUS_WORDS[d.status]!;
    const cells = [
      d.asset_tag, d.serial_number, manufacturer, model.def.modelNumber, model.type.name, facilityCode.get(d.facility_id)!,
      buildings.get(d.building_id) ?? '', departments.get(d.department_id) ?? '', d.room_id ? rooms.get(d.room_id) ?? '' : '',
      OWNERSHIP_WORDS[d.ownership]!, i % 2 === 0 ? usDate(d.acquisition_date) : d.acquisition_date, `$${Number(d.acquisition_cost).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      d.purchase_order, vendors.get(d.vendor_id) ?? '', d.warranty_end, status, d.hostname ?? '', d.ip_address ?? '', d.mac_address ?? '',
      d.operating_system ?? '', d.software_version ?? '', d.stores_patient_data ? 'Y' : 'N', d.udi ?? '', d.notes ?? '',
    ];
    if (!out.write(cells.map(quote).join(',') + '\r\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await fs.stat(file)).size;
}
