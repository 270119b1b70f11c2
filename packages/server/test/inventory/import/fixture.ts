import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Site } from '../../helpers/inventory.ts';
import { createDeviceType, createManufacturer, createModel, createSite, createVendor } from '../../helpers/inventory.ts';
import { createTenantFixture, login, type Session, type TenantFixture, type TestApp } from '../../helpers/app.ts';

/**
 * A tenant whose catalog and sites an inventory export can refer to: Philips (alias "Philips Medical Systems"),
 * GE HealthCare (alias "General Electric (GE)") and Drägerwerk with a few models, two device types, the
 * "Main" building of facility A with department ICU and room ICU-101, and a vendor.
 */
export interface ImportWorld {
  tenant: TenantFixture;
  admin: Session;
  facilityCode: string;
  philips: { id: string; name: string };
  ge: { id: string; name: string };
  draeger: { id: string; name: string };
  monitorType: { id: string; name: string };
  models: Record<'mx450' | 'carescape' | 'v500', { id: string; modelNumber: string }>;
  site: Site;
  vendor: { id: string; name: string };
}

export async function createImportWorld(t: TestApp, slug: string): Promise<ImportWorld> {
  const tenant = await createTenantFixture(t, slug);
  const philips = await createManufacturer(t, tenant.id, { name: 'Philips', aliases: ['Philips Medical Systems', 'Koninklijke Philips N.V.'] });
  const ge = await createManufacturer(t, tenant.id, { name: 'GE HealthCare', aliases: ['General Electric (GE)', 'GE Medical Systems'] });
  const draeger = await createManufacturer(t, tenant.id, { name: 'Drägerwerk', aliases: ['Dräger', 'Draeger Medical'] });
  const monitorType = await createDeviceType(t, tenant.id, { name: 'Patient monitor' });
  const ventilatorType = await createDeviceType(t, tenant.id, { name: 'Ventilator', lifeSupport: true });
  const models = {
    mx450: await createModel(t, tenant.id, { manufacturerId: philips.id, deviceTypeId: monitorType.id, modelNumber: 'MX450', name: 'IntelliVue MX450' }),
    carescape: await createModel(t, tenant.id, { manufacturerId: ge.id, deviceTypeId: monitorType.id, modelNumber: 'B650', name: 'CARESCAPE B650' }),
    v500: await createModel(t, tenant.id, { manufacturerId: draeger.id, deviceTypeId: ventilatorType.id, modelNumber: 'V500', name: 'Evita V500' }),
  };
  const site = await createSite(t, tenant.id, tenant.facilities[0]!.id, { building: 'Main', department: 'ICU', room: 'ICU-101' });
  const vendor = await createVendor(t, tenant.id, 'Acme Biomed Supply');
  const admin = await login(t, tenant.users.admin.email);
  return { tenant, admin, facilityCode: tenant.facilities[0]!.code, philips, ge, draeger, monitorType, models, site, vendor };
}

export const HEADERS = ['Asset #', 'S/N', 'Mfr', 'Model', 'Facility', 'Dept', 'Room', 'Acquired', 'Cost', 'Status', 'IP', 'MAC', 'UDI'];

/** A row every check accepts: a Philips MX450 in the ICU of facility A. */
export function goodRow(world: ImportWorld, i: number, overrides: Partial<Record<string, string>> = {}): string[] {
  const values: Record<string, string> = {
    'Asset #': `BM-${String(i).padStart(6, '0')}`,
    'S/N': `SN${String(i).padStart(8, '0')}`,
    Mfr: i % 2 === 0 ? 'Philips Medical Systems' : 'PHILIPS',
    Model: 'MX450',
    Facility: world.facilityCode,
    Dept: 'ICU',
    Room: 'ICU-101',
    Acquired: i % 3 === 0 ? '3/15/2019' : '2020-06-01',
    Cost: '$12,500.00',
    Status: 'In Service',
    IP: i % 4 === 0 ? `10.20.${Math.floor(i / 250) % 250}.${(i % 250) + 1}` : '',
    MAC: '',
    UDI: '',
    ...overrides,
  };
  return HEADERS.map((header) => values[header] ?? '');
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return [headers, ...rows].map((row) => row.map(quote).join(',')).join(eol) + eol;
}

/** A multipart/form-data body with one file in the field "file", as a browser sends it. */
export function multipartFile(fileName: string, content: Buffer | string, contentType = 'text/csv') {
  const boundary = `----openhtm${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(t: TestApp, session: Session, fileName: string, content: Buffer | string, contentType = 'text/csv') {
  const body = multipartFile(fileName, content, contentType);
  return t.app.inject({ method: 'POST', url: '/api/v1/device-imports', headers: { ...session.headers, 'content-type': body.contentType }, payload: body.payload });
}

export async function check(t: TestApp, session: Session, id: string) {
  return t.app.inject({ method: 'POST', url: `/api/v1/device-imports/${id}/check`, headers: session.headers });
}

export async function commit(t: TestApp, session: Session, id: string, body: Record<string, unknown> = { confirm: true }) {
  return t.app.inject({ method: 'POST', url: `/api/v1/device-imports/${id}/commit`, headers: session.headers, payload: body });
}

/** Uploads a file and returns the import's id, failing the test when the upload is refused. */
export async function uploadOk(t: TestApp, session: Session, fileName: string, content: Buffer | string, contentType = 'text/csv'): Promise<string> {
  const response = await upload(t, session, fileName, content, contentType);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

/** Removes the files a test's imports stored under the data directory. */
export async function removeImportFiles(t: TestApp, tenantId: string): Promise<void> {
  await fs.rm(path.join(t.config.dataDir, 'imports', tenantId), { recursive: true, force: true });
}
