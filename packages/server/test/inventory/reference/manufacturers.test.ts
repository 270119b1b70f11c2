import type { Role } from '@openhtm/domain';
import { KNOWN_MANUFACTURERS } from '@openhtm/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { createTenantFixture, createTestApp, login, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { countRows, errorPaths, expectProblem, expectUnchanged, walkPages } from '../../helpers/http.ts';
import { clientOf, clientsOf, deviceRow, insertDevice, type Client } from './helpers.ts';

let t: TestApp;
let tenant: TenantFixture;
let as: Record<Role, Client>;

interface Manufacturer {
  id: string;
  name: string;
  normalizedName: string;
  aliases: { id: string; alias: string; normalizedAlias: string }[];
  modelCount: number;
  version: number;
}

const byName = async (name: string): Promise<Manufacturer> => {
  const items = (await as.auditor.get(`/api/v1/manufacturers?q=${encodeURIComponent(name)}&limit=50`)).json().items as Manufacturer[];
  const found = items.find((m) => m.name === name);
  if (!found) throw new Error(`${name} not found`);
  return found;
};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'mfr');
  as = await clientsOf(t, tenant);
});
afterAll(() => t.close());

describe('seeding the known manufacturers', () => {
  it('adds them with their aliases once; repeating adds nothing', async () => {
    const seeded = await as.clinical_engineer.post('/api/v1/manufacturers/seed-known');
    expect(seeded.statusCode, seeded.body).toBe(200);
    expect(seeded.json()).toMatchObject({ created: KNOWN_MANUFACTURERS.length, existing: 0 });
    expect(seeded.json().aliasesAdded).toBeGreaterThan(50);
    expect(await as.clinical_engineer.post('/api/v1/manufacturers/seed-known').then((r) => r.json())).toEqual({ created: 0, aliasesAdded: 0, existing: KNOWN_MANUFACTURERS.length });
    const philips = await byName('Philips');
    expect(philips.aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(['Phillips', 'Philips Respironics']));
    expect(philips.normalizedName).toBe('philips');
  });

  it('is refused to roles that do not manage reference data', async () => {
    for (const role of ['technician', 'clinician', 'auditor', 'security_analyst'] as const) {
      expectProblem(await as[role].post('/api/v1/manufacturers/seed-known'), 403, 'forbidden');
    }
  });
});

describe('GET /api/v1/manufacturers/match', () => {
  it('finds the manufacturer a messy name means', async () => {
    for (const [raw, name] of [
      ['Phillips', 'Philips'],
      ['Philips Medical Systems', 'Philips'],
      ['PHILIPS HEALTHCARE', 'Philips'],
      ['General Electric (GE)', 'GE HealthCare'],
      ['Covidien LP', 'Medtronic'],
      ['Dräger', 'Drägerwerk'],
    ]) {
      const body = (await as.clinician.get(`/api/v1/manufacturers/match?name=${encodeURIComponent(raw!)}`)).json();
      expect(body.match?.name, raw).toBe(name);
      expect(body.suggestions).toEqual([]);
    }
  });

  it('suggests similar manufacturers for a misspelling, and nothing for an unknown name', async () => {
    const typo = (await as.clinician.get('/api/v1/manufacturers/match?name=Medtronc')).json();
    expect(typo.match).toBeNull();
    expect(typo.suggestions[0]).toMatchObject({ name: 'Medtronic', matchedOn: 'Medtronic' });
    expect(typo.suggestions[0].score).toBeGreaterThan(0.8);
    expect((await as.clinician.get('/api/v1/manufacturers/match?name=Acme%20Widgets')).json()).toEqual({ normalized: 'acme widgets', match: null, suggestions: [] });
    expect(errorPaths(expectProblem(await as.clinician.get('/api/v1/manufacturers/match'), 400, 'validation'))).toEqual(['/querystring/name']);
  });
});

