import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { createUser } from '../../../src/modules/users/service.ts';
import { createTestApp, login, PASSWORD, type TestApp } from '../../helpers/app.ts';
import { countRows, expectProblem } from '../../helpers/http.ts';
import { createDevice } from '../../helpers/inventory.ts';
import { check, commit, createImportWorld, goodRow, HEADERS, toCsv, uploadOk, type ImportWorld, removeImportFiles } from './fixture.ts';

let t: TestApp;
let world: ImportWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createImportWorld(t, 'imports');
});
afterAll(async () => {
  await removeImportFiles(t, world.tenant.id);
  await t.close();
});

interface Problem {
  line: number;
  column: string | null;
  field: string | null;
  code: string;
  severity: string;
  message: string;
  suggestions?: { name: string }[];
}

const brief = (p: Problem) => [p.line, p.column, p.code];
const deviceCount = () => countRows(t.db.owner, 'devices', world.tenant.id);
const devicesByTag = async (prefix: string) =>
  (await sql<{ asset_tag: string; version: number; id: string }>`select asset_tag, version, id from devices where tenant_id = ${world.tenant.id} and asset_tag like ${prefix + '%'} order by asset_tag`.execute(t.db.owner)).rows;

describe('the dry run', () => {
  it('reports every problem by line and column, with a suggestion for an unknown manufacturer, and writes nothing', async () => {
    const rows = [
      goodRow(world, 1),
      goodRow(world, 2, { Mfr: 'Phillips' }),
      goodRow(world, 3, { 'Asset #': 'BM-000001' }),
      goodRow(world, 4, { Acquired: '2023-02-30' }),
      goodRow(world, 5, { UDI: '(01)00844588003289(17)141120(10)7654321D' }),
      goodRow(world, 6, { Dept: 'Cardiology', Room: '' }),
      goodRow(world, 7, { IP: '10.0.0.300', MAC: '00:11:22:33:44' }),
      goodRow(world, 8, { Status: 'Disposed' }),
      goodRow(world, 9, { Model: 'MX999' }),
      goodRow(world, 10, { Mfr: 'General Electric (GE)', Model: 'B650', UDI: '(01)00844588003288(17)141120(10)7654321D' }),
    ];
    const id = await uploadOk(t, world.admin, 'messy.csv', toCsv(HEADERS, rows));
    const response = await check(t, world.admin, id);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const errors = (body.problems.items as Problem[]).filter((p) => p.severity === 'error');
    expect(errors.map(brief)).toEqual([
      [3, 'Mfr', 'unknown_manufacturer'],
      [4, 'Asset #', 'duplicate_asset_tag'],
      [5, 'Acquired', 'invalid_date'],
      [6, 'UDI', 'bad_udi'],
      [7, 'Dept', 'unknown_department'],
      [8, 'IP', 'invalid_ip_address'],
      [8, 'MAC', 'invalid_mac_address'],
      [9, 'Status', 'status_not_importable'],
    ]);
    const manufacturer = errors[0]!;
    expect(manufacturer.message).toMatch(/"Phillips" is not known; did you mean Philips\?/);
    expect(manufacturer.suggestions?.[0]?.name).toBe('Philips');
    expect(errors[1]!.message).toMatch(/also on line 2/);
    const warnings = (body.problems.items as Problem[]).filter((p) => p.severity === 'warning');
    expect(warnings.map(brief)).toEqual([[10, 'Model', 'unknown_model']]);
    expect(body).toMatchObject({ status: 'checked', rowCount: 10, problemCount: 9 });
    expect(body.summary).toMatchObject({ rows: 10, rowsWithErrors: 7, create: 3, update: 0, newModels: 1, modelsToCreate: [{ manufacturer: 'Philips', modelNumber: 'MX999', firstLine: 10 }] });
    expect(await deviceCount()).toBe(0);
    expect(await countRows(t.db.owner, 'models', world.tenant.id)).toBe(3);

    const page = await t.app.inject({ method: 'GET', url: `/api/v1/device-imports/${id}?limit=4&severity=error`, headers: world.admin.headers });
    const first = page.json().problems;
    expect(first.items.map(brief)).toEqual(errors.slice(0, 4).map(brief));
    const next = await t.app.inject({ method: 'GET', url: `/api/v1/device-imports/${id}?limit=4&severity=error&cursor=${first.nextCursor}`, headers: world.admin.headers });
    expect(next.json().problems.items.map(brief)).toEqual(errors.slice(4).map(brief));
    expect(body).toMatchObject({ createdBy: world.tenant.users.admin.id, createdByName: 'admin of imports' });
  });

  it('pages through the problems of one kind (code), alone or with a severity', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => goodRow(world, 300 + i, i % 2 === 0 ? { Mfr: `Unknown Maker ${i}` } : { Acquired: '2023-02-30' }));
    rows.push(goodRow(world, 320, { Model: 'MX998' }));
    const id = await uploadOk(t, world.admin, 'kinds.csv', toCsv(HEADERS, rows));
    expect((await check(t, world.admin, id)).statusCode).toBe(200);
    const problems = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/device-imports/${id}?${query}`, headers: world.admin.headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().problems as { items: Problem[]; nextCursor: string | null };
    };
    const manufacturers = await problems('code=unknown_manufacturer&limit=500');
    expect(manufacturers.items.map(brief)).toEqual([2, 4, 6, 8, 10, 12].map((line) => [line, 'Mfr', 'unknown_manufacturer']));
    expect(manufacturers.nextCursor).toBeNull();
    // Page by page, with the cursor, the kind stays the same and no problem is skipped.
    const first = await problems('code=invalid_date&limit=4');
    expect(first.items.map(brief)).toEqual([3, 5, 7, 9].map((line) => [line, 'Acquired', 'invalid_date']));
    const rest = await problems(`code=invalid_date&limit=4&cursor=${first.nextCursor}`);
    expect(rest.items.map(brief)).toEqual([11, 13].map((line) => [line, 'Acquired', 'invalid_date']));
    expect(rest.nextCursor).toBeNull();
    expect((await problems('code=unknown_model&severity=warning')).items.map(brief)).toEqual([[14, 'Model', 'unknown_model']]);
    expect((await problems('code=unknown_model&severity=error')).items).toEqual([]);
    expect((await problems('code=bad_udi')).items).toEqual([]);
    const unknown = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/device-imports/${id}?code=no_such_code`, headers: world.admin.headers }), 400, 'validation');
    expect(unknown.errors).toEqual([expect.objectContaining({ path: '/querystring/code' })]);
  });
});

