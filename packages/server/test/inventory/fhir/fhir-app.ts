import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { withTenant, type Trx } from '../../../src/db/tenant-context.ts';
import { DEMO_PASSWORD, DEMO_TENANT, loadDemo } from '../../../src/modules/demo/load-demo.ts';
import { expectValidFhir } from './validate.ts';

export interface FhirFixture {
  t: TestApp;
  tenantId: string;
  /** The demo's administrator (all facilities) and technician (Riverside General only). */
  admin: Session;
  technician: Session;
  other: TenantFixture;
}

/** The real app with the demo health system (a small fleet) and a second tenant. */
export async function createFhirFixture(devices: number): Promise<FhirFixture> {
  const t = await createTestApp();
  await loadDemo(t.db, { devices });
  const tenant = await t.db.owner.selectFrom('tenants').select('id').where('slug', '=', DEMO_TENANT.slug).executeTakeFirstOrThrow();
  const other = await createTenantFixture(t, 'alpha');
  return {
    t,
    tenantId: tenant.id,
    admin: await login(t, 'admin@riverside.example', DEMO_PASSWORD),
    technician: await login(t, 'tech@riverside.example', DEMO_PASSWORD),
    other,
  };
}

/** Rows of the demo tenant, read as the tenant (row-level security applies). */
export function asDemoTenant<T>(f: FhirFixture, work: (trx: Trx) => Promise<T>): Promise<T> {
  return withTenant(f.t.db.app, { tenantId: f.tenantId, actor: 'test' }, work);
}

/** GETs a FHIR URL and checks the FHIR basics: status, media type, a valid resource of the expected type. */
export async function fhirGet(f: FhirFixture, url: string, session: Session | null, status: number, resourceType: string) {
  const response: LightMyRequestResponse = await f.t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
  const body = response.json();
  expect(body.resourceType).toBe(resourceType);
  expectValidFhir(body);
  return body;
}
