import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../helpers/app.ts';
import { errorPaths, expectProblem, expectUnchanged } from '../helpers/http.ts';

let t: TestApp;
let a: TenantFixture;
let admin: Session;
let clinician: Session;
let facilityUrl: string;

/** Sends a request that must be refused with this status and code, and checks that nothing of the tenant changed. */
async function refused(options: InjectOptions, status: number, code: string) {
  return expectUnchanged(t.db.owner, a.id, async () => expectProblem(await t.app.inject(options), status, code));
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTenantFixture(t, 'alpha');
  admin = await login(t, a.users.admin.email);
  clinician = await login(t, a.users.clinician.email);
  facilityUrl = `/api/v1/facilities/${a.facilities[0]!.id}`;
});
afterAll(() => t.close());

describe('bad input is refused with a problem document and writes nothing', () => {
  it('401 without credentials', async () => {
    await refused({ method: 'POST', url: '/api/v1/facilities', payload: { code: 'NEW', name: 'New' } }, 401, 'unauthenticated');
    await refused({ method: 'GET', url: '/api/v1/users' }, 401, 'unauthenticated');
    await refused({ method: 'GET', url: '/api/v1/users', headers: { authorization: 'Bearer not-a-token' } }, 401, 'unauthenticated');
    await refused({ method: 'GET', url: '/api/v1/users', headers: { cookie: 'htm_session=garbage' } }, 401, 'unauthenticated');
  });

  it('403 when the role may not do it', async () => {
    await refused({ method: 'POST', url: '/api/v1/facilities', headers: clinician.headers, payload: { code: 'NEW', name: 'New' } }, 403, 'forbidden');
    await refused({ method: 'GET', url: '/api/v1/users', headers: clinician.headers }, 403, 'forbidden');
    const auditor = await login(t, a.users.auditor.email);
    await refused({ method: 'PATCH', url: facilityUrl, headers: { ...auditor.headers, 'if-match': '"v1"' }, payload: { name: 'Audited' } }, 403, 'forbidden');
  });

  it('400 naming every bad field of the body', async () => {
    const problem = await refused(
      {
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: { email: 'not-an-email', displayName: '', role: 'wizard', password: 'short', favouriteColour: 'teal' },
      },
      400,
      'validation',
    );
    expect(errorPaths(problem).sort()).toEqual(['/body/displayName', '/body/email', '/body/favouriteColour', '/body/password', '/body/role']);
    expect(problem.errors!.every((e) => e.message.length > 0)).toBe(true);

    const missing = await refused({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { role: 'admin' } }, 400, 'validation');
    expect(errorPaths(missing).sort()).toEqual(['/body/displayName', '/body/email', '/body/password']);
  });

  it('400 naming bad query parameters and path parameters', async () => {
    const query = await refused({ method: 'GET', url: '/api/v1/users?limit=0&role=wizard', headers: admin.headers }, 400, 'validation');
    expect(errorPaths(query).sort()).toEqual(['/querystring/limit', '/querystring/role']);
    const params = await refused({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: admin.headers }, 400, 'validation');
    expect(errorPaths(params)).toEqual(['/params/id']);
  });

  it('404 for an id that does not exist', async () => {
    const id = randomUUID();
    await refused({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin.headers }, 404, 'not_found');
    await refused({ method: 'PATCH', url: `/api/v1/facilities/${id}`, headers: { ...admin.headers, 'if-match': '"v1"' }, payload: { name: 'Ghost' } }, 404, 'not_found');
    await refused({ method: 'POST', url: `/api/v1/users/${id}/password`, headers: admin.headers, payload: { password: 'a-new-password' } }, 404, 'not_found');
    await refused({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: admin.headers }, 404, 'not_found');
  });

  it('412 for a stale or meaningless If-Match, with the current version', async () => {
    const stale = await refused({ method: 'PATCH', url: facilityUrl, headers: { ...admin.headers, 'if-match': '"v7"' }, payload: { name: 'Stale' } }, 412, 'precondition_failed');
    expect(stale.currentVersion).toBe(1);
    const user = await refused(
      { method: 'PATCH', url: `/api/v1/users/${a.users.technician.id}`, headers: { ...admin.headers, 'if-match': '"v0"' }, payload: { displayName: 'Stale' } },
      412,
      'precondition_failed',
    );
    expect(user.currentVersion).toBe(1);
    await refused({ method: 'PATCH', url: facilityUrl, headers: { ...admin.headers, 'if-match': '*' }, payload: { name: 'Any' } }, 412, 'precondition_failed');
  });

  it('428 without If-Match', async () => {
    await refused({ method: 'PATCH', url: facilityUrl, headers: admin.headers, payload: { name: 'Blind' } }, 428, 'precondition_required');
    await refused({ method: 'PATCH', url: `/api/v1/users/${a.users.technician.id}`, headers: admin.headers, payload: { displayName: 'Blind' } }, 428, 'precondition_required');
  });

  it('413 for a body over 1 MiB', async () => {
    const payload = JSON.stringify({ code: 'BIG', name: 'x'.repeat(1024 * 1024) });
    await refused({ method: 'POST', url: '/api/v1/facilities', headers: { ...admin.headers, 'content-type': 'application/json' }, payload }, 413, 'payload_too_large');
  });

  it('400 for a body that is not JSON, 415 for a type the API does not read', async () => {
    const json = { ...admin.headers, 'content-type': 'application/json' };
    await refused({ method: 'POST', url: '/api/v1/facilities', headers: json, payload: '{"code": "BAD", "name":' }, 400, 'validation');
    await refused({ method: 'POST', url: '/api/v1/facilities', headers: json, payload: '' }, 400, 'validation');
    const xml = { ...admin.headers, 'content-type': 'application/xml' };
    await refused({ method: 'POST', url: '/api/v1/facilities', headers: xml, payload: '<facility/>' }, 415, 'unsupported_media_type');
  });

  it('404 for a route that does not exist, signed in or not', async () => {
    await refused({ method: 'GET', url: '/api/v1/no-such-thing' }, 404, 'not_found');
    await refused({ method: 'GET', url: '/api/v1/no-such-thing', headers: admin.headers }, 404, 'not_found');
    await refused({ method: 'POST', url: '/api/v1/no-such-thing', headers: admin.headers, payload: {} }, 404, 'not_found');
    await refused({ method: 'DELETE', url: '/api/v1/facilities', headers: admin.headers }, 404, 'not_found');
    await refused({ method: 'GET', url: '/no-such-page' }, 404, 'not_found');
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id in the header and in problems', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { 'x-request-id': 'trace-42.a_b' } });
    expect(response.headers['x-request-id']).toBe('trace-42.a_b');
    expect(expectProblem(response, 401).requestId).toBe('trace-42.a_b');
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/facilities', headers: { ...admin.headers, 'x-request-id': 'trace-43' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-request-id']).toBe('trace-43');
  });

  it('generates one when it is absent or unusable', async () => {
    const ids = new Set<string>();
    for (const headers of [{}, {}, { 'x-request-id': 'has spaces and <html>' }, { 'x-request-id': 'x'.repeat(65) }]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/health', headers });
      const id = String(response.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(4);
  });
});
