import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../helpers/http.ts';
import { createDevice } from '../../helpers/inventory.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;
const pad = (n: number) => String(n).padStart(3, '0');

interface Item {
  id: string;
  assetTag: string;
  status: string;
  facility: { id: string };
  manufacturer: { name: string };
  deviceType: { name: string } | null;
  searchScore?: number;
}

beforeAll(async () => {
  w = await createDeviceWorld('devlist');
  const tenant = w.tenant.id;
  for (let i = 1; i <= 24; i++) {
    await createDevice(w.t, tenant, {
      modelId: w.pumpModel.id,
      facilityId: w.facilityA,
      assetTag: `PUMP-A-${pad(i)}`,
      serialNumber: `BDSN${pad(i)}X`,
      status: i % 6 === 0 ? 'out_of_service' : 'in_service',
      departmentId: i <= 12 ? w.siteA.departmentId : null,
      ownership: i % 8 === 0 ? 'leased' : 'owned',
      highRisk: true,
    });
  }
  for (let i = 1; i <= 8; i++) {
    await createDevice(w.t, tenant, {
      modelId: w.monitorModel.id,
      facilityId: w.facilityA,
      assetTag: `MON-A-${pad(i)}`,
      hostname: i <= 4 ? `icu-mon-${i}` : null,
      ipAddress: i <= 4 ? `10.1.1.${i}` : null,
    });
  }
  for (let i = 1; i <= 6; i++) await createDevice(w.t, tenant, { modelId: w.pumpModel.id, facilityId: w.facilityB, assetTag: `PUMP-B-${pad(i)}` });
  for (let i = 1; i <= 4; i++) await createDevice(w.t, tenant, { modelId: w.monitorModel.id, facilityId: w.facilityB, assetTag: `MON-B-${pad(i)}`, status: 'retired' });
  await createDevice(w.t, tenant, { modelId: w.ctModel.id, facilityId: w.facilityA, assetTag: 'CT-A-001', serialNumber: 'CT778899' });
});
afterAll(() => w.t.close());

const tags = (response: { json(): { items: Item[] } }) => response.json().items.map((d) => d.assetTag);

