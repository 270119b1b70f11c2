import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { errorPaths, expectProblem } from '../../helpers/http.ts';
import { createDevice, type DeviceInput } from '../../helpers/inventory.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;
let facilityC: string;
const today = new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const ZERO_STATUSES = {
  requested: 0,
  under_evaluation: 0,
  approved: 0,
  rejected: 0,
  ordered: 0,
  received: 0,
  in_service: 0,
  out_of_service: 0,
  retired: 0,
  disposed: 0,
};
const ZERO_OWNERSHIPS = { owned: 0, leased: 0, rented: 0, vendor_maintained: 0, physician_owned: 0, loaner: 0 };

/** Sets columns the device factory does not take. */
async function setDevice(assetTag: string, changes: Record<string, unknown>): Promise<void> {
  const sets = sql.join(Object.entries(changes).map(([column, value]) => sql`${sql.ref(column)} = ${value}`));
  const updated = await withTenant(w.t.db.app, { tenantId: w.tenant.id, actor: 'test' }, (trx) => sql`update devices set ${sets} where asset_tag = ${assetTag}`.execute(trx));
  expect(updated.numAffectedRows).toBe(1n);
}

beforeAll(async () => {
  w = await createDeviceWorld('devsum');
  const tenant = w.tenant.id;
  facilityC = (
    await withTenant(w.t.db.app, { tenantId: tenant, actor: 'test' }, (trx) =>
      trx.insertInto('facilities').values({ tenant_id: tenant, code: 'DEVSUM-C', name: 'devsum Outpatient' }).returning('id').executeTakeFirstOrThrow(),
    )
  ).id;
  const devices: DeviceInput[] = [
    // Facility A: 13 devices.
    ...[1, 2, 3, 4, 5, 6, 7].map((i) => ({
      modelId: w.pumpModel.id,
      facilityId: w.facilityA,
      assetTag: `PUMP-A-${i}`,
      status: i <= 5 ? ('in_service' as const) : ('out_of_service' as const),
      ownership: i === 1 ? ('leased' as const) : ('owned' as const),
      highRisk: true,
    })),
    ...[1, 2, 3].map((i) => ({ modelId: w.monitorModel.id, facilityId: w.facilityA, assetTag: `MON-A-${i}`, hostname: i <= 2 ? `icu-mon-${i}` : null })),
    { modelId: w.ctModel.id, facilityId: w.facilityA, assetTag: 'CT-A-1' },
    { modelId: w.ctModel.id, facilityId: w.facilityA, assetTag: 'CT-A-2', status: 'retired' },
    { modelId: w.ctModel.id, facilityId: w.facilityA, assetTag: 'CT-A-3' },
    // Facility B: 4 devices.
    { modelId: w.pumpModel.id, facilityId: w.facilityB, assetTag: 'PUMP-B-1', status: 'requested' },
    { modelId: w.pumpModel.id, facilityId: w.facilityB, assetTag: 'PUMP-B-2', status: 'requested' },
    { modelId: w.pumpModel.id, facilityId: w.facilityB, assetTag: 'PUMP-B-3', ownership: 'physician_owned' },
    { modelId: w.pumpModel.id, facilityId: w.facilityB, assetTag: 'PUMP-B-4', status: 'disposed' },
  ];
  for (const device of devices) await createDevice(w.t, tenant, device);
  await setDevice('MON-A-1', { warranty_end: daysFromToday(365) });
  await setDevice('MON-A-2', { warranty_end: today });
  await setDevice('MON-A-3', { warranty_end: '2020-01-01' });
  await setDevice('PUMP-A-1', { maintenance_strategy: 'aem', strategy_decided_by: 'test', strategy_decided_at: new Date() });
  await setDevice('PUMP-A-2', { maintenance_strategy: 'manufacturer', strategy_decided_by: 'test', strategy_decided_at: new Date() });
  await setDevice('PUMP-A-3', { maintenance_strategy: 'manufacturer', strategy_decided_by: 'test', strategy_decided_at: new Date() });
});
afterAll(() => w.t.close());

