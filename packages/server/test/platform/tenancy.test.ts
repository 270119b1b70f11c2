import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant-context.ts';
import { JOBS } from '../../src/jobs/catalog.ts';
import { startJobRunner, type JobRunner } from '../../src/jobs/runner.ts';
import { DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, loadDemo } from '../../src/modules/demo/load-demo.ts';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../helpers/app.ts';
import { tenancyOffenders } from '../helpers/catalog.ts';
import { countRows, expectProblem, tenantSnapshot, tenantTables } from '../helpers/http.ts';
import { probeRoutes, tenantIds, urlOf, type ProbeRoute, type TenantIds } from '../helpers/tenancy-probe.ts';

const QUEUE = 'sessions.purge-expired';
/** Path parameters that do not name a tenant's record: a job queue, a code of the public FDA reference data. */
const FIXED_PARAMS = { queue: QUEUE, code: 'FRN' };

let t: TestApp;
let runner: JobRunner;
let a: TenantFixture;
let bTenant: string;
let aSession: Session;
let aToken: string;
let bSession: Session;
let bIds: TenantIds;
let bJob: string;
let bMarkers: string[];
let routes: ProbeRoute[];

async function createToken(session: Session, name: string): Promise<{ id: string; token: string }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: session.headers, payload: { name, role: 'admin' } });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function bJobRow() {
  return (await sql`select state::text, retry_count, data from pgboss.job where id = ${bJob}`.execute(t.db.owner)).rows;
}

beforeAll(async () => {
  t = await createTestApp({
    jobs: async (db, config) => (runner = await startJobRunner({ db, config, log: pino({ level: 'silent' }), definitions: JOBS, work: false })),
  });
  a = await createTenantFixture(t, 'alpha');
  // Tenant B is the demo health system: it has rows in every inventory table, however the modules grow.
  await loadDemo(t.db, { devices: 30 });
  bTenant = (await t.db.owner.selectFrom('tenants').select('id').where('slug', '=', DEMO_TENANT.slug).executeTakeFirstOrThrow()).id;
  aSession = await login(t, a.users.admin.email);
  bSession = await login(t, DEMO_USERS.find((u) => u.role === 'admin')!.email, DEMO_PASSWORD);
  aToken = (await createToken(aSession, 'alpha integration')).token;
  const bToken = await createToken(bSession, 'riverside integration');
  // A failed job of B's, which B's admin could retry.
  bJob = (await runner.boss.send(QUEUE, { tenantId: bTenant }, { retryLimit: 0 }))!;
  await runner.boss.fail(QUEUE, bJob, { message: 'riverside failure' });
  bIds = await tenantIds(t.db.owner, bTenant);
  bMarkers = [bTenant, bJob, ...bIds.all, ...DEMO_USERS.map((u) => u.email), bToken.token.slice(0, 20)];
  routes = await probeRoutes(t.app, FIXED_PARAMS);
});
afterAll(() => t.close());

