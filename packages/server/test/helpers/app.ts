import type { Role } from '@openhtm/domain';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { withTenant } from '../../src/db/tenant-context.ts';
import type { JobRunner } from '../../src/jobs/runner.ts';
import { createTenant } from '../../src/modules/tenants/service.ts';
import { createUser } from '../../src/modules/users/service.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const PASSWORD = 'correct-horse-battery';

export interface TestApp {
  app: App;
  db: TestDatabase['databases'];
  config: Config;
  close(): Promise<void>;
}

/** The real application on this file's own database, driven through Fastify's inject (the full HTTP pipeline). */
export async function createTestApp(options: { config?: Partial<Config>; jobs?: (db: TestDatabase['databases'], config: Config) => Promise<JobRunner> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ HTM_DATA_DIR: '/tmp/htm-test-data', HTM_PRETTY_LOGS: 'false' }, options.config);
  const jobs = options.jobs ? await options.jobs(database.databases, config) : null;
  const app = await buildApp({ config, db: database.databases, jobs });
  return {
    app,
    db: database.databases,
    config,
    close: async () => {
      await app.close();
      await jobs?.stop();
      await database.drop();
    },
  };
}

export interface TenantFixture {
  id: string;
  slug: string;
  facilities: { id: string; code: string }[];
  users: Record<Role, { id: string; email: string }>;
}

const ROLE_LIST: Role[] = ['admin', 'htm_manager', 'clinical_engineer', 'technician', 'clinician', 'security_analyst', 'auditor'];

/** A tenant with two facilities and one user per role (password PASSWORD). */
export async function createTenantFixture(t: TestApp, slug: string): Promise<TenantFixture> {
  const tenant = await createTenant(t.db.owner, { slug, name: `${slug} health` });
  return withTenant(t.db.app, { tenantId: tenant.id, actor: 'test' }, async (trx) => {
    const facilities = await trx
      .insertInto('facilities')
      .values([
        { tenant_id: tenant.id, code: `${slug.toUpperCase()}-A`, name: `${slug} General` },
        { tenant_id: tenant.id, code: `${slug.toUpperCase()}-B`, name: `${slug} Clinic` },
      ])
      .returning(['id', 'code'])
      .execute();
    const users = {} as TenantFixture['users'];
    for (const role of ROLE_LIST) {
      const user = await createUser(trx, tenant.id, { email: `${role}@${slug}.test`, displayName: `${role} of ${slug}`, role, password: PASSWORD });
      users[role] = { id: user.id, email: user.email };
    }
    return { id: tenant.id, slug, facilities, users };
  });
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'htm_session');
  if (!setCookie) throw new Error('login set no session cookie');
  const cookie = `htm_session=${setCookie.value}`;
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