describe('GET /devices/summary', () => {
  it('counts every figure of the inventory, and lists every facility with its devices (none included)', async () => {
    const response = await api(w, w.sessions.admin).get('/devices/summary');
    expect(response.statusCode, response.body).toBe(200);
    const { countedAt, ...counts } = response.json();
    expect(Date.now() - Date.parse(countedAt)).toBeLessThan(60_000);
    expect(counts).toEqual({
      asOf: today,
      total: 17,
      byStatus: { ...ZERO_STATUSES, requested: 2, in_service: 11, out_of_service: 2, retired: 1, disposed: 1 },
      highRisk: 7,
      byStrategy: { manufacturer: 2, aem: 1, notDecided: 14 },
      byOwnership: { ...ZERO_OWNERSHIPS, owned: 15, leased: 1, physician_owned: 1 },
      connected: 2,
      underWarranty: 2,
      byFacility: [
        { id: w.facilityB, code: 'DEVSUM-B', name: 'devsum Clinic', count: 4 },
        { id: w.facilityA, code: 'DEVSUM-A', name: 'devsum General', count: 13 },
        { id: facilityC, code: 'DEVSUM-C', name: 'devsum Outpatient', count: 0 },
      ],
    });
  });

  it('narrows to the facilities facilityId names, as the list does', async () => {
    const summary = (await api(w, w.sessions.engineer).get(`/devices/summary?facilityId=${w.facilityB}&facilityId=${facilityC}`)).json();
    expect(summary).toMatchObject({
      total: 4,
      byStatus: { ...ZERO_STATUSES, requested: 2, in_service: 1, disposed: 1 },
      highRisk: 0,
      byOwnership: { ...ZERO_OWNERSHIPS, owned: 3, physician_owned: 1 },
      byStrategy: { manufacturer: 0, aem: 0, notDecided: 4 },
      byFacility: [
        { id: w.facilityB, code: 'DEVSUM-B', name: 'devsum Clinic', count: 4 },
        { id: facilityC, code: 'DEVSUM-C', name: 'devsum Outpatient', count: 0 },
      ],
    });
    const list = (await api(w, w.sessions.engineer).get(`/devices?limit=100&facilityId=${w.facilityB}&facilityId=${facilityC}`)).json();
    expect(list.items).toHaveLength(summary.total);
  });

  it("shows a technician scoped to facility A that facility's devices only, whatever facilityId asks for", async () => {
    const scoped = api(w, w.sessions.scopedTechnician);
    const summary = (await scoped.get('/devices/summary')).json();
    expect(summary).toMatchObject({
      total: 13,
      byStatus: { ...ZERO_STATUSES, in_service: 10, out_of_service: 2, retired: 1 },
      highRisk: 7,
      byOwnership: { ...ZERO_OWNERSHIPS, owned: 12, leased: 1 },
      connected: 2,
      underWarranty: 2,
      byFacility: [{ id: w.facilityA, code: 'DEVSUM-A', name: 'devsum General', count: 13 }],
    });
    const elsewhere = (await scoped.get(`/devices/summary?facilityId=${w.facilityB}`)).json();
    expect(elsewhere).toMatchObject({ total: 0, byStatus: ZERO_STATUSES, byFacility: [] });
  });

  it('answers the auditor (read only) the same as the administrator', async () => {
    const auditor = await api(w, w.sessions.auditor).get('/devices/summary');
    expect(auditor.statusCode).toBe(200);
    const withoutTime = ({ countedAt: _countedAt, ...counts }: Record<string, unknown>) => counts;
    expect(withoutTime(auditor.json())).toEqual(withoutTime((await api(w, w.sessions.admin).get('/devices/summary')).json()));
  });

  it('refuses a caller who is not signed in, and names a malformed facilityId', async () => {
    expectProblem(await w.t.app.inject({ method: 'GET', url: '/api/v1/devices/summary' }), 401, 'unauthenticated');
    const bad = await api(w, w.sessions.admin).get('/devices/summary?facilityId=not-a-uuid');
    expect(errorPaths(expectProblem(bad, 400, 'validation'))).toEqual(['/querystring/facilityId/0']);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/v1/devices/summary'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['facilityId']);
    expect(JSON.stringify(operation.responses['200'])).toContain('underWarranty');
  });
});