describe('tenant isolation through the API', () => {
  it('has ids of B in every tenant-owned table the demo fills, and a way to call every /api/v1 route', () => {
    expect(Object.keys(bIds.byTable)).toEqual(expect.arrayContaining(['users', 'facilities', 'api_tokens', 'sessions', 'manufacturers', 'devices']));
    const idRoutes = routes.filter((r) => r.idParams.length > 0).map((r) => r.key);
    expect(idRoutes).toEqual(expect.arrayContaining(['GET /api/v1/users/:id', 'PATCH /api/v1/facilities/:id', 'DELETE /api/v1/api-tokens/:id', 'POST /api/v1/jobs/:queue/:id/retry']));
  });

  it("refuses B's ids to A's session and A's token on every /api/v1 and /fhir route that takes an id, and changes nothing of B", { timeout: 180_000 }, async () => {
    const before = { rows: await tenantSnapshot(t.db.owner, bTenant), job: await bJobRow() };
    const callers = { session: aSession.headers, token: { authorization: `Bearer ${aToken}` } };
    // One id of every table, each tried on every route, and for nested routes every (parent, child) pair.
    const singles = [...Object.values(bIds.byTable).flatMap((ids) => ids.slice(0, 1)), bJob].map((id) => [id]);
    const probes = routes
      .filter((route) => route.idParams.length > 0)
      .flatMap((route) => (route.idParams.length > 1 ? [...singles, ...bIds.pairs] : singles).map((ids) => ({ route, ids })))
      .flatMap((probe) => Object.entries(callers).map(([caller, headers]) => ({ ...probe, caller, headers })));
    const failures: string[] = [];
    for (let i = 0; i < probes.length; i += 8) {
      await Promise.all(
        probes.slice(i, i + 8).map(async ({ route, ids, caller, headers }) => {
          const response = await t.app.inject({
            method: route.method,
            url: urlOf(route, ids),
            headers: { ...headers, ...(route.method === 'GET' ? {} : { 'if-match': '"v1"' }) },
            ...(route.body === undefined ? {} : { payload: route.body as object }),
          });
          if (![403, 404].includes(response.statusCode)) failures.push(`${route.key} with ${ids.join(', ')} as A's ${caller}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          else if (route.path.startsWith('/api/v1/')) expectProblem(response, response.statusCode);
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(50);
    expect(await tenantSnapshot(t.db.owner, bTenant)).toEqual(before.rows);
    expect(await bJobRow()).toEqual(before.job);
  });

  it("serves B's own admin the same records (the refusals above come from tenancy)", async () => {
    let checked = 0;
    for (const route of routes.filter((r) => r.method === 'GET' && r.idParams.length === 1)) {
      const resource = /\/([\w-]+)\/:id/.exec(route.path)![1]!.replace(/-/g, '_');
      for (const id of bIds.byTable[resource] ?? []) {
        const response = await t.app.inject({ method: 'GET', url: urlOf(route, [id]), headers: bSession.headers });
        expect(response.statusCode, `${route.key} with ${id}: ${response.body.slice(0, 200)}`).toBe(200);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("lists and searches show A's rows only, whether A signs in or uses a token", async () => {
    // FHIR searches need an identifier to find anything; the id probe above covers FHIR reads.
    const lists = routes.filter((r) => r.method === 'GET' && !r.path.includes(':') && r.path.startsWith('/api/v1/'));
    expect(lists.map((r) => r.key)).toEqual(expect.arrayContaining(['GET /api/v1/users', 'GET /api/v1/facilities', 'GET /api/v1/audit-events', 'GET /api/v1/jobs']));
    for (const route of lists) {
      for (const headers of [aSession.headers, { authorization: `Bearer ${aToken}` }]) {
        const response = await t.app.inject({ method: 'GET', url: urlOf(route, []), headers });
        const tokenWithoutSession = route.path === '/api/v1/auth/session' && 'authorization' in headers;
        expect(response.statusCode, `${route.key}: ${response.body.slice(0, 300)}`).toBe(tokenWithoutSession ? 400 : 200);
        const leaked = bMarkers.filter((marker) => response.body.includes(marker));
        expect(leaked, `${route.key} leaks rows of B`).toEqual([]);
      }
    }
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=100', headers: aSession.headers })).json();
    expect(users.items.map((u: { id: string }) => u.id).sort()).toEqual(Object.values(a.users).map((u) => u.id).sort());
    const facilities = (await t.app.inject({ method: 'GET', url: '/api/v1/facilities', headers: aSession.headers })).json();
    expect(facilities.items.map((f: { id: string }) => f.id).sort()).toEqual(a.facilities.map((f) => f.id).sort());
  });

  it("refuses to point A's records at B's facilities", async () => {
    const before = { b: await tenantSnapshot(t.db.owner, bTenant), users: await countRows(t.db.owner, 'users', a.id) };
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: aSession.headers,
      payload: { email: 'cross@alpha.test', displayName: 'Cross', role: 'technician', password: 'long-enough-pw', allFacilities: false, facilityIds: [bIds.byTable.facilities![0]!] },
    });
    expect(expectProblem(create, 400, 'validation').errors?.map((e) => e.path)).toEqual(['/body/facilityIds/0']);
    const user = await t.app.inject({ method: 'GET', url: `/api/v1/users/${a.users.technician.id}`, headers: aSession.headers });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${a.users.technician.id}`,
      headers: { ...aSession.headers, 'if-match': user.headers.etag as string },
      payload: { allFacilities: false, facilityIds: [bIds.byTable.facilities![1]!] },
    });
    expectProblem(patch, 400, 'validation');
    expect(await countRows(t.db.owner, 'users', a.id)).toBe(before.users);
    expect(await countRows(t.db.owner, 'user_facilities', a.id)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/users/${a.users.technician.id}`, headers: aSession.headers })).json()).toEqual(user.json());
    expect(await tenantSnapshot(t.db.owner, bTenant)).toEqual(before.b);
  });

  it('does not accept a session cookie or an API token re-labelled with another tenant', async () => {
    const forgedCookie = `htm_session=${bTenant}${aSession.cookie.slice(aSession.cookie.indexOf('.'))}`;
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: forgedCookie } }), 401, 'unauthenticated');
    const forgedToken = aToken.replace(a.id.replace(/-/g, ''), bTenant.replace(/-/g, ''));
    expect(forgedToken).not.toBe(aToken);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${forgedToken}` } }), 401, 'unauthenticated');
  });
});

