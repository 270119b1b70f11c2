import type { Role } from '@openhtm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { errorPaths, expectProblem, expectUnchanged, walkPages } from '../../helpers/http.ts';
import { clientsOf, insertDevice, scopedClient, type Client } from './helpers.ts';

let t: TestApp;
let tenant: TenantFixture;
let as: Record<Role, Client>;
let facilityA: string;
let facilityB: string;
/** Site ids by name: the main hospital's, and one building of the clinic. */
const id: Record<string, string> = {};

const create = async (client: Client, url: string, body: object) => {
  const response = await client.post(url, body);
  expect(response.statusCode, response.body).toBe(201);
  expect(response.headers.etag).toBe('"v1"');
  return response.json();
};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'sites');
  as = await clientsOf(t, tenant);
  facilityA = tenant.facilities[0]!.id;
  facilityB = tenant.facilities[1]!.id;
});
afterAll(() => t.close());

describe('the site hierarchy', () => {
  it('is built facility → building → floor → department → room', async () => {
    const main = await create(as.htm_manager, '/api/v1/buildings', { facilityId: facilityA, name: 'Main tower' });
    expect(main).toMatchObject({ facilityId: facilityA, name: 'Main tower', version: 1 });
    id.main = main.id;
    id.annex = (await create(as.htm_manager, '/api/v1/buildings', { facilityId: facilityA, name: 'Annex' })).id;
    id.clinic = (await create(as.htm_manager, '/api/v1/buildings', { facilityId: facilityB, name: 'Clinic building' })).id;
    id.clinicFloor = (await create(as.htm_manager, '/api/v1/floors', { buildingId: id.clinic, name: 'Ground' })).id;
    const third = await create(as.htm_manager, '/api/v1/floors', { buildingId: id.main, name: '3' });
    expect(third).toMatchObject({ buildingId: id.main, facilityId: facilityA });
    id.third = third.id;
    id.fourth = (await create(as.htm_manager, '/api/v1/floors', { buildingId: id.main, name: '4' })).id;
    const icu = await create(as.htm_manager, '/api/v1/departments', { facilityId: facilityA, floorId: id.third, name: 'ICU', costCenter: 'CC-4100' });
    expect(icu).toMatchObject({ facilityId: facilityA, floorId: id.third, costCenter: 'CC-4100' });
    id.icu = icu.id;
    id.or = (await create(as.htm_manager, '/api/v1/departments', { facilityId: facilityA, name: 'Operating rooms' })).id;
    const room = await create(as.htm_manager, '/api/v1/rooms', { floorId: id.third, departmentId: id.icu, name: '312' });
    expect(room).toMatchObject({ floorId: id.third, buildingId: id.main, facilityId: facilityA, departmentId: id.icu, name: '312' });
    id.room312 = room.id;
    id.room313 = (await create(as.htm_manager, '/api/v1/rooms', { floorId: id.third, name: '313' })).id;
  });

  it('is given whole for a facility, for location pickers, with the version of every node', async () => {
    const tree = (await as.clinician.get(`/api/v1/facilities/${facilityA}/tree`)).json();
    expect(tree).toEqual({
      facility: { id: facilityA, code: tenant.facilities[0]!.code, name: expect.any(String), version: 1 },
      buildings: [
        { id: id.annex, name: 'Annex', version: 1, floors: [] },
        {
          id: id.main,
          name: 'Main tower',
          version: 1,
          floors: [
            {
              id: id.third,
              name: '3',
              version: 1,
              rooms: [
                { id: id.room312, name: '312', departmentId: id.icu, version: 1 },
                { id: id.room313, name: '313', departmentId: null, version: 1 },
              ],
            },
            { id: id.fourth, name: '4', version: 1, rooms: [] },
          ],
        },
      ],
      departments: [
        { id: id.icu, name: 'ICU', costCenter: 'CC-4100', floorId: id.third, version: 1 },
        { id: id.or, name: 'Operating rooms', costCenter: null, floorId: null, version: 1 },
      ],
    });
    expectProblem(await as.clinician.get('/api/v1/facilities/00000000-0000-4000-8000-000000000000/tree'), 404, 'not_found');
  });

  it('is listed by parent with a cursor', async () => {
    const names = async (url: string) => (await as.auditor.get(url)).json().items.map((s: { name: string }) => s.name);
    expect(await names(`/api/v1/buildings?facilityId=${facilityA}`)).toEqual(['Annex', 'Main tower']);
    expect(await names('/api/v1/buildings')).toEqual(['Annex', 'Clinic building', 'Main tower']);
    expect(await names(`/api/v1/floors?buildingId=${id.main}`)).toEqual(['3', '4']);
    expect(await names(`/api/v1/floors?facilityId=${facilityB}`)).toEqual(['Ground']);
    expect(await names(`/api/v1/departments?facilityId=${facilityA}&floorId=${id.third}`)).toEqual(['ICU']);
    expect(await names('/api/v1/departments?costCenter=CC-4100')).toEqual(['ICU']);
    expect(await names(`/api/v1/rooms?departmentId=${id.icu}`)).toEqual(['312']);
    expect(await names(`/api/v1/rooms?buildingId=${id.main}&q=31`)).toEqual(['312', '313']);
    const all = await walkPages(t.app, as.auditor.headers, '/api/v1/buildings?sort=-name', 500);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/buildings?sort=-name', 1)).toEqual(all);
  });

  it('refuses duplicates, parents of another facility and unknown parents, naming the field', async () => {
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/buildings', { facilityId: facilityA, name: 'Annex' }), 409, 'conflict'))).toEqual(['/body/name']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/floors', { buildingId: id.main, name: '3' }), 409, 'conflict'))).toEqual(['/body/name']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/rooms', { floorId: id.third, name: '312' }), 409, 'conflict'))).toEqual(['/body/name']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/departments', { facilityId: facilityA, name: 'ICU' }), 409, 'conflict'))).toEqual(['/body/name']);
    const wrongFloor = await expectUnchanged(t.db.owner, tenant.id, () => as.htm_manager.post('/api/v1/departments', { facilityId: facilityB, floorId: id.third, name: 'Radiology' }));
    expect(errorPaths(expectProblem(wrongFloor, 400, 'validation'))).toEqual(['/body/floorId']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/rooms', { floorId: id.clinicFloor, departmentId: id.icu, name: 'G1' }), 400, 'validation'))).toEqual(['/body/departmentId']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/buildings', { facilityId: unknown, name: 'X' }), 400, 'validation'))).toEqual(['/body/facilityId']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/floors', { buildingId: unknown, name: 'X' }), 400, 'validation'))).toEqual(['/body/buildingId']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/rooms', { floorId: 'nope', name: '' }), 400, 'validation')).sort()).toEqual(['/body/floorId', '/body/name']);
  });

  it('is managed by managers only', async () => {
    for (const role of ['clinical_engineer', 'technician', 'clinician', 'auditor'] as const) {
      expectProblem(await as[role].post('/api/v1/buildings', { facilityId: facilityA, name: `By ${role}` }), 403, 'forbidden');
    }
    expect((await as.admin.post('/api/v1/buildings', { facilityId: facilityA, name: 'Parking' })).statusCode).toBe(201);
  });

  it('is changed with If-Match: 428 without, 412 when stale', async () => {
    const url = `/api/v1/departments/${id.or}`;
    expectProblem(await as.htm_manager.patch(url, { costCenter: 'CC-5000' }), 428, 'precondition_required');
    const changed = await as.htm_manager.patch(url, { costCenter: 'CC-5000', floorId: id.fourth }, '"v1"');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ costCenter: 'CC-5000', floorId: id.fourth, version: 2 });
    const stale = await expectUnchanged(t.db.owner, tenant.id, () => as.htm_manager.patch(url, { name: 'Surgery' }, '"v1"'));
    expect(expectProblem(stale, 412, 'precondition_failed').currentVersion).toBe(2);
    const renamed = await as.htm_manager.patch(`/api/v1/rooms/${id.room313}`, { name: '313A', departmentId: id.icu }, '"v1"');
    expect(renamed.json()).toMatchObject({ name: '313A', departmentId: id.icu, version: 2 });
    expect((await as.htm_manager.patch(`/api/v1/floors/${id.fourth}`, { name: '4 (East)' }, '"v1"')).json()).toMatchObject({ name: '4 (East)', version: 2 });
    expect((await as.htm_manager.patch(`/api/v1/buildings/${id.annex}`, { name: 'East annex' }, '"v1"')).json()).toMatchObject({ name: 'East annex', version: 2 });
  });

  it('gives in the tree the versions that changes from the tree send as If-Match', async () => {
    type Node = { id: string; name: string; version: number };
    const treeOf = async () => (await as.htm_manager.get(`/api/v1/facilities/${facilityA}/tree`)).json();
    const before = await treeOf();
    const annex: Node = before.buildings.find((b: Node) => b.id === id.annex);
    const fourth: Node = before.buildings.find((b: Node) => b.id === id.main).floors.find((f: Node) => f.id === id.fourth);
    const or: Node = before.departments.find((d: Node) => d.id === id.or);
    // As the previous test left them: each changed once.
    expect([annex.version, fourth.version, or.version]).toEqual([2, 2, 2]);
    const renamed = await as.htm_manager.patch(`/api/v1/buildings/${annex.id}`, { name: 'Annex East' }, `"v${annex.version}"`);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await as.htm_manager.patch(`/api/v1/floors/${fourth.id}`, { name: '4 East' }, `"v${fourth.version}"`)).statusCode).toBe(200);
    expect((await as.htm_manager.patch(`/api/v1/departments/${or.id}`, { costCenter: 'CC-5100' }, `"v${or.version}"`)).statusCode).toBe(200);
    const after = await treeOf();
    expect(after.buildings.find((b: Node) => b.id === id.annex)).toMatchObject({ name: 'Annex East', version: 3 });
    expect(after.departments.find((d: Node) => d.id === id.or)).toMatchObject({ costCenter: 'CC-5100', version: 3 });
    // The version the tree showed before is stale now.
    expectProblem(await as.htm_manager.patch(`/api/v1/buildings/${annex.id}`, { name: 'Annex West' }, `"v${annex.version}"`), 412, 'precondition_failed');
    expect((await as.htm_manager.patch(`/api/v1/buildings/${annex.id}`, { name: 'East annex' }, '"v3"')).statusCode).toBe(200);
    expect((await as.htm_manager.patch(`/api/v1/floors/${fourth.id}`, { name: '4 (East)' }, '"v3"')).statusCode).toBe(200);
  });

  it('keeps a facility-scoped manager to their own facility', async () => {
    const scoped = await scopedClient(t, as.admin, tenant, 'htm_manager');
    const names = async (url: string) => (await scoped.get(url)).json().items.map((s: { name: string }) => s.name);
    expect(await names('/api/v1/buildings')).toEqual(['East annex', 'Main tower', 'Parking']);
    expect(await names('/api/v1/floors')).toEqual(['3', '4 (East)']);
    expect(await names(`/api/v1/buildings?facilityId=${facilityB}`)).toEqual([]);
    expectProblem(await scoped.get(`/api/v1/buildings/${id.clinic}`), 404, 'not_found');
    expectProblem(await scoped.get(`/api/v1/floors/${id.clinicFloor}`), 404, 'not_found');
    expectProblem(await scoped.get(`/api/v1/facilities/${facilityB}/tree`), 404, 'not_found');
    await expectUnchanged(t.db.owner, tenant.id, async () => {
      expectProblem(await scoped.patch(`/api/v1/buildings/${id.clinic}`, { name: 'Mine now' }, '"v1"'), 404, 'not_found');
      expectProblem(await scoped.del(`/api/v1/floors/${id.clinicFloor}`, '"v1"'), 404, 'not_found');
      expectProblem(await scoped.post('/api/v1/buildings', { facilityId: facilityB, name: 'Outpost' }), 403, 'forbidden');
      // Sites of other facilities are invisible to the manager: naming one is naming no building at all.
      expect(errorPaths(expectProblem(await scoped.post('/api/v1/floors', { buildingId: id.clinic, name: '1' }), 400, 'validation'))).toEqual(['/body/buildingId']);
      expectProblem(await scoped.post('/api/v1/departments', { facilityId: facilityB, name: 'Lab' }), 403, 'forbidden');
    });
    expect((await scoped.post('/api/v1/rooms', { floorId: id.fourth, name: '401' })).statusCode).toBe(201);
  });

  it('is deleted only when nothing is in it', async () => {
    expectProblem(await as.htm_manager.del(`/api/v1/buildings/${id.main}`, '"v1"'), 409, 'conflict');
    expectProblem(await as.htm_manager.del(`/api/v1/floors/${id.third}`, '"v1"'), 409, 'conflict');
    const mfr = (await as.clinical_engineer.post('/api/v1/manufacturers', { name: 'Stryker' })).json();
    const model = (await as.clinical_engineer.post('/api/v1/models', { manufacturerId: mfr.id, modelNumber: 'InTouch' })).json();
    const device = await insertDevice(t, tenant.id, { assetTag: 'BED-1', modelId: model.id, facilityId: facilityA });
    await t.db.owner.updateTable('devices').set({ room_id: id.room312, department_id: id.icu }).where('id', '=', device).execute();
    expectProblem(await as.htm_manager.del(`/api/v1/rooms/${id.room312}`, '"v1"'), 409, 'conflict');
    expect((await as.htm_manager.del(`/api/v1/buildings/${id.clinic}`, '"v1"').then((r) => r.statusCode))).toBe(409);
    expect((await as.htm_manager.del(`/api/v1/floors/${id.clinicFloor}`, '"v1"')).statusCode).toBe(204);
    expect((await as.htm_manager.del(`/api/v1/buildings/${id.clinic}`, '"v1"')).statusCode).toBe(204);
    expectProblem(await as.auditor.get(`/api/v1/buildings/${id.clinic}`), 404, 'not_found');
  });
});
