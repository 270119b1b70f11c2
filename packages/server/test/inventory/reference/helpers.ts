import type { Role } from '@openhtm/domain';
import { sql } from 'kysely';
import { main } from '../../../src/cli/main.ts';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { login, type Session, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import type { InjectedResponse } from '../../helpers/http.ts';
import { FIXTURES_DIR } from '../../../../../test-support/fixtures.ts';

/** The shared fixtures, read in place. */
export const FIXTURES = `${FIXTURES_DIR}/`;

/** Runs the htm command line against the test app's database; returns its exit code and what it printed. */
export async function htm(t: TestApp, args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as unknown as typeof process.stdout.write;
  try {
    const code = await main(args, { DATABASE_URL: t.db.url, HTM_DATA_DIR: '/tmp/htm-test-data', LOG_LEVEL: 'warn' });
    return { code, output: lines.join('') };
  } finally {
    process.stdout.write = write;
  }
}

export interface Client {
  headers: Record<string, string>;
  get(url: string): Promise<InjectedResponse>;
  post(url: string, payload?: unknown): Promise<InjectedResponse>;
  put(url: string, payload: unknown, etag?: string): Promise<InjectedResponse>;
  patch(url: string, payload: unknown, etag?: string): Promise<InjectedResponse>;
  del(url: string, etag?: string): Promise<InjectedResponse>;
}

/** Requests as one signed-in user; writes send `etag` as If-Match when given. */
export function clientOf(t: TestApp, session: Session): Client {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, etag?: string) =>
    t.app.inject({ method, url, headers: { ...session.headers, ...(etag ? { 'if-match': etag } : {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    headers: session.headers,
    get: (url) => send('GET', url),
    post: (url, payload) => send('POST', url, payload ?? {}),
    put: (url, payload, etag) => send('PUT', url, payload, etag),
    patch: (url, payload, etag) => send('PATCH', url, payload, etag),
    del: (url, etag) => send('DELETE', url, undefined, etag),
  };
}

/** Signs in each role of a fixture tenant. */
export async function clientsOf(t: TestApp, tenant: TenantFixture): Promise<Record<Role, Client>> {
  const clients = {} as Record<Role, Client>;
  for (const [role, user] of Object.entries(tenant.users) as [Role, { email: string }][]) clients[role] = clientOf(t, await login(t, user.email));
  return clients;
}

/** A user limited to the first facility of a fixture tenant, signed in. */
export async function scopedClient(t: TestApp, admin: Client, tenant: TenantFixture, role: Role): Promise<Client> {
  const email = `scoped-${role}@${tenant.slug}.test`;
  const created = await admin.post('/api/v1/users', { email, displayName: email, role, password: 'long-enough-pw', allFacilities: false, facilityIds: [tenant.facilities[0]!.id] });
  if (created.statusCode !== 201) throw new Error(`scoped user: ${created.statusCode} ${created.body}`);
  return clientOf(t, await login(t, email, 'long-enough-pw'));
}

/**
 * A device written straight to the table, as the devices module would (its manufacturer, type and search text
 * from its model): reference-data tests need devices to show that changes reach them.
 */
export async function insertDevice(t: TestApp, tenantId: string, input: { assetTag: string; modelId: string; facilityId: string; serialNumber?: string }): Promise<string> {
  return withTenant(t.db.app, { tenantId, actor: 'test' }, async (trx) => {
    const result = await sql<{ id: string }>`
      insert into devices (tenant_id, asset_tag, serial_number, model_id, manufacturer_id, device_type_id, facility_id, status, search_text)
      select m.tenant_id, ${input.assetTag}, ${input.serialNumber ?? null}, m.id, m.manufacturer_id, m.device_type_id, ${input.facilityId}, 'in_service',
        device_search_text(${input.assetTag}, ${input.serialNumber ?? null}, m.model_number, m.name, f.name, d.name)
      from models m join manufacturers f on f.id = m.manufacturer_id left join device_types d on d.id = m.device_type_id
      where m.id = ${input.modelId}
      returning id`.execute(trx);
    return result.rows[0]!.id;
  });
}

export async function deviceRow(t: TestApp, id: string) {
  return t.db.owner.selectFrom('devices').select(['model_id', 'manufacturer_id', 'device_type_id', 'search_text']).where('id', '=', id).executeTakeFirstOrThrow();
}