describe('device list filters', () => {
  it('filters by facility, status (several), type, manufacturer, model, department, ownership, risk and network', async () => {
    const admin = api(w, w.sessions.admin);
    const q = (query: string) => admin.get(`/devices?limit=100&${query}`);
    expect(tags(await q(`facilityId=${w.facilityB}`)).sort()).toEqual(['MON-B-001', 'MON-B-002', 'MON-B-003', 'MON-B-004', 'PUMP-B-001', 'PUMP-B-002', 'PUMP-B-003', 'PUMP-B-004', 'PUMP-B-005', 'PUMP-B-006']);
    expect(tags(await q('status=out_of_service&status=retired'))).toHaveLength(4 + 4);
    expect(tags(await q(`deviceTypeId=${w.ctScanner.id}`))).toEqual(['CT-A-001']);
    expect(tags(await q(`manufacturerId=${w.philips.id}&facilityId=${w.facilityA}`))).toHaveLength(8 + 1);
    expect(tags(await q(`modelId=${w.pumpModel.id}&facilityId=${w.facilityA}&ownership=leased`))).toEqual(['PUMP-A-008', 'PUMP-A-016', 'PUMP-A-024']);
    expect(tags(await q(`departmentId=${w.siteA.departmentId}`))).toHaveLength(12);
    expect(tags(await q('highRisk=true'))).toHaveLength(24);
    expect(tags(await q('connected=true'))).toEqual(['MON-A-001', 'MON-A-002', 'MON-A-003', 'MON-A-004']);
    expect(tags(await q('strategy=aem'))).toEqual([]);
  });

  it('presents each row with the names of what it refers to', async () => {
    const response = await api(w, w.sessions.auditor).get('/devices?q=CT-A-001');
    expect(response.json().items[0]).toMatchObject({
      assetTag: 'CT-A-001',
      serialNumber: 'CT778899',
      model: { modelNumber: 'Incisive CT' },
      manufacturer: { name: 'Philips' },
      deviceType: { name: 'CT Scanner' },
      facility: { id: w.facilityA, code: 'DEVLIST-A' },
      searchScore: 1,
    });
  });

  it('walks every device once with keyset cursors, in each indexed sort', async () => {
    const admin = api(w, w.sessions.admin);
    for (const sort of ['assetTag', '-assetTag', '-updatedAt', 'status']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await admin.get(`/devices?limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: Item[]; nextCursor: string | null };
        seen.push(...page.items.map((d) => d.assetTag));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(43);
      expect(new Set(seen).size).toBe(43);
      if (sort === 'assetTag') expect(seen).toEqual([...seen].sort());
      if (sort === '-assetTag') expect(seen).toEqual([...seen].sort().reverse());
    }
  });

  it('pages through combined filters (read first, then sorted) in every sort', async () => {
    const admin = api(w, w.sessions.admin);
    const filter = `facilityId=${w.facilityA}&status=in_service&modelId=${w.pumpModel.id}`;
    const expected = tags(await admin.get(`/devices?limit=100&${filter}`)).sort();
    expect(expected).toHaveLength(20);
    for (const sort of ['assetTag', '-updatedAt', 'status']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await admin.get(`/devices?limit=6&sort=${sort}&${filter}${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Item[]; nextCursor: string | null };
        seen.push(...page.items.map((d) => d.assetTag));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(expected);
    }
  });

  it('refuses an unknown sort, a filter value of the wrong kind and a forged cursor, by parameter', async () => {
    const admin = api(w, w.sessions.admin);
    expect(errorPaths(expectProblem(await admin.get('/devices?sort=manufacturerName'), 400))).toEqual(['/querystring/sort']);
    expect(errorPaths(expectProblem(await admin.get('/devices?status=lost'), 400))[0]).toMatch(/^\/querystring\/status/);
    expect(errorPaths(expectProblem(await admin.get('/devices?cursor=bm9wZQ'), 400))).toEqual(['/querystring/cursor']);
  });
});

describe('device search (q)', () => {
  it('puts the exact asset tag first', async () => {
    const items = (await api(w, w.sessions.admin).get('/devices?q=PUMP-A-007')).json().items as Item[];
    expect(items[0]).toMatchObject({ assetTag: 'PUMP-A-007', searchScore: 1 });
  });

  it('finds devices by a fragment of their serial number, closest first', async () => {
    const items = (await api(w, w.sessions.admin).get('/devices?q=bdsn01&limit=100')).json().items as Item[];
    expect(items.map((d) => d.assetTag)).toEqual(expect.arrayContaining(Array.from({ length: 10 }, (_, i) => `PUMP-A-${pad(10 + i)}`)));
    expect(items.every((d) => d.searchScore! > 0 && d.searchScore! < 1)).toBe(true);
    const scores = items.map((d) => d.searchScore!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds a device by its exact serial number, whatever the case', async () => {
    expect(tags(await api(w, w.sessions.admin).get('/devices?q=bdsn013x'))[0]).toBe('PUMP-A-013');
  });

  it('tolerates typos: "infsuion pmp" finds the infusion pumps and nothing else', async () => {
    const response = await api(w, w.sessions.admin).get('/devices?q=infsuion%20pmp&limit=100');
    const items = response.json().items as Item[];
    expect(items).toHaveLength(30);
    expect(items.every((d) => d.deviceType?.name === 'Infusion Pump')).toBe(true);
  });

  it('finds Philips devices when the manufacturer is misspelled "Phillips"', async () => {
    const items = (await api(w, w.sessions.admin).get('/devices?q=Phillips&limit=100')).json().items as Item[];
    expect(items).toHaveLength(13);
    expect(items.every((d) => d.manufacturer.name === 'Philips')).toBe(true);
  });

  it('ranks the closer model first: "intellivue mx450" before other Philips models', async () => {
    const items = (await api(w, w.sessions.admin).get('/devices?q=philips%20mx450&limit=100')).json().items as Item[];
    expect(items.map((d) => d.assetTag)).toEqual(['MON-A-001', 'MON-A-002', 'MON-A-003', 'MON-A-004', 'MON-A-005', 'MON-A-006', 'MON-A-007', 'MON-A-008', 'MON-B-001', 'MON-B-002', 'MON-B-003', 'MON-B-004']);
  });

  it('pages through ranked results with the cursor it hands out', async () => {
    const admin = api(w, w.sessions.admin);
    const first = (await admin.get('/devices?q=infusion%20pump&limit=20')).json();
    expect(first.items).toHaveLength(20);
    const second = (await admin.get(`/devices?q=infusion%20pump&limit=20&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((d: Item) => d.assetTag);
    expect(new Set(all).size).toBe(30);
  });

  it('combines q with filters and with another sort', async () => {
    const admin = api(w, w.sessions.admin);
    expect(tags(await admin.get(`/devices?q=infusion&facilityId=${w.facilityB}&limit=100`))).toHaveLength(6);
    const sorted = tags(await admin.get('/devices?q=monitor&sort=-assetTag&limit=100'));
    expect(sorted).toEqual([...sorted].sort().reverse());
    expect(sorted).toHaveLength(12);
  });

  it('finds nothing when the words name no single model ("philips pump")', async () => {
    expect(tags(await api(w, w.sessions.admin).get('/devices?q=philips%20pump'))).toEqual([]);
  });

  it('adds devices to the global search box', async () => {
    const response = await w.t.app.inject({ method: 'GET', url: '/api/v1/search?q=CT-A-001', headers: w.sessions.technician.headers });
    const hit = response.json().items.find((h: { kind: string }) => h.kind === 'device');
    expect(hit).toMatchObject({ title: 'CT-A-001', href: expect.stringMatching(/^\/devices\/[0-9a-f-]{36}$/), subtitle: expect.stringContaining('Philips') });
  });
});

describe('facility scope', () => {
  it('shows a technician scoped to facility A only the devices of A, in lists and search', async () => {
    const scoped = api(w, w.sessions.scopedTechnician);
    const all = (await scoped.get('/devices?limit=100')).json().items as Item[];
    expect(all).toHaveLength(33);
    expect(all.every((d) => d.facility.id === w.facilityA)).toBe(true);
    expect(tags(await scoped.get(`/devices?facilityId=${w.facilityB}`))).toEqual([]);
    expect(tags(await scoped.get('/devices?q=PUMP-B-001')).filter((t) => t.startsWith('PUMP-B'))).toEqual([]);
  });

  it('answers 404 when a scoped technician reads or edits a device of facility B', async () => {
    const inB = (await api(w, w.sessions.admin).get('/devices?q=PUMP-B-002')).json().items[0] as Item;
    const scoped = api(w, w.sessions.scopedTechnician);
    expectProblem(await scoped.get(`/devices/${inB.id}`), 404);
    expectProblem(await scoped.patch(`/devices/${inB.id}`, { notes: 'mine now' }, { 'if-match': '"v1"' }), 404);
    expectProblem(await scoped.get(`/devices/${inB.id}/timeline`), 404);
  });
});

describe('filtered lists of many devices', () => {
  it('pages in sort order through more matches than are sorted from the matches themselves', async () => {
    // More than the 500 matches below which a filtered page is sorted from its matches: read in index order.
    await sql`
      insert into devices (tenant_id, asset_tag, model_id, manufacturer_id, device_type_id, facility_id, status, ownership, search_text)
      select ${w.tenant.id}, 'BULK-' || lpad(g::text, 5, '0'), ${w.pumpModel.id}, ${w.bd.id}, ${w.infusionPump.id}, ${w.facilityB},
             'in_service', case when g % 1000 = 0 then 'rented' else 'owned' end, ''
      from generate_series(1, 2100) g`.execute(w.t.db.owner);
    const admin = api(w, w.sessions.admin);
    const walk = async (filter: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await admin.get(`/devices?limit=500&sort=-assetTag&${filter}${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Item[]; nextCursor: string | null };
        seen.push(...page.items.map((d) => d.assetTag));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const many = (await walk(`facilityId=${w.facilityB}&ownership=owned`)).filter((t) => t.startsWith('BULK-'));
    expect(many).toHaveLength(2098);
    expect(many).toEqual([...many].sort().reverse());
    expect(await walk(`facilityId=${w.facilityB}&ownership=rented`)).toEqual(['BULK-02000', 'BULK-01000']);
  });
});
