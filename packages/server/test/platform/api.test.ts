import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../helpers/app.ts';
import { apiRouteKeys, errorPaths, expectProblem, expectUnchanged, walkPages, type InjectedResponse } from '../helpers/http.ts';

let t: TestApp;
let a: TenantFixture;
let admin: Session;

const get = async (url: string, session: Session = admin) => (await t.app.inject({ method: 'GET', url, headers: session.headers }));

const walk = (url: string, limit: number) => walkPages(t.app, admin.headers, url, limit);

beforeAll(async () => {
  t = await createTestApp();
  a = await createTenantFixture(t, 'alpha');
  admin = await login(t, a.users.admin.email);
  // More rows than one small page, created in separate transactions (so their timestamps differ) next to the
  // fixture's (created in one transaction, so they share one timestamp).
  for (let i = 0; i < 5; i++) {
    const facility = await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers: admin.headers, payload: { code: `EXTRA-${i}`, name: `Annex ${i}` } });
    expect(facility.statusCode).toBe(201);
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: `extra${i}@alpha.test`, displayName: `Extra ${i}`, role: 'clinician', password: 'long-enough-pw' },
    });
    expect(user.statusCode).toBe(201);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: admin.headers, payload: { name: `token ${i % 2}`, role: 'auditor' } });
    expect(token.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('API description', () => {
  it('serves an OpenAPI 3.1.0 document with every /api/v1 route and shared components', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toEqual(expect.any(String));
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['User', 'Facility', 'ApiToken', 'AuditEvent']));
    const routes = apiRouteKeys(t.app);
    expect(routes.length).toBeGreaterThan(15);
    for (const key of routes) {
      const [method, url] = key.split(' ') as [string, string];
      const operation = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, `${key} is missing from the OpenAPI document`).toBeDefined();
      expect(operation.summary, `${key} has no summary`).toEqual(expect.any(String));
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    }
    const documented = Object.entries(doc.paths as Record<string, object>)
      .filter(([p]) => p.startsWith('/api/v1/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('renders the reference as HTML', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/swagger-ui/i);
  });

  it('reports health: database reachable, current migration, none pending', async () => {
    const migrations = (await fs.readdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations')))
      .filter((f) => /^\d{8}T\d{6}-.+\.ts$/.test(f))
      .sort();
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: { reachable: true, latencyMs: expect.any(Number) },
      migrations: { current: migrations.at(-1)!.replace(/\.ts$/, ''), pending: 0 },
    });
  });
});

describe('lists', () => {
  const SORTS: Record<string, string[]> = {
    '/api/v1/users': ['displayName', 'email', 'createdAt'],
    '/api/v1/facilities': ['name', 'code'],
    '/api/v1/api-tokens': ['createdAt', 'name'],
  };

  it('page with a cursor without duplicates or gaps, ascending and descending, by every sort field', async () => {
    for (const [url, fields] of Object.entries(SORTS)) {
      for (const field of fields) {
        const ascending = (await get(`${url}?sort=${field}&limit=500`)).json().items.map((item: { id: string }) => item.id);
        expect(ascending.length, url).toBeGreaterThanOrEqual(5);
        for (const limit of [1, 2, 3]) {
          expect(await walk(`${url}?sort=${field}`, limit), `${url} by ${field}, ${limit} a page`).toEqual(ascending);
          expect(await walk(`${url}?sort=-${field}`, limit), `${url} by -${field}, ${limit} a page`).toEqual([...ascending].reverse());
        }
      }
    }
  });

  it('pages the audit trail newest first', async () => {
    const all = (await get('/api/v1/audit-events?limit=500')).json().items.map((item: { id: string }) => item.id);
    expect(all.length).toBeGreaterThan(10);
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((x, y) => y - x));
    expect(await walk('/api/v1/audit-events', 4)).toEqual(all);
  });

  it('refuses an unknown sort field, naming /querystring/sort', async () => {
    const problem = expectProblem(await get('/api/v1/users?sort=password_hash'), 400, 'validation');
    expect(errorPaths(problem)).toEqual(['/querystring/sort']);
    expect(errorPaths(expectProblem(await get('/api/v1/facilities?sort=-nope'), 400, 'validation'))).toEqual(['/querystring/sort']);
  });

  it('refuses a cursor it did not hand out, naming /querystring/cursor', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const emailCursor = (await get('/api/v1/users?sort=email&limit=2')).json().nextCursor as string;
    const bad = ['not-base64-json', encode({ a: 1 }), encode(['x', 'not-a-uuid']), encode(['not-a-date', a.users.admin.id]), encode(['createdAt', 'x', 'y'])];
    for (const cursor of [...bad, emailCursor]) {
      const problem = expectProblem(await get(`/api/v1/users?sort=createdAt&cursor=${cursor}`), 400, 'validation');
      expect(errorPaths(problem), cursor).toEqual(['/querystring/cursor']);
    }
  });
});

