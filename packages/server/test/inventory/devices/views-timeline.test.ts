import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../helpers/http.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;

beforeAll(async () => {
  w = await createDeviceWorld('devviews');
});
afterAll(() => w.t.close());

describe('saved views', () => {
  it('saves list filters for their owner, shares them on request, and lets only the owner change them', async () => {
    const tech = api(w, w.sessions.technician);
    const query = { facilityId: [w.facilityA], status: ['out_of_service'], highRisk: true, sort: '-updatedAt' };
    const created = await tech.post('/saved-views', { resource: 'devices', name: 'ICU down', query });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ name: 'ICU down', query, shared: false, mine: true, owner: { id: w.tenant.users.technician.id }, version: 1 });

    const engineer = api(w, w.sessions.engineer);
    expect((await engineer.get('/saved-views')).json().items).toEqual([]);
    expectProblem(await engineer.get(`/saved-views/${view.id}`), 404);

    const shared = await tech.patch(`/saved-views/${view.id}`, { shared: true }, { 'if-match': created.headers.etag as string });
    expect(shared.json()).toMatchObject({ shared: true, version: 2 });
    const seen = (await engineer.get('/saved-views?resource=devices')).json().items;
    expect(seen).toEqual([expect.objectContaining({ id: view.id, mine: false })]);
    expectProblem(await engineer.patch(`/saved-views/${view.id}`, { name: 'mine now' }, { 'if-match': '"v2"' }), 403);
    expectProblem(await engineer.delete(`/saved-views/${view.id}`), 403);
    expectProblem(await tech.patch(`/saved-views/${view.id}`, { name: 'stale' }, { 'if-match': '"v1"' }), 412);

    const listed = await tech.get(`/devices?${new URLSearchParams([['facilityId', w.facilityA], ['status', 'out_of_service'], ['highRisk', 'true'], ['sort', '-updatedAt']])}`);
    expect(listed.statusCode).toBe(200);
    expect((await tech.delete(`/saved-views/${view.id}`)).statusCode).toBe(204);
    expect((await engineer.get('/saved-views')).json().items).toEqual([]);
  });

  it('refuses a duplicate name (409), a query the list does not take (400), and roles without view.manage', async () => {
    const tech = api(w, w.sessions.technician);
    expect((await tech.post('/saved-views', { resource: 'devices', name: 'Pumps', query: { deviceTypeId: [w.infusionPump.id] } })).statusCode).toBe(201);
    const duplicate = await tech.post('/saved-views', { resource: 'devices', name: 'Pumps', query: {} });
    expect(errorPaths(expectProblem(duplicate, 409))).toEqual(['/body/name']);
    const bad = await tech.post('/saved-views', { resource: 'devices', name: 'Odd', query: { colour: 'red' } });
    expect(errorPaths(expectProblem(bad, 400))).toEqual(['/body/query/colour']);
    expectProblem(await api(w, w.sessions.auditor).post('/saved-views', { resource: 'devices', name: 'Audit', query: {} }), 403);
  });
});

describe('device timeline', () => {
  it('merges lifecycle events, audit records and attachments newest first, and pages without gaps or repeats', async () => {
    const admin = api(w, w.sessions.admin);
    const created = await admin.post('/devices', { assetTag: 'TL-0001', modelId: w.pumpModel.id, facilityId: w.facilityA, status: 'in_service' });
    const id = created.json().id as string;
    let etag = created.headers.etag as string;
    for (let i = 1; i <= 3; i++) {
      const edited = await admin.patch(`/devices/${id}`, { notes: `note ${i}` }, { 'if-match': etag });
      etag = edited.headers.etag as string;
    }
    await admin.post(`/devices/${id}/transitions`, { to: 'out_of_service', outOfServiceReason: 'repair', reason: 'alarm fault' });
    await admin.post(`/devices/${id}/transitions`, { to: 'in_service' });

    const all = (await admin.get(`/devices/${id}/timeline?limit=100`)).json();
    const sources = all.items.map((i: { source: string; kind: string }) => `${i.source}:${i.kind}`);
    expect(sources).toEqual(expect.arrayContaining(['event:created', 'event:status_change', 'audit:create', 'audit:update']));
    expect(all.items.filter((i: { source: string }) => i.source === 'audit')).toHaveLength(1 + 3 + 2);
    const times = all.items.map((i: { occurredAt: string }) => i.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.items[0]).toMatchObject({ source: 'event', kind: 'status_change', summary: 'Status out_of_service → in_service', actor: w.tenant.users.admin.email });
    expect(all.items.find((i: { kind: string; details: { changes?: object } }) => i.kind === 'update' && i.details.changes && 'notes' in i.details.changes)).toBeDefined();

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await admin.get(`/devices/${id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      paged.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((i: { id: string }) => i.id));
  });

  it('refuses a forged cursor', async () => {
    const admin = api(w, w.sessions.admin);
    const id = (await admin.post('/devices', { assetTag: 'TL-0002', modelId: w.pumpModel.id, facilityId: w.facilityA })).json().id;
    expect(errorPaths(expectProblem(await admin.get(`/devices/${id}/timeline?cursor=xyz`), 400))).toEqual(['/querystring/cursor']);
  });
});