describe('POST /api/v1/manufacturers', () => {
  it('refuses a name that resembles an existing manufacturer, with suggestions, unless forced', async () => {
    const refused = await expectUnchanged(t.db.owner, tenant.id, () => as.clinical_engineer.post('/api/v1/manufacturers', { name: 'Phillips Medical' }));
    const problem = expectProblem(refused, 409, 'conflict');
    expect(errorPaths(problem)).toEqual(['/body/name']);
    expect((problem.suggestions as { name: string }[])[0]).toMatchObject({ name: 'Philips', matchedOn: 'Phillips' });
    const forced = await as.clinical_engineer.post('/api/v1/manufacturers', { name: 'Phillips Medical', force: true });
    expect(forced.statusCode, forced.body).toBe(201);
    expect(forced.json()).toMatchObject({ name: 'Phillips Medical', normalizedName: 'phillips medical', aliases: [], modelCount: 0, version: 1 });
    expect(forced.headers.etag).toBe('"v1"');
  });

  it('refuses a name that is already a manufacturer name or alias, even when forced', async () => {
    for (const name of ['Philips Healthcare', 'GE Medical Systems, LLC', 'phillips medical inc.']) {
      const problem = expectProblem(await as.clinical_engineer.post('/api/v1/manufacturers', { name, force: true }), 409, 'conflict');
      expect(problem.existing, name).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    }
  });

  it('creates a manufacturer with aliases, refusing an alias another manufacturer goes by', async () => {
    const clash = expectProblem(await as.clinical_engineer.post('/api/v1/manufacturers', { name: 'Acme Biomedical', aliases: ['Acme Bio', 'Phillips'] }), 409, 'conflict');
    expect(errorPaths(clash)).toEqual(['/body/aliases/1']);
    const created = await as.clinical_engineer.post('/api/v1/manufacturers', { name: 'Acme Biomedical', website: 'https://acme.example', aliases: ['Acme Bio', 'ACME BIOMEDICAL INC'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().aliases.map((a: { alias: string }) => a.alias)).toEqual(['Acme Bio']);
    expect((await as.clinician.get('/api/v1/manufacturers/match?name=acme%20bio%20gmbh')).json().match.name).toBe('Acme Biomedical');
  });

  it('names every bad field', async () => {
    const problem = expectProblem(await as.admin.post('/api/v1/manufacturers', { name: '', website: 'not a url', colour: 'red' }), 400, 'validation');
    expect(errorPaths(problem).sort()).toEqual(['/body/colour', '/body/name', '/body/website']);
    expect(errorPaths(expectProblem(await as.admin.post('/api/v1/manufacturers', { name: '-- --' }), 400, 'validation'))).toEqual(['/body/name']);
    expectProblem(await as.technician.post('/api/v1/manufacturers', { name: 'Tech Co' }), 403, 'forbidden');
  });
});

describe('aliases, renames and lists', () => {
  it('adds and removes aliases, keeping one identity per name', async () => {
    const acme = await byName('Acme Biomedical');
    const added = await as.clinical_engineer.post(`/api/v1/manufacturers/${acme.id}/aliases`, { alias: 'Acme Medical Devices' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().version).toBe(acme.version + 1);
    expect(errorPaths(expectProblem(await as.clinical_engineer.post(`/api/v1/manufacturers/${acme.id}/aliases`, { alias: 'Philips' }), 409, 'conflict'))).toEqual(['/body/alias']);
    expectProblem(await as.clinical_engineer.post(`/api/v1/manufacturers/${acme.id}/aliases`, { alias: 'acme bio, inc.' }), 409, 'conflict');
    const alias = added.json().aliases.find((a: { alias: string }) => a.alias === 'Acme Medical Devices');
    const removed = await as.clinical_engineer.del(`/api/v1/manufacturers/${acme.id}/aliases/${alias.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().aliases.map((a: { alias: string }) => a.alias)).toEqual(['Acme Bio']);
    expectProblem(await as.clinical_engineer.del(`/api/v1/manufacturers/${acme.id}/aliases/${alias.id}`), 404, 'not_found');
  });

  it('renames with If-Match, keeping the former name as an alias', async () => {
    const acme = await byName('Acme Biomedical');
    const url = `/api/v1/manufacturers/${acme.id}`;
    expectProblem(await as.clinical_engineer.patch(url, { name: 'Acme Health Devices' }), 428, 'precondition_required');
    expect(expectProblem(await as.clinical_engineer.patch(url, { name: 'Acme Health Devices' }, '"v1"'), 412, 'precondition_failed').currentVersion).toBe(acme.version);
    expectProblem(await as.clinical_engineer.patch(url, { name: 'Medtronic Inc' }, `"v${acme.version}"`), 409, 'conflict');
    const renamed = await as.clinical_engineer.patch(url, { name: 'Acme Health Devices' }, `"v${acme.version}"`);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Acme Health Devices', normalizedName: 'acme health devices', version: acme.version + 1 });
    expect(renamed.json().aliases.map((a: { alias: string }) => a.alias).sort()).toEqual(['Acme Bio', 'Acme Biomedical']);
  });

  it('lists by name with a cursor and finds names and aliases despite typos', async () => {
    const all = (await as.auditor.get('/api/v1/manufacturers?limit=500')).json().items.map((m: Manufacturer) => m.id);
    expect(all.length).toBe(KNOWN_MANUFACTURERS.length + 2);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/manufacturers', 7)).toEqual(all);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/manufacturers?sort=-name', 9)).toEqual([...all].reverse());
    const names = async (q: string) => (await as.auditor.get(`/api/v1/manufacturers?q=${encodeURIComponent(q)}`)).json().items.map((m: Manufacturer) => m.name);
    expect(await names('phillps')).toContain('Philips');
    expect(await names('respironics')).toEqual(['Philips']);
    expect(await names('acme bio')).toEqual(['Acme Health Devices']);
    expect(await names('Toshiba')).toEqual(['Canon Medical Systems']);
    expect(errorPaths(expectProblem(await as.auditor.get('/api/v1/manufacturers?sort=normalized_name'), 400, 'validation'))).toEqual(['/querystring/sort']);
    const hits = (await as.technician.get('/api/v1/search?q=respironics')).json().items;
    expect(hits).toContainEqual({ kind: 'manufacturer', id: expect.any(String), title: 'Philips', subtitle: null, href: expect.stringMatching(/^\/manufacturers\//) });
  });

  it('sorts by name regardless of case, the cursor continuing that order both ways, served by an index under RLS', async () => {
    const other = await createTenantFixture(t, 'mfr-case');
    const engineer = clientOf(t, await login(t, other.users.clinical_engineer.email));
    // Names whose order is the same under any collation, so that only the case decides against a byte-wise sort.
    for (const name of ['Zoll', 'bard', 'Baxter', 'abbott', 'Braun', 'ACME']) {
      const created = await engineer.post('/api/v1/manufacturers', { name, force: true });
      expect(created.statusCode, created.body).toBe(201);
    }
    const list = (await engineer.get('/api/v1/manufacturers')).json().items as Manufacturer[];
    expect(list.map((m) => m.name)).toEqual(['abbott', 'ACME', 'bard', 'Baxter', 'Braun', 'Zoll']);
    const ids = list.map((m) => m.id);
    expect(await walkPages(t.app, engineer.headers, '/api/v1/manufacturers', 1)).toEqual(ids);
    expect(await walkPages(t.app, engineer.headers, '/api/v1/manufacturers?sort=name', 4)).toEqual(ids);
    expect(await walkPages(t.app, engineer.headers, '/api/v1/manufacturers?sort=-name', 2)).toEqual([...ids].reverse());

    // A rename moves the manufacturer in the order; the derived sort key stays out of the audit trail.
    const zoll = list.at(-1)!;
    const renamed = await engineer.patch(`/api/v1/manufacturers/${zoll.id}`, { name: 'aaa Zoll Medical' }, `"v${zoll.version}"`);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await walkPages(t.app, engineer.headers, '/api/v1/manufacturers', 2)).toEqual([zoll.id, ...ids.slice(0, -1)]);
    const audited = await t.db.owner.selectFrom('audit_events').select('changes').where('entity', '=', 'manufacturer').where('entity_id', '=', zoll.id).execute();
    expect(audited.length).toBeGreaterThan(1);
    for (const { changes } of audited) expect(Object.keys(changes)).not.toContain('sort_name');

    // The keyset condition of a later page is an index condition even under row-level security (leakproof operators).
    const plan = await withTenant(t.db.app, { tenantId: other.id }, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_sort = off`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`
        explain select id from manufacturers where (sort_name, id) > ('bard', ${ids[2]!}::uuid) order by sort_name, id limit 2`.execute(trx);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan using manufacturers_sort_name/);
    expect(plan).toMatch(/Index Cond: .*sort_name/);
  });

  it('answers 404 for an unknown id or another tenant\'s manufacturer, 400 for a malformed id', async () => {
    const other = await createTenantFixture(t, 'mfr-other');
    const philips = await byName('Philips');
    const otherAdmin = (await clientsOf(t, other)).admin;
    expectProblem(await otherAdmin.get(`/api/v1/manufacturers/${philips.id}`), 404, 'not_found');
    expect((await otherAdmin.get('/api/v1/manufacturers')).json().items).toEqual([]);
    expectProblem(await as.auditor.get('/api/v1/manufacturers/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect(errorPaths(expectProblem(await as.auditor.get('/api/v1/manufacturers/not-a-uuid'), 400, 'validation'))).toEqual(['/params/id']);
  });
});

describe('merging and deleting', () => {
  it('merges a duplicate into the manufacturer: aliases, models and devices move, and the merge is audited', async () => {
    const philips = await byName('Philips');
    const duplicate = await byName('Phillips Medical');
    const model = async (manufacturerId: string, modelNumber: string) => {
      const response = await as.clinical_engineer.post('/api/v1/models', { manufacturerId, modelNumber, name: `IntelliVue ${modelNumber}` });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const kept = await model(philips.id, 'MX450');
    const same = await model(duplicate.id, 'MX450');
    const moved = await model(duplicate.id, 'M3001A');
    const facilityId = tenant.facilities[0]!.id;
    const deviceOfSame = await insertDevice(t, tenant.id, { assetTag: 'MON-1', modelId: same, facilityId, serialNumber: 'SN1' });
    const deviceOfMoved = await insertDevice(t, tenant.id, { assetTag: 'MON-2', modelId: moved, facilityId });
    await insertDevice(t, tenant.id, { assetTag: 'MON-3', modelId: kept, facilityId, serialNumber: 'SN2' });

    expect(errorPaths(expectProblem(await as.clinical_engineer.post(`/api/v1/manufacturers/${philips.id}/merge`, { sourceId: philips.id }), 400, 'validation'))).toEqual(['/body/sourceId']);
    const response = await as.clinical_engineer.post(`/api/v1/manufacturers/${philips.id}/merge`, { sourceId: duplicate.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().merged).toEqual({ aliasesMoved: 0, modelsMoved: 1, modelsCombined: 1, devicesMoved: 2 });
    expect(response.json().manufacturer).toMatchObject({ id: philips.id, modelCount: 2 });
    expect(response.json().manufacturer.aliases.map((a: { alias: string }) => a.alias)).toContain('Phillips Medical');
    expectProblem(await as.auditor.get(`/api/v1/manufacturers/${duplicate.id}`), 404, 'not_found');
    expect(await deviceRow(t, deviceOfSame)).toMatchObject({ model_id: kept, manufacturer_id: philips.id, search_text: expect.stringContaining('philips') });
    expect(await deviceRow(t, deviceOfMoved)).toMatchObject({ model_id: moved, manufacturer_id: philips.id });
    const audit = (await as.auditor.get(`/api/v1/audit-events?entity=manufacturer&entityId=${philips.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('merge');
    expect((await as.clinician.get('/api/v1/manufacturers/match?name=Phillips%20Medical')).json().match.name).toBe('Philips');
  });

  it('deletes only a manufacturer without models', async () => {
    const philips = await byName('Philips');
    expectProblem(await as.clinical_engineer.del(`/api/v1/manufacturers/${philips.id}`, `"v${philips.version}"`), 409, 'conflict');
    const hamilton = await byName('Hamilton Medical');
    expectProblem(await as.clinical_engineer.del(`/api/v1/manufacturers/${hamilton.id}`), 428, 'precondition_required');
    const deleted = await as.clinical_engineer.del(`/api/v1/manufacturers/${hamilton.id}`, `"v${hamilton.version}"`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    // The known ones and Acme; Phillips Medical was merged into Philips, Hamilton Medical deleted.
    expect(await countRows(t.db.owner, 'manufacturers', tenant.id)).toBe(KNOWN_MANUFACTURERS.length);
  });
});