describe('tenant isolation in the database', () => {
  it('shows the app role no rows and accepts no writes while no tenant is set', async () => {
    expect(await countRows(t.db.owner, 'users')).toBeGreaterThan(0);
    expect(await t.db.app.selectFrom('users').selectAll().execute()).toHaveLength(0);
    for (const table of await tenantTables(t.db.owner)) {
      const seen = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.app);
      expect(seen.rows[0]!.n, table).toBe(0);
    }
    await expect(t.db.app.insertInto('facilities').values({ tenant_id: a.id, code: 'NOTENANT', name: 'No tenant' }).execute()).rejects.toThrow(/row-level security/);
  });

  it("lets a transaction of tenant A neither write rows of B nor touch B's rows", async () => {
    await expect(
      withTenant(t.db.app, { tenantId: a.id }, (trx) => trx.insertInto('facilities').values({ tenant_id: bTenant, code: 'SMUGGLED', name: 'Smuggled' }).execute()),
    ).rejects.toThrow(/row-level security/);
    const touched = await withTenant(t.db.app, { tenantId: a.id }, async (trx) => ({
      updated: (await trx.updateTable('facilities').set({ name: 'Renamed by A' }).where('id', '=', bIds.byTable.facilities![0]!).executeTakeFirst()).numUpdatedRows,
      deleted: (await trx.deleteFrom('sessions').where('tenant_id', '=', bTenant).executeTakeFirst()).numDeletedRows,
      users: (await trx.selectFrom('users').select('tenant_id').distinct().execute()).map((r) => r.tenant_id),
    }));
    expect(touched).toEqual({ updated: 0n, deleted: 0n, users: [a.id] });
  });
});

describe('tenancy rules in the catalog', () => {
  it('holds for every table of schema public', async () => {
    expect(await tenancyOffenders(t.db.owner)).toEqual([]);
  });

  it('reports a table that breaks them', async () => {
    await sql`
      create table bad_widgets (
        tenant_id uuid not null references tenants (id),
        id uuid primary key,
        serial text unique,
        parent_id uuid references bad_widgets (id)
      );
      create table half_guarded (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id));
      alter table half_guarded enable row level security;
      create policy tenant_isolation on half_guarded using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
      create policy peek on half_guarded for select using (true);
      create table loose_notes (id uuid primary key, body text);`.execute(t.db.owner);
    try {
      expect((await tenancyOffenders(t.db.owner)).sort()).toEqual(
        [
          'bad_widgets: primary key bad_widgets_pkey lacks tenant_id',
          'bad_widgets: unique index bad_widgets_serial_key lacks tenant_id',
          'bad_widgets: foreign key bad_widgets_parent_id_fkey → bad_widgets does not carry tenant_id on both sides',
          'bad_widgets: row-level security is not enabled',
          'bad_widgets: row-level security is not forced',
          'bad_widgets: no tenant_isolation policy on tenant_id = current_tenant_id()',
          'half_guarded: row-level security is not forced',
          'half_guarded: permissive policy peek (r) widens tenant isolation',
          'loose_notes: has no tenant_id and is not a known global table',
        ].sort(),
      );
    } finally {
      await sql`drop table bad_widgets, half_guarded, loose_notes`.execute(t.db.owner);
    }
    expect(await tenancyOffenders(t.db.owner)).toEqual([]);
  });
});
