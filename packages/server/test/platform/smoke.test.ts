import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, login, type TenantFixture, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let tenant: TenantFixture;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'alpha');
});
afterAll(() => t.close());

describe('platform smoke', () => {
  it('reports health with the migration version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.database.reachable).toBe(true);
    expect(body.migrations.current).toMatch(/^\d{8}T\d{6}-/);
    expect(body.migrations.pending).toBe(0);
  });

  it('signs in and lists users', async () => {
    const session = await login(t, tenant.users.admin.email);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=3', headers: session.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items).toHaveLength(3);
    expect(body.nextCursor).toEqual(expect.any(String));
    const next = await t.app.inject({ method: 'GET', url: `/api/v1/users?limit=3&cursor=${body.nextCursor}`, headers: session.headers });
    expect(next.json().items.map((u: { id: string }) => u.id)).not.toContain(body.items[0].id);
  });

  it('refuses to let an administrator lock themselves out', async () => {
    const session = await login(t, tenant.users.admin.email);
    const me = await t.app.inject({ method: 'GET', url: `/api/v1/users/${tenant.users.admin.id}`, headers: session.headers });
    for (const body of [{ active: false }, { role: 'auditor' }]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${tenant.users.admin.id}`,
        headers: { ...session.headers, 'if-match': me.headers.etag as string },
        payload: body,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].path).toBe(Object.keys(body)[0] === 'active' ? '/body/active' : '/body/role');
    }
  });

  it('ends a live session only with its CSRF token', async () => {
    const session = await login(t, tenant.users.technician.email);
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(forged.statusCode).toBe(403);
    const still = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers });
    expect(still.statusCode).toBe(200);
    const real = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(real.statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers });
    expect(gone.statusCode).toBe(401);
  });
});

