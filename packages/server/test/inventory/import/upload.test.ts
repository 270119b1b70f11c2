import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../helpers/app.ts';
import { countRows, expectProblem } from '../../helpers/http.ts';
import { createImportWorld, goodRow, HEADERS, toCsv, upload, uploadOk, type ImportWorld, removeImportFiles } from './fixture.ts';

let t: TestApp;
let world: ImportWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createImportWorld(t, 'upload');
});
afterAll(async () => {
  await removeImportFiles(t, world.tenant.id);
  await t.close();
});

/** A 1×1 PNG image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('uploading a device file', () => {
  it('reads UTF-8 CSV, proposes a mapping from common headers and stores the file under the data directory', async () => {
    const content = toCsv(HEADERS, [goodRow(world, 1), goodRow(world, 2)]);
    const response = await upload(t, world.admin, 'inventory.csv', content);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"v1"');
    const body = response.json();
    expect(body).toMatchObject({ fileName: 'inventory.csv', format: 'csv', encoding: 'utf-8', status: 'uploaded', headers: HEADERS });
    expect(body.mapping).toMatchObject({ asset_tag: 'Asset #', serial_number: 'S/N', manufacturer: 'Mfr', model_number: 'Model', department: 'Dept', room: 'Room', acquisition_date: 'Acquired', acquisition_cost: 'Cost', status: 'Status', ip_address: 'IP', mac_address: 'MAC', udi: 'UDI', facility: 'Facility' });
    expect(body.unmappedHeaders).toEqual([]);
    expect(body.sampleRows).toEqual([
      { line: 2, cells: goodRow(world, 1) },
      { line: 3, cells: goodRow(world, 2) },
    ]);
    expect(body.fields.map((f: { field: string }) => f.field)).toContain('asset_tag');
    const stored = path.join(t.config.dataDir, 'imports', world.tenant.id, body.id);
    expect(await fs.readFile(stored, 'utf8')).toBe(content);
  });

  it('detects a BOM and reads windows-1252 text (é, ü) when the file is not UTF-8', async () => {
    const bom = await upload(t, world.admin, 'bom.csv', `\uFEFF${toCsv(HEADERS, [goodRow(world, 3)])}`);
    expect(bom.json()).toMatchObject({ encoding: 'utf-8-bom', headers: HEADERS });

    const latin = toCsv(['Asset #', 'Mfr', 'Model', 'Facility', 'Notes'], [['CP-1', 'Drägerwerk', 'V500', world.facilityCode, 'Réanimation Süd']]);
    const bytes = Buffer.from(latin, 'latin1');
    expect(bytes.includes(0xe9)).toBe(true);
    const response = await upload(t, world.admin, 'excel-export.csv', bytes);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ encoding: 'windows-1252', sampleRows: [{ line: 2, cells: ['CP-1', 'Drägerwerk', 'V500', world.facilityCode, 'Réanimation Süd'] }] });
  });

  it('reads the first worksheet of an XLSX workbook, with dates, numbers and rich text as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Equipment');
    sheet.addRow(['Equipment ID', 'Serial No.', 'Manufacturer Name', 'Model #', 'Site', 'Purchase Date', 'Purchase Price']);
    sheet.addRow(['X-1', 778899, { richText: [{ text: 'Phil' }, { text: 'ips' }] }, 'MX450', world.facilityCode, new Date(Date.UTC(2021, 1, 3)), 1500.5]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(t, world.admin, 'equipment.xlsx', buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      format: 'xlsx',
      encoding: null,
      mapping: { asset_tag: 'Equipment ID', serial_number: 'Serial No.', manufacturer: 'Manufacturer Name', model_number: 'Model #', facility: 'Site', acquisition_date: 'Purchase Date', acquisition_cost: 'Purchase Price' },
      sampleRows: [{ line: 2, cells: ['X-1', '778899', 'Philips', 'MX450', world.facilityCode, '2021-02-03', '1500.5'] }],
    });
  });

  it('names blank and repeated headers so that every column can be mapped, and leaves unknown ones unmapped', async () => {
    const response = await upload(t, world.admin, 'odd.csv', 'Asset #,Notes,,Notes,Colour\nA-1,x,y,z,red\n');
    expect(response.json()).toMatchObject({ headers: ['Asset #', 'Notes', 'Column 3', 'Notes (2)', 'Colour'], unmappedHeaders: ['Column 3', 'Notes (2)', 'Colour'] });
  });

  it('refuses binary data, other formats, empty files and files without a header row, and keeps nothing', async () => {
    const before = await countRows(t.db.owner, 'device_imports', world.tenant.id);
    const png = expectProblem(await upload(t, world.admin, 'photo.csv', PNG, 'text/csv'), 415, 'unsupported_media_type');
    expect(png.detail).toMatch(/image\/png/);
    const noise = expectProblem(await upload(t, world.admin, 'noise.csv', randomBytes(4096)), 415, 'unsupported_media_type');
    expect(noise.detail).toMatch(/binary data/);
    expect(expectProblem(await upload(t, world.admin, 'empty.csv', ''), 400, 'validation').detail).toMatch(/empty/);
    expect(expectProblem(await upload(t, world.admin, 'blank.csv', '\r\n\r\n,,\r\n'), 400, 'validation').detail).toMatch(/no header row/);
    const headless = expectProblem(await upload(t, world.admin, 'data.csv', 'A-1,SN1,Philips,MX450,2020-01-01\nA-2,SN2,Philips,MX450,2020-01-02\n'), 400, 'validation');
    expect(headless.detail).toMatch(/no header row.*reads as data/);
    expect(expectProblem(await upload(t, world.admin, 'header.csv', 'Asset #,S/N\n'), 400, 'validation').detail).toMatch(/no rows/);
    const quotes = expectProblem(await upload(t, world.admin, 'quotes.csv', 'Asset #,S/N\n"A-1,SN1\n'), 400, 'validation');
    expect(quotes.detail).toMatch(/not a readable CSV file: line 2/i);
    const json = expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/device-imports', headers: world.admin.headers, payload: { file: 'x' } }),
      415,
      'unsupported_media_type',
    );
    expect(json.detail).toMatch(/multipart/);
    expect(await countRows(t.db.owner, 'device_imports', world.tenant.id)).toBe(before);
    const files = await fs.readdir(path.join(t.config.dataDir, 'imports', world.tenant.id));
    expect(files).toHaveLength(before);
  });

  it('lets only roles with device.import upload', async () => {
    const technician = await login(t, world.tenant.users.technician.email);
    expectProblem(await upload(t, technician, 'inventory.csv', toCsv(HEADERS, [goodRow(world, 9)])), 403, 'forbidden');
  });
});

describe('the mapping step and the import history', () => {
  it('changes the mapping with If-Match and refuses columns the file does not have', async () => {
    const id = await uploadOk(t, world.admin, 'map.csv', 'Tag Number,Maker,Type Code,Where\nT-1,Philips,MX450,UPLOAD-A\n');
    const current = await t.app.inject({ method: 'GET', url: `/api/v1/device-imports/${id}`, headers: world.admin.headers });
    expect(current.json()).toMatchObject({ mapping: { asset_tag: 'Tag Number' }, unmappedHeaders: ['Maker', 'Type Code', 'Where'] });
    const url = `/api/v1/device-imports/${id}/mapping`;
    const mapping = { asset_tag: 'Tag Number', manufacturer: 'Maker', model_number: 'Type Code', facility: 'Where' };
    expectProblem(await t.app.inject({ method: 'PUT', url, headers: world.admin.headers, payload: { mapping } }), 428, 'precondition_required');
    const bad = expectProblem(
      await t.app.inject({ method: 'PUT', url, headers: { ...world.admin.headers, 'if-match': '"v1"' }, payload: { mapping: { ...mapping, serial_number: 'Serial' } } }),
      400,
      'validation',
    );
    expect(bad.errors).toEqual([{ path: '/body/mapping/serial_number', message: 'the file has no column "Serial"' }]);
    const ok = await t.app.inject({ method: 'PUT', url, headers: { ...world.admin.headers, 'if-match': '"v1"' }, payload: { mapping } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ mapping, unmappedHeaders: [], version: 2 });
    expectProblem(await t.app.inject({ method: 'PUT', url, headers: { ...world.admin.headers, 'if-match': '"v1"' }, payload: { mapping } }), 412, 'precondition_failed');
  });

  it('lists imports newest first', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/device-imports?limit=2', headers: world.admin.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items).toHaveLength(2);
    expect(body.items[0].fileName).toBe('map.csv');
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('names the uploader beside the id, in the history and on every answer about one import', async () => {
    const admin = world.tenant.users.admin;
    const uploader = { createdBy: admin.id, createdByName: 'admin of upload' };
    const manager = await login(t, world.tenant.users.htm_manager.email);
    const uploaded = await upload(t, manager, 'by-manager.csv', toCsv(HEADERS, [goodRow(world, 20)]));
    expect(uploaded.json()).toMatchObject({ createdBy: world.tenant.users.htm_manager.id, createdByName: 'htm_manager of upload' });
    const history = (await t.app.inject({ method: 'GET', url: '/api/v1/device-imports?limit=500', headers: world.admin.headers })).json().items;
    expect(history[0]).toMatchObject({ fileName: 'by-manager.csv', createdByName: 'htm_manager of upload' });
    expect(history.find((i: { fileName: string }) => i.fileName === 'map.csv')).toMatchObject(uploader);
    const id = await uploadOk(t, world.admin, 'named.csv', toCsv(HEADERS, [goodRow(world, 21)]));
    const url = `/api/v1/device-imports/${id}`;
    expect((await t.app.inject({ method: 'GET', url, headers: world.admin.headers })).json()).toMatchObject(uploader);
    const mapping = await t.app.inject({ method: 'PUT', url: `${url}/mapping`, headers: { ...world.admin.headers, 'if-match': '"v1"' }, payload: { mapping: { asset_tag: 'Asset #', facility: 'Facility' } } });
    expect(mapping.statusCode, mapping.body).toBe(200);
    expect(mapping.json()).toMatchObject(uploader);
    // Another user reading the import sees the uploader's name, not their own.
    expect((await t.app.inject({ method: 'GET', url, headers: manager.headers })).json()).toMatchObject(uploader);
  });
});
