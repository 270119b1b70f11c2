import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant-context.ts';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../helpers/app.ts';
import { countRows, expectProblem, walkPages } from '../helpers/http.ts';

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let admin: Session;

const trail = (entity: string, entityId: string) =>
  t.db.owner.selectFrom('audit_events').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute();

/** The transaction that last wrote a row (xmin): equal for two rows written in one transaction. */
const writer = async (table: string, where: ReturnType<typeof sql>) =>
  (await sql<{ xmin: string }>`select xmin::text from ${sql.table(table)} where ${where}`.execute(t.db.owner)).rows.map((r) => r.xmin);

const events = async (query: string, session: Session = admin) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?limit=500&${query}`, headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    id: string;
    entity: string;
    entityId: string;
    actor: string;
    actorUserId: string | null;
    actorUserName: string | null;
    actorUserEmail: string | null;
    action: string;
    changes: Record<string, unknown>;
    occurredAt: string;
  }[];
};

beforeAll(async () => {
  t = await createTestApp();
  a = await createTenantFixture(t, 'alpha');
  b = await createTenantFixture(t, 'beta');
  admin = await login(t, a.users.admin.email);
  await login(t, b.users.admin.email);
});
afterAll(() => t.close());

describe('audit rows', () => {
  it('record a created user: who, request, client, entity, id, action and the new values, in the same transaction', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'x-request-id': 'audit-create-1' },
      payload: { email: 'new@alpha.test', displayName: 'New Person', role: 'technician', password: 'long-enough-pw' },
    });
    expect(response.statusCode).toBe(201);
    const id = response.json().id as string;
    const [event, ...more] = await trail('user', id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      tenant_id: a.id,
      action: 'create',
      actor_user_id: a.users.admin.id,
      actor_token_id: null,
      actor_label: a.users.admin.email,
      request_id: 'audit-create-1',
      client_ip: '127.0.0.1',
    });
    // Stored as the record itself (its non-null fields); the API answers {field: [before, after]}.
    expect(Object.keys(event!.changes).sort()).toEqual(['active', 'all_facilities', 'created_at', 'display_name', 'email', 'id', 'password_changed_at', 'role']);
    expect(event!.changes).toMatchObject({ email: 'new@alpha.test', display_name: 'New Person', role: 'technician', id });
    const [shown] = await events(`entity=user&entityId=${id}`);
    expect(shown!.changes).toMatchObject({ email: [null, 'new@alpha.test'], display_name: [null, 'New Person'], role: [null, 'technician'], id: [null, id] });
    expect(await writer('audit_events', sql`entity_id = ${id}`)).toEqual(await writer('users', sql`id = ${id}`));
  });

  it('record an update as a diff of the changed fields only, and no row when nothing changed', async () => {
    const facility = a.facilities[0]!;
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/${facility.id}`, headers: admin.headers });
    const patch = (etag: string, payload: object, requestId: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/facilities/${facility.id}`, headers: { ...admin.headers, 'if-match': etag, 'x-request-id': requestId }, payload });
    const renamed = await patch(read.headers.etag as string, { name: 'Renamed General', code: facility.code }, 'audit-update-1');
    expect(renamed.statusCode).toBe(200);
    const updates = (await trail('facility', facility.id)).filter((e) => e.action === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ changes: { name: [read.json().name, 'Renamed General'] }, request_id: 'audit-update-1', actor_user_id: a.users.admin.id });
    expect(await writer('audit_events', sql`request_id = 'audit-update-1'`)).toEqual(await writer('facilities', sql`id = ${facility.id}`));

    expect((await patch(renamed.headers.etag as string, { name: 'Renamed General' }, 'audit-update-2')).statusCode).toBe(200);
    expect((await trail('facility', facility.id)).filter((e) => e.request_id === 'audit-update-2')).toEqual([]);

    const user = await t.app.inject({ method: 'GET', url: `/api/v1/users/${a.users.clinician.id}`, headers: admin.headers });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${a.users.clinician.id}`,
      headers: { ...admin.headers, 'if-match': user.headers.etag as string },
      payload: { displayName: 'Renamed Clinician', role: 'technician', active: true },
    });
    expect(changed.statusCode).toBe(200);
    const userUpdate = (await trail('user', a.users.clinician.id)).filter((e) => e.action === 'update');
    expect(userUpdate.map((e) => e.changes)).toEqual([{ display_name: [user.json().displayName, 'Renamed Clinician'], role: ['clinician', 'technician'] }]);
  });

  it('name the API token that acted, when a token acts', async () => {
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: admin.headers, payload: { name: 'Importer', role: 'htm_manager' } });
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers: { authorization: `Bearer ${token.json().token}` }, payload: { code: 'TOK', name: 'By token' } });
    expect(created.statusCode).toBe(201);
    expect(await trail('facility', created.json().id)).toMatchObject([{ action: 'create', actor_user_id: null, actor_token_id: token.json().id, actor_label: 'token:Importer' }]);
  });

  it('never contain a password hash', async () => {
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/users/${a.users.auditor.id}/password`, headers: admin.headers, payload: { password: 'another-password' } });
    expect(reset.statusCode).toBe(204);
    const all = await sql<{ text: string }>`select string_agg(to_jsonb(e)::text, '') as text from audit_events e`.execute(t.db.owner);
    expect(all.rows[0]!.text).not.toMatch(/argon2|password_hash/);
    const hashes = await t.db.owner.selectFrom('users').select('password_hash').execute();
    for (const { password_hash } of hashes) expect(all.rows[0]!.text).not.toContain(password_hash.split('$').at(-1));
  });

  it('are not written for a write that fails', async () => {
    const before = await countRows(t.db.owner, 'audit_events');
    const url = `/api/v1/facilities/${a.facilities[1]!.id}`;
    expectProblem(await t.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': '"v99"' }, payload: { name: 'Stale' } }), 412);
    expectProblem(await t.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': '"v1"' }, payload: { code: a.facilities[0]!.code } }), 409);
    const duplicate = { email: a.users.admin.email, displayName: 'Twin', role: 'admin', password: 'long-enough-pw' };
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: duplicate }), 409);
    await expect(
      withTenant(t.db.app, { tenantId: a.id, actor: 'test' }, async (trx) => {
        await trx.insertInto('facilities').values({ tenant_id: a.id, code: 'ROLLED', name: 'Rolled back' }).execute();
        throw new Error('abandon the transaction');
      }),
    ).rejects.toThrow('abandon');
    expect(await countRows(t.db.owner, 'audit_events')).toBe(before);
  });
});

  it('give a deleted record as {field: [before, null]} through the API, stored as the record itself', async () => {
    const id = await withTenant(t.db.app, { tenantId: a.id, actor: 'test' }, async (trx) => {
      const row = await trx.insertInto('facilities').values({ tenant_id: a.id, code: 'DELME', name: 'Short-lived' }).returning('id').executeTakeFirstOrThrow();
      await trx.deleteFrom('facilities').where('id', '=', row.id).execute();
      return row.id;
    });
    const stored = await trail('facility', id);
    expect(stored.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(stored[1]!.changes).toMatchObject({ id, code: 'DELME', name: 'Short-lived' });
    const [deleted, created] = await events(`entity=facility&entityId=${id}`);
    expect(deleted!.changes).toMatchObject({ id: [id, null], code: ['DELME', null], name: ['Short-lived', null] });
    expect(created!.changes).toMatchObject({ id: [null, id], code: [null, 'DELME'] });
  });

  it('keep actor, request id and client address exactly as given, quotes and backslashes included', async () => {
    const actor = "o'brien\\x@alpha.test'; drop table audit_events; --";
    const facilityId = await withTenant(t.db.app, { tenantId: a.id, actor, requestId: "req'1", clientIp: '::1' }, async (trx) => {
      const row = await trx.insertInto('facilities').values({ tenant_id: a.id, code: 'QUOTED', name: 'Quoted actor' }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    });
    const [event] = await trail('facility', facilityId);
    expect(event).toMatchObject({ actor_label: actor, request_id: "req'1", client_ip: '::1', tenant_id: a.id });
  });

describe('the audit trail is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE even to the table owner', async () => {
    const before = await countRows(t.db.owner, 'audit_events');
    for (const statement of [sql`update audit_events set action = 'forged'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      await expect(statement.execute(t.db.owner)).rejects.toThrow(/append-only/);
    }
    expect(await countRows(t.db.owner, 'audit_events')).toBe(before);
    expect(await t.db.owner.selectFrom('audit_events').select('id').where('action', '=', 'forged').execute()).toEqual([]);
  });

  it('grants the app role reading and appending only', async () => {
    const privileges = await sql<Record<string, boolean>>`
      select has_table_privilege('htm_app', 'audit_events', 'SELECT') as select, has_table_privilege('htm_app', 'audit_events', 'INSERT') as insert,
             has_table_privilege('htm_app', 'audit_events', 'UPDATE') as update, has_table_privilege('htm_app', 'audit_events', 'DELETE') as delete,
             has_table_privilege('htm_app', 'audit_events', 'TRUNCATE') as truncate`.execute(t.db.owner);
    expect(privileges.rows[0]).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false });
    const asApp = (statement: ReturnType<typeof sql>) => withTenant(t.db.app, { tenantId: a.id }, (trx) => statement.execute(trx));
    await expect(asApp(sql`update audit_events set action = 'forged'`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from audit_events`)).rejects.toThrow(/permission denied/);
  });
});

describe('GET /api/v1/audit-events', () => {
  it('filters by record, by user and by action', async () => {
    const facility = a.facilities[0]!.id;
    const byRecord = await events(`entity=facility&entityId=${facility}`);
    expect(byRecord.length).toBe((await trail('facility', facility)).length);
    expect(byRecord.every((e) => e.entity === 'facility' && e.entityId === facility)).toBe(true);

    const byUser = await events(`userId=${a.users.admin.id}`);
    const adminRows = await t.db.owner.selectFrom('audit_events').select('id').where('actor_user_id', '=', a.users.admin.id).execute();
    expect(byUser.map((e) => e.id).sort()).toEqual(adminRows.map((r) => String(r.id)).sort());

    const logins = await events('action=login');
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action === 'login')).toBe(true);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    await sql`
      insert into audit_events (tenant_id, occurred_at, actor_label, entity, entity_id, action)
      values (${a.id}, '2020-01-01T00:00:00Z', 'test', 'probe', 'p1', 'create'),
             (${a.id}, '2020-06-01T00:00:00Z', 'test', 'probe', 'p2', 'create'),
             (${a.id}, '2021-01-01T00:00:00Z', 'test', 'probe', 'p3', 'create')`.execute(t.db.owner);
    const ids = async (query: string) => (await events(`entity=probe&${query}`)).map((e) => e.entityId);
    expect(await ids('from=2020-03-01T00:00:00Z')).toEqual(['p3', 'p2']);
    expect(await ids('to=2020-06-01T00:00:00Z')).toEqual(['p1']);
    expect(await ids('from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z')).toEqual(['p2', 'p1']);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?from=yesterday', headers: admin.headers }), 400, 'validation');
  });

  it('pages with a cursor, newest first, without duplicates or gaps', async () => {
    const all = (await events('')).map((e) => e.id);
    expect(all.length).toBeGreaterThan(10);
    expect(await walkPages(t.app, admin.headers, '/api/v1/audit-events', 3)).toEqual(all);
    expect(await walkPages(t.app, admin.headers, `/api/v1/audit-events?userId=${a.users.admin.id}`, 2)).toEqual(
      (await events(`userId=${a.users.admin.id}`)).map((e) => e.id),
    );
  });

  it('names the user who acted beside the id; a token or the system names nobody', async () => {
    const all = await events('');
    const byAdmin = all.filter((e) => e.actorUserId === a.users.admin.id);
    expect(byAdmin.length).toBeGreaterThan(0);
    for (const event of byAdmin) expect(event).toMatchObject({ actorUserName: 'admin of alpha', actorUserEmail: a.users.admin.email });
    const byOthers = all.filter((e) => e.actorUserId === null);
    expect(byOthers.map((e) => e.actor)).toEqual(expect.arrayContaining(['token:Importer', 'test']));
    for (const event of byOthers) expect(event).toMatchObject({ actorUserName: null, actorUserEmail: null });
    // A renamed user is named as they are called now.
    const user = await t.app.inject({ method: 'GET', url: `/api/v1/users/${a.users.htm_manager.id}`, headers: admin.headers });
    await login(t, a.users.htm_manager.email);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${a.users.htm_manager.id}`,
      headers: { ...admin.headers, 'if-match': user.headers.etag as string },
      payload: { displayName: 'Morgan Lee', role: 'htm_manager', active: true },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const signIns = await events(`userId=${a.users.htm_manager.id}&action=login`);
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns[0]).toMatchObject({ actorUserName: 'Morgan Lee', actorUserEmail: a.users.htm_manager.email });
  });

  it("never shows tenant B's events to A", async () => {
    const bRows = await t.db.owner.selectFrom('audit_events').select(['id', 'entity_id']).where('tenant_id', '=', b.id).execute();
    expect(bRows.length).toBeGreaterThan(0);
    const seen = new Set((await events('')).map((e) => e.id));
    expect(bRows.filter((r) => seen.has(String(r.id)))).toEqual([]);
    expect(await events(`entity=user&entityId=${b.users.admin.id}`)).toEqual([]);
    expect(await events(`userId=${b.users.admin.id}`)).toEqual([]);
    const aRows = await countRows(t.db.owner, 'audit_events', a.id);
    expect(seen.size).toBe(aRows);
  });
});
