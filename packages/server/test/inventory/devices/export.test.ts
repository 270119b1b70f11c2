import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Trx } from '../../../src/db/tenant-context.ts';
import { expectProblem } from '../../helpers/http.ts';
import { createDevice } from '../../helpers/inventory.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;
const COUNT_A = 2_150;

beforeAll(async () => {
  w = await createDeviceWorld('devexport');
  // More than one export batch (2,000 rows) in facility A, a few in B.
  await sql`
    insert into devices (tenant_id, asset_tag, model_id, manufacturer_id, device_type_id, facility_id, status, search_text)
    select ${w.tenant.id}, 'EXP-A-' || lpad(g::text, 5, '0'), ${w.pumpModel.id}, ${w.bd.id}, ${w.infusionPump.id}, ${w.facilityA}, 'in_service', ''
    from generate_series(1, ${COUNT_A}) g`.execute(w.t.db.owner);
  for (let i = 1; i <= 3; i++) {
    await createDevice(w.t, w.tenant.id, { modelId: w.monitorModel.id, facilityId: w.facilityB, assetTag: `EXP-B-${i}`, serialNumber: `SN,"${i}"`, status: 'retired' });
  }
});
afterAll(() => w.t.close());

describe('device export', () => {
  it('streams the current filter as CSV with a dated file name', async () => {
    const response = await api(w, w.sessions.auditor).get(`/devices/export?format=csv&facilityId=${w.facilityB}&status=retired`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="devices-${new Date().toISOString().slice(0, 10)}.csv"`);
    const rows = parse(response.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Asset tag'])).toEqual(['EXP-B-1', 'EXP-B-2', 'EXP-B-3']);
    expect(rows[0]).toMatchObject({
      'Serial number': 'SN,"1"',
      Manufacturer: 'Philips',
      'Model number': 'MX450',
      'Device type': 'Patient Monitor',
      Facility: 'devexport Clinic',
      Status: 'retired',
    });
  });

  it('exports every matching device across batches, in asset-tag order', async () => {
    const response = await api(w, w.sessions.admin).get(`/devices/export?facilityId=${w.facilityA}`);
    const rows = parse(response.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(COUNT_A);
    const tags = rows.map((r) => r['Asset tag']!);
    expect(tags).toEqual([...tags].sort());
    expect(new Set(tags).size).toBe(COUNT_A);
  });

  it('applies q as the list does', async () => {
    const response = await api(w, w.sessions.admin).get('/devices/export?q=intellivue');
    const rows = parse(response.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Asset tag'])).toEqual(['EXP-B-1', 'EXP-B-2', 'EXP-B-3']);
  });

  it('streams a valid XLSX workbook with the filter applied', async () => {
    const response = await api(w, w.sessions.admin).get(`/devices/export?format=xlsx&facilityId=${w.facilityB}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/filename="devices-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Devices')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Asset tag');
    const tags = [2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value);
    expect(tags).toEqual(['EXP-B-1', 'EXP-B-2', 'EXP-B-3']);
    expect(sheet.actualRowCount).toBe(4);
  });

  it('keeps a scoped user to their facilities and refuses an unknown format', async () => {
    const scoped = await api(w, w.sessions.scopedTechnician).get(`/devices/export?facilityId=${w.facilityB}`);
    expect(parse(scoped.rawPayload, { bom: true, columns: true })).toEqual([]);
    expectProblem(await api(w, w.sessions.admin).get('/devices/export?format=pdf'), 400);
  });

  it('reads its batches from one read-only snapshot: a device added meanwhile is not in it', async () => {
    const count = (trx: Trx) => trx.selectFrom('devices').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const seen = await withTenant(w.t.db.app, { tenantId: w.tenant.id }, async (trx) => {
      const before = await count(trx);
      await sql`
        insert into devices (tenant_id, asset_tag, model_id, manufacturer_id, device_type_id, facility_id, status, search_text)
        values (${w.tenant.id}, 'EXP-LATE', ${w.pumpModel.id}, ${w.bd.id}, ${w.infusionPump.id}, ${w.facilityA}, 'in_service', '')`.execute(w.t.db.owner);
      const after = await count(trx);
      const write = await trx.updateTable('devices').set({ notes: 'x' }).where('asset_tag', '=', 'EXP-LATE').execute().then(() => 'written', (e: Error) => e.message);
      return { before: before.n, after: after.n, write };
    }, { snapshot: true });
    expect(seen.after).toBe(seen.before);
    expect(seen.write).toMatch(/read-only transaction/);
    await sql`delete from devices where asset_tag = 'EXP-LATE'`.execute(w.t.db.owner);
  });
});