describe('committing', () => {
  const file = (rows: string[][]) => toCsv(HEADERS, rows);

  it('refuses (422) while rows have errors and writes nothing; with skipRowsWithErrors it writes only the good rows', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => goodRow(world, 100 + i));
    rows[5] = goodRow(world, 105, { Facility: 'Nowhere General' });
    rows[17] = goodRow(world, 117, { Cost: '-5' });
    rows[33] = goodRow(world, 133, { Model: 'NEW-1' });
    rows[34] = goodRow(world, 134, { Model: 'NEW-2', Acquired: 'yesterday' });
    const id = await uploadOk(t, world.admin, 'refused.csv', file(rows));
    expectProblem(await commit(t, world.admin, id, { confirm: false }), 400, 'validation');
    const refused = expectProblem(await commit(t, world.admin, id), 422, 'unprocessable');
    expect(refused.detail).toMatch(/3 row\(s\) have errors; nothing was written/);
    expect((refused.problems as Problem[]).map(brief)).toEqual([
      [7, 'Facility', 'unknown_facility'],
      [19, 'Cost', 'invalid_money'],
      [36, 'Acquired', 'invalid_date'],
    ]);
    expect(await deviceCount()).toBe(0);
    expect(await countRows(t.db.owner, 'models', world.tenant.id)).toBe(3);
    const refusedRow = await t.app.inject({ method: 'GET', url: `/api/v1/device-imports/${id}`, headers: world.admin.headers });
    expect(refusedRow.json()).toMatchObject({ status: 'refused', summary: { rowsWithErrors: 3 } });

    const partial = await commit(t, world.admin, id, { confirm: true, skipRowsWithErrors: true });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ status: 'committed', summary: { written: { created: 37, updated: 0, modelsCreated: 1, skippedRows: 3 } } });
    expect(await deviceCount()).toBe(37);
    const models = await sql<{ model_number: string; source: string }>`select model_number, source from models where tenant_id = ${world.tenant.id} and source = 'import'`.execute(t.db.owner);
    expect(models.rows).toEqual([{ model_number: 'NEW-1', source: 'import' }]);
    expectProblem(await commit(t, world.admin, id), 409, 'conflict');
  });

  it('writes every row with its references resolved, search text and one audit record each', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => goodRow(world, 200 + i, { MAC: i === 0 ? '001A.2B3C.4D5E' : '' }));
    const id = await uploadOk(t, world.admin, 'clean.csv', file(rows));
    const response = await commit(t, world.admin, id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().summary.written).toEqual({ created: 25, updated: 0, modelsCreated: 0, skippedRows: 0 });
    const device = await t.db.owner.selectFrom('devices').selectAll().where('tenant_id', '=', world.tenant.id).where('asset_tag', '=', 'BM-000200').executeTakeFirstOrThrow();
    expect(device).toMatchObject({
      serial_number: 'SN00000200',
      model_id: world.models.mx450.id,
      manufacturer_id: world.philips.id,
      device_type_id: world.monitorType.id,
      facility_id: world.tenant.facilities[0]!.id,
      building_id: world.site.buildingId,
      department_id: world.site.departmentId,
      room_id: world.site.roomId,
      acquisition_date: '2020-06-01',
      acquisition_cost: '12500.00',
      status: 'in_service',
      has_been_in_service: true,
      ownership: 'owned',
      ip_address: '10.20.0.201',
      mac_address: '00:1a:2b:3c:4d:5e',
      version: 1,
    });
    expect(device.search_text).toContain('bm-000200');
    expect(device.search_text).toContain('intellivue mx450');
    const audit = await sql<{ n: number; requests: number }>`
      select count(*)::int as n, count(distinct request_id)::int as requests from audit_events
      where tenant_id = ${world.tenant.id} and entity = 'device' and action = 'create' and entity_id in (select id::text from devices where asset_tag like 'BM-0002%')`.execute(t.db.owner);
    expect(audit.rows[0]).toEqual({ n: 25, requests: 1 });
  });

  it('re-importing updates rather than duplicates: unchanged rows stay, changed ones bump their version and are audited', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => goodRow(world, 200 + i, { MAC: i === 0 ? '001A.2B3C.4D5E' : '' }));
    const again = await commit(t, world.admin, await uploadOk(t, world.admin, 'clean-again.csv', file(rows)));
    expect(again.json().summary).toMatchObject({ create: 0, update: 0, unchanged: 25, written: { created: 0, updated: 0 } });
    expect((await devicesByTag('BM-0002')).every((d) => d.version === 1)).toBe(true);

    rows[3] = goodRow(world, 203, { Cost: '9,900', Status: 'Out of service - repair' });
    rows[4] = goodRow(world, 204, { 'Asset #': 'RETAG-204' });
    const before = await deviceCount();
    const id = await uploadOk(t, world.admin, 'changed.csv', file(rows));
    const checked = (await check(t, world.admin, id)).json();
    expect(checked.summary).toMatchObject({ create: 0, update: 2, unchanged: 23, rowsWithErrors: 0 });
    expect((checked.problems.items as Problem[]).map(brief)).toEqual([
      [5, 'Status', 'status_not_changed'],
      [6, 'Asset #', 'asset_tag_changed'],
    ]);
    const response = await commit(t, world.admin, id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().summary.written).toMatchObject({ created: 0, updated: 2 });
    expect(await deviceCount()).toBe(before);
    const changed = await t.db.owner.selectFrom('devices').select(['acquisition_cost', 'status', 'version', 'id']).where('asset_tag', '=', 'BM-000203').executeTakeFirstOrThrow();
    expect(changed).toMatchObject({ acquisition_cost: '9900.00', status: 'in_service', version: 2 });
    const retagged = await t.db.owner.selectFrom('devices').select(['serial_number', 'version', 'search_text']).where('asset_tag', '=', 'RETAG-204').executeTakeFirstOrThrow();
    expect(retagged).toMatchObject({ serial_number: 'SN00000204', version: 2 });
    expect(retagged.search_text).toContain('retag-204');
    const updates = await t.db.owner
      .selectFrom('audit_events')
      .select(['entity_id', 'changes'])
      .where('tenant_id', '=', world.tenant.id)
      .where('entity', '=', 'device')
      .where('action', '=', 'update')
      .execute();
    expect(updates).toHaveLength(2);
    expect(updates.find((u) => u.entity_id === changed.id)?.changes).toEqual({ acquisition_cost: [12500, 9900] });
  });

  it('keeps a facility-scoped importer to their facilities, for new and for existing devices', async () => {
    const [a, b] = world.tenant.facilities as [{ id: string; code: string }, { id: string; code: string }];
    await withTenant(t.db.app, { tenantId: world.tenant.id, actor: 'test' }, (trx) =>
      createUser(trx, world.tenant.id, { email: 'scoped@imports.test', displayName: 'Scoped', role: 'htm_manager', password: PASSWORD, allFacilities: false, facilityIds: [a.id] }),
    );
    const scoped = await login(t, 'scoped@imports.test');
    await createDevice(t, world.tenant.id, { modelId: world.models.v500.id, facilityId: b.id, assetTag: 'CLINIC-1' });
    const content = toCsv(['Asset #', 'Mfr', 'Model', 'Facility', 'Notes'], [
      ['SCOPE-1', 'Philips', 'MX450', a.code, ''],
      ['SCOPE-2', 'Philips', 'MX450', b.code, ''],
      ['CLINIC-1', '', '', '', 'moved?'],
    ]);
    const response = await check(t, scoped, await uploadOk(t, scoped, 'scoped.csv', content));
    expect((response.json().problems.items as Problem[]).map(brief)).toEqual([
      [3, 'Facility', 'facility_out_of_scope'],
      [4, 'Asset #', 'device_out_of_scope'],
    ]);
  });
});