describe('optimistic concurrency', () => {
  it('accepts the first of two writes based on the same version and refuses the second with 412 and currentVersion', async () => {
    for (const [url, first, second, field] of [
      [`/api/v1/facilities/${a.facilities[1]!.id}`, { name: 'First edit' }, { name: 'Second edit' }, 'name'],
      [`/api/v1/users/${a.users.clinician.id}`, { displayName: 'First edit' }, { displayName: 'Second edit' }, 'displayName'],
    ] as const) {
      const read = await get(url);
      const etag = read.headers.etag as string;
      expect(etag).toBe(`"v${read.json().version}"`);
      const ok = await t.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': etag }, payload: first });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe(`"v${read.json().version + 1}"`);
      const late = await expectUnchanged(t.db.owner, a.id, () => t.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': etag }, payload: second }));
      expect(expectProblem(late, 412, 'precondition_failed').currentVersion).toBe(read.json().version + 1);
      expect((await get(url)).json()[field]).toBe(Object.values(first)[0]);
    }
  });
});

describe('facility scope', () => {
  async function scopedUser(role: string, email: string): Promise<Session> {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email, displayName: email, role, password: 'long-enough-pw', allFacilities: false, facilityIds: [a.facilities[0]!.id] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ allFacilities: false, facilityIds: [a.facilities[0]!.id] });
    return login(t, email, 'long-enough-pw');
  }

  it('shows a technician limited to one facility only that facility', async () => {
    const tech = await scopedUser('technician', 'scoped-tech@alpha.test');
    const session = (await get('/api/v1/auth/session', tech)).json();
    expect(session.user.facilityIds).toEqual([a.facilities[0]!.id]);
    expect((await get('/api/v1/facilities?limit=500', tech)).json().items.map((f: { id: string }) => f.id)).toEqual([a.facilities[0]!.id]);
    expect((await get(`/api/v1/facilities/${a.facilities[0]!.id}`, tech)).statusCode).toBe(200);
    expectProblem(await get(`/api/v1/facilities/${a.facilities[1]!.id}`, tech), 404, 'not_found');
    const hits = (await get('/api/v1/search?q=alpha', tech)).json().items.filter((h: { kind: string }) => h.kind === 'facility');
    expect(hits.map((h: { id: string }) => h.id)).toEqual([a.facilities[0]!.id]);
  });

  it('lets a manager limited to one facility change only that facility, and add none', async () => {
    const manager = await scopedUser('htm_manager', 'scoped-manager@alpha.test');
    const patch = (id: string, version: number) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/facilities/${id}`, headers: { ...manager.headers, 'if-match': `"v${version}"` }, payload: { name: 'Scoped rename' } });
    const other = (await get(`/api/v1/facilities/${a.facilities[1]!.id}`)).json();
    await expectUnchanged(t.db.owner, a.id, async () => expectProblem((await patch(other.id, other.version)), 403, 'forbidden'));
    const own = (await get(`/api/v1/facilities/${a.facilities[0]!.id}`)).json();
    expect((await patch(own.id, own.version)).statusCode).toBe(200);
    const add = await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers: manager.headers, payload: { code: 'SCOPED', name: 'Scoped' } });
    expectProblem(add, 403, 'forbidden');
  });
});
