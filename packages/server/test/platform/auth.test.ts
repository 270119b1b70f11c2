import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createTenantFixture, createTestApp, login, PASSWORD, type Session, type TenantFixture, type TestApp } from '../helpers/app.ts';
import { countRows, expectProblem, expectUnchanged } from '../helpers/http.ts';

let t: TestApp;
let a: TenantFixture;
let admin: Session;

// Many sign-ins happen in this file; the rate limit has its own test with its own app.
beforeAll(async () => {
  t = await createTestApp({ config: { loginRateLimitPerMinute: 1000 } });
  a = await createTenantFixture(t, 'alpha');
  admin = await login(t, a.users.admin.email);
});
afterAll(() => t.close());

const signIn = (app: TestApp, email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

const sessionCookie = (response: Awaited<ReturnType<typeof signIn>>) =>
  ([response.headers['set-cookie']].flat().find((c) => c?.startsWith('htm_session=')) ?? '').split(/;\s*/);

const sessionWorks = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).statusCode === 200;

const auditActions = async (userId: string) =>
  (await t.db.owner.selectFrom('audit_events').select('action').where('entity_id', '=', userId).orderBy('id').execute()).map((e) => e.action);

async function withApp(config: Partial<Config>, work: (app: TestApp, tenant: TenantFixture) => Promise<void>) {
  const app = await createTestApp({ config });
  try {
    await work(app, await createTenantFixture(app, 'other'));
  } finally {
    await app.close();
  }
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site, not Secure over plain HTTP', async () => {
    const response = await signIn(t, a.users.htm_manager.email);
    expect(response.statusCode).toBe(200);
    const attributes = sessionCookie(response);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(attributes).not.toContain('Secure');
    const expires = new Date(attributes.find((x) => x.startsWith('Expires='))!.slice('Expires='.length));
    expect(expires.getTime() - Date.now()).toBeGreaterThan((t.config.sessionMaxHours - 1) * 3600_000);
    const body = response.json();
    expect(body).toMatchObject({ user: { email: a.users.htm_manager.email, role: 'htm_manager' }, tenant: { slug: 'alpha' }, csrfToken: expect.any(String) });
    expect(body.permissions).toContain('facility.manage');
    expect(response.body).not.toMatch(/argon2|password/i);
    // Without trustProxy a client cannot claim HTTPS for itself.
    expect(sessionCookie(await signIn(t, a.users.htm_manager.email, PASSWORD, { 'x-forwarded-proto': 'https' }))).not.toContain('Secure');
  });

  it('marks the cookie Secure when configured, or behind a trusted proxy that saw HTTPS', async () => {
    await withApp({ secureCookies: true }, async (app, tenant) => {
      expect(sessionCookie(await signIn(app, tenant.users.admin.email))).toContain('Secure');
    });
    await withApp({ trustProxy: true }, async (app, tenant) => {
      expect(sessionCookie(await signIn(app, tenant.users.admin.email, PASSWORD, { 'x-forwarded-proto': 'https' }))).toContain('Secure');
      expect(sessionCookie(await signIn(app, tenant.users.admin.email))).not.toContain('Secure');
    });
  });

  it('answers a wrong password and an unknown e-mail alike: 401, same message, no cookie', async () => {
    const sessions = await countRows(t.db.owner, 'sessions');
    const wrong = await signIn(t, a.users.security_analyst.email, 'not-the-password');
    const unknown = await signIn(t, 'nobody@alpha.test', 'not-the-password');
    const [wrongProblem, unknownProblem] = [expectProblem(wrong, 401, 'unauthenticated'), expectProblem(unknown, 401, 'unauthenticated')];
    expect(wrongProblem.detail).toBe(unknownProblem.detail);
    expect(wrongProblem.title).toBe(unknownProblem.title);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(await countRows(t.db.owner, 'sessions')).toBe(sessions);
    expect(await auditActions(a.users.security_analyst.id)).toContain('login_failed');
  });

  it('locks the account after loginMaxFailures failures; a password reset by an admin unlocks it and ends its sessions', async () => {
    const user = a.users.clinician;
    const earlier = await login(t, user.email);
    // A problem document as a client reads it, less the request id each answer has of its own.
    const answer = (response: Awaited<ReturnType<typeof signIn>>) => {
      const { requestId, ...rest } = expectProblem(response, 401, 'unauthenticated');
      expect(requestId).toEqual(expect.any(String));
      return rest;
    };
    const wrongPassword = [];
    for (let i = 0; i < t.config.loginMaxFailures; i++) wrongPassword.push(answer(await signIn(t, user.email, 'not-the-password')));
    // Locked: even the right password is refused, and the answer is the wrong password's (nothing about the account).
    const lockedResponse = await signIn(t, user.email);
    const locked = answer(lockedResponse);
    expect(locked).toEqual(wrongPassword[0]);
    expect(locked.detail).toBe('The e-mail address or the password is wrong');
    expect(locked.lockedUntil).toBeUndefined();
    expect(lockedResponse.headers['set-cookie']).toBeUndefined();
    expect(answer(await signIn(t, user.email, 'not-the-password'))).toEqual(wrongPassword[0]);
    const stored = await t.db.owner.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.failed_logins).toBe(t.config.loginMaxFailures);
    expect(stored.locked_until!.getTime() - Date.now()).toBeGreaterThan((t.config.loginLockoutMinutes - 1) * 60_000);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: admin.headers })).json().lockedUntil).toEqual(stored.locked_until!.toISOString());

    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/password`, headers: admin.headers, payload: { password: 'brand-new-password' } });
    expect(reset.statusCode).toBe(204);
    expect(await sessionWorks(earlier.cookie)).toBe(false);
    expect(await countRows(t.db.owner, 'sessions', a.id)).toBeGreaterThan(0);
    expect((await t.db.owner.selectFrom('sessions').where('user_id', '=', user.id).select('id').execute())).toEqual([]);
    const old = expectProblem(await signIn(t, user.email), 401);
    expect(old.lockedUntil).toBeUndefined();
    expect((await signIn(t, user.email, 'brand-new-password')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: admin.headers })).json().lockedUntil).toBeNull();
    // The reset is an update (password_changed_at) plus its own event; the hash itself is never audited.
    const failures = Array<string>(t.config.loginMaxFailures - 1).fill('login_failed');
    expect(await auditActions(user.id)).toEqual(
      ['create', 'login', ...failures, 'login_failed_locked', 'login_refused_locked', 'login_refused_locked', 'update', 'password_reset', 'login_failed', 'login'],
    );
  });

  it('limits sign-in attempts per client: a 429 problem after loginRateLimitPerMinute', async () => {
    await withApp({ loginRateLimitPerMinute: 3 }, async (app, tenant) => {
      expect((await signIn(app, tenant.users.admin.email)).statusCode).toBe(200);
      for (let i = 0; i < 2; i++) expectProblem(await signIn(app, tenant.users.admin.email, 'not-the-password'), 401);
      const limited = await signIn(app, tenant.users.admin.email);
      expectProblem(limited, 429, 'rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.headers['set-cookie']).toBeUndefined();
    });
  });
});

describe('sessions', () => {
  it('ends at logout: the cookie stops working', async () => {
    const session = await login(t, a.users.technician.email);
    expect(await sessionWorks(session.cookie)).toBe(true);
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(logout.statusCode).toBe(204);
    expect(sessionCookie(logout)[0]).toBe('htm_session=');
    expect(await sessionWorks(session.cookie)).toBe(false);
    expect(await t.db.owner.selectFrom('sessions').where('user_id', '=', a.users.technician.id).select('id').execute()).toEqual([]);
    expect(await auditActions(a.users.technician.id)).toContain('logout');
  });

  it('refuses an unsafe request with the cookie but without the right X-CSRF-Token, writing nothing', async () => {
    const other = await login(t, a.users.htm_manager.email);
    const userUrl = `/api/v1/users/${a.users.auditor.id}`;
    for (const csrf of [undefined, 'wrong-token', other.csrf, '']) {
      const headers = { cookie: admin.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) };
      await expectUnchanged(t.db.owner, a.id, async () => {
        expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers, payload: { code: 'CSRF', name: 'Forged' } }), 403, 'forbidden');
        expectProblem(await t.app.inject({ method: 'PATCH', url: userUrl, headers: { ...headers, 'if-match': '"v1"' }, payload: { role: 'admin' } }), 403, 'forbidden');
        expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers, payload: { name: 'Forged', role: 'admin' } }), 403, 'forbidden');
      });
    }
    const honest = await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers: admin.headers, payload: { code: 'CSRF', name: 'Honest' } });
    expect(honest.statusCode).toBe(201);
  });

  it("stop working when the user is deactivated, through the API or directly in the database", async () => {
    const manager = await login(t, a.users.htm_manager.email);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/users/${a.users.htm_manager.id}`, headers: admin.headers });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${a.users.htm_manager.id}`,
      headers: { ...admin.headers, 'if-match': read.headers.etag as string },
      payload: { active: false },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().active).toBe(false);
    expect(await sessionWorks(manager.cookie)).toBe(false);
    expectProblem(await signIn(t, a.users.htm_manager.email), 401, 'unauthenticated');

    const engineer = await login(t, a.users.clinical_engineer.email);
    await t.db.owner.updateTable('users').set({ active: false }).where('id', '=', a.users.clinical_engineer.id).execute();
    expect(await sessionWorks(engineer.cookie)).toBe(false);
  });
});

describe('API tokens', () => {
  const createToken = async (payload: object) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: admin.headers, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; token: string; prefix: string };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('shows a new token once, stores only its hash and never lists it', async () => {
    const created = await createToken({ name: 'Integration', role: 'htm_manager' });
    expect(created.token).toMatch(/^htm_[0-9a-f]{32}_[A-Za-z0-9_-]{40,60}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const secret = created.token.split('_').slice(2).join('_');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: admin.headers });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(created.id);
    expect(list.json().items.every((x: object) => !('token' in x))).toBe(true);
    expect(list.body).not.toContain(secret);
    const row = await sql<{ row: string; token_hash: string }>`select to_jsonb(t)::text as row, token_hash from api_tokens t where id = ${created.id}`.execute(t.db.owner);
    expect(row.rows[0]!.row).not.toContain(secret);
    expect(row.rows[0]!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const audit = await sql<{ text: string }>`select coalesce(string_agg(to_jsonb(e)::text, ''), '') as text from audit_events e`.execute(t.db.owner);
    expect(audit.rows[0]!.text).not.toContain(secret);
  });

  it('authenticates as Bearer without CSRF, records its last use, and stops working once revoked', async () => {
    const created = await createToken({ name: 'Feed', role: 'htm_manager' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/facilities', headers: bearer(created.token) })).statusCode).toBe(200);
    const used = await t.db.owner.selectFrom('api_tokens').select('last_used_at').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers: bearer(created.token), payload: { code: 'FEED', name: 'Fed' } });
    expect(write.statusCode).toBe(201);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${created.id}`, headers: admin.headers });
    expect(revoke.json().revokedAt).toEqual(expect.any(String));
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/facilities', headers: bearer(created.token) }), 401, 'unauthenticated');
    const listed = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/api-tokens${query}`, headers: admin.headers })).json().items.map((x: { id: string }) => x.id);
    expect(await listed('')).not.toContain(created.id);
    expect(await listed('?includeRevoked=true')).toContain(created.id);
  });

  it("is limited by its role: an auditor token reads but cannot write", async () => {
    const { token } = await createToken({ name: 'Auditor feed', role: 'auditor' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(200);
    await expectUnchanged(t.db.owner, a.id, async () => {
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/facilities', headers: bearer(token), payload: { code: 'AUD', name: 'Audited' } }), 403, 'forbidden');
      const patch = { method: 'PATCH' as const, url: `/api/v1/facilities/${a.facilities[0]!.id}`, headers: { ...bearer(token), 'if-match': '"v1"' }, payload: { name: 'x' } };
      expectProblem(await t.app.inject(patch), 403, 'forbidden');
    });
  });

  it('stops working when it expires; an expiry in the past is refused', async () => {
    const { id, token } = await createToken({ name: 'Short-lived', role: 'htm_manager', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/facilities', headers: bearer(token) })).statusCode).toBe(200);
    await t.db.owner.updateTable('api_tokens').set({ expires_at: sql`now() - interval '1 second'` }).where('id', '=', id).execute();
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/facilities', headers: bearer(token) }), 401, 'unauthenticated');
    const past = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: admin.headers, payload: { name: 'Past', role: 'admin', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(expectProblem(past, 400, 'validation').errors?.map((e) => e.path)).toEqual(['/body/expiresAt']);
  });

  it('cannot mint further tokens, even with the admin role', async () => {
    const { token } = await createToken({ name: 'Admin feed', role: 'admin' });
    const mint = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: bearer(token), payload: { name: 'Child', role: 'admin' } });
    expectProblem(mint, 403, 'forbidden');
  });
});

describe('passwords', () => {
  it('are stored as argon2id hashes', async () => {
    const users = await t.db.owner.selectFrom('users').select(['email', 'password_hash']).execute();
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) expect(user.password_hash, user.email).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(users.map((u) => u.password_hash).join()).not.toContain(PASSWORD);
  });
});
