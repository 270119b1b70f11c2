import type { Role } from '@openhtm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { countRows, errorPaths, expectProblem, expectUnchanged, walkPages } from '../../helpers/http.ts';
import { clientsOf, type Client } from './helpers.ts';

let t: TestApp;
let tenant: TenantFixture;
let as: Record<Role, Client>;
let vendor: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'vendors');
  as = await clientsOf(t, tenant);
});
afterAll(() => t.close());

describe('vendors', () => {
  it('are created by reference managers and listed with a cursor', async () => {
    const created = await as.htm_manager.post('/api/v1/vendors', {
      name: 'TriMedx Field Services',
      phone: '+1 800 555 0100',
      email: 'service@trimedx.example',
      website: 'https://trimedx.example',
      accountNumber: 'RIV-0042',
      notes: 'Imaging service contract',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'TriMedx Field Services', accountNumber: 'RIV-0042', contactCount: 0, version: 1 });
    vendor = created.json();
    for (const name of ['Agiliti', 'Crothall Healthcare Technology Solutions', 'GE HealthCare Service', 'STERIS', 'Siemens Healthineers', 'aramark']) {
      expect((await as.clinical_engineer.post('/api/v1/vendors', { name })).statusCode).toBe(201);
    }
    // By name whatever the case, and page by page in the same order.
    const names = (await as.auditor.get('/api/v1/vendors')).json().items.map((v: { name: string }) => v.name);
    const byName = ['Agiliti', 'aramark', 'Crothall Healthcare Technology Solutions', 'GE HealthCare Service', 'Siemens Healthineers', 'STERIS', 'TriMedx Field Services'];
    expect(names).toEqual(byName);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/vendors?sort=name', 2)).toEqual(await walkPages(t.app, as.auditor.headers, '/api/v1/vendors?sort=name', 500));
    expect((await as.auditor.get('/api/v1/vendors?q=rIv-00')).json().items.map((v: { name: string }) => v.name)).toEqual(['TriMedx Field Services']);
    expect((await as.technician.get('/api/v1/search?q=trimedx')).json().items).toContainEqual(expect.objectContaining({ kind: 'vendor', title: 'TriMedx Field Services', subtitle: 'RIV-0042' }));
    const all = await walkPages(t.app, as.auditor.headers, '/api/v1/vendors?sort=-createdAt', 500);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/vendors?sort=-createdAt', 1)).toEqual(all);
  });

  it('name every bad field, refuse a duplicate name and roles that do not manage reference data', async () => {
    const bad = await expectUnchanged(t.db.owner, tenant.id, () => as.htm_manager.post('/api/v1/vendors', { name: '', email: 'not-an-email', website: 'nope', discount: 5 }));
    expect(errorPaths(expectProblem(bad, 400, 'validation')).sort()).toEqual(['/body/discount', '/body/email', '/body/name', '/body/website']);
    expect(errorPaths(expectProblem(await as.htm_manager.post('/api/v1/vendors', { name: 'agiliti' }), 409, 'conflict'))).toEqual(['/body/name']);
    for (const role of ['technician', 'clinician', 'auditor', 'security_analyst'] as const) {
      expectProblem(await as[role].post('/api/v1/vendors', { name: `Vendor of ${role}` }), 403, 'forbidden');
    }
  });

  it('have contacts, nested under the vendor', async () => {
    const base = `/api/v1/vendors/${vendor.id}/contacts`;
    const contact = await as.htm_manager.post(base, { name: 'Dana Ortiz', role: 'Field service engineer', phone: '+1 555 0101', email: 'dana@trimedx.example' });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json()).toMatchObject({ vendorId: vendor.id, name: 'Dana Ortiz', role: 'Field service engineer', version: 1 });
    await as.htm_manager.post(base, { name: 'Alex Kim', role: 'Account manager' });
    expect(errorPaths(expectProblem(await as.htm_manager.post(base, { name: 'X', email: 'x' }), 400, 'validation'))).toEqual(['/body/email']);
    expectProblem(await as.technician.post(base, { name: 'Tech' }), 403, 'forbidden');
    const detail = (await as.clinician.get(`/api/v1/vendors/${vendor.id}`)).json();
    expect(detail.contacts.map((c: { name: string }) => c.name)).toEqual(['Alex Kim', 'Dana Ortiz']);
    expect(detail.contactCount).toBe(2);
    expect((await as.clinician.get(base)).json().items).toHaveLength(2);

    const url = `${base}/${contact.json().id}`;
    expectProblem(await as.htm_manager.patch(url, { phone: null }), 428, 'precondition_required');
    const changed = await as.htm_manager.patch(url, { phone: null, role: 'Lead engineer' }, '"v1"');
    expect(changed.json()).toMatchObject({ phone: null, role: 'Lead engineer', version: 2 });
    expect(expectProblem(await as.htm_manager.patch(url, { name: 'Late' }, '"v1"'), 412, 'precondition_failed').currentVersion).toBe(2);
    const other = (await as.auditor.get('/api/v1/vendors?q=agiliti')).json().items[0];
    expectProblem(await as.auditor.get(`/api/v1/vendors/${other.id}/contacts/${contact.json().id}`), 404, 'not_found');
    expectProblem(await as.auditor.get('/api/v1/vendors/00000000-0000-4000-8000-000000000000/contacts'), 404, 'not_found');
    expect((await as.htm_manager.del(url, '"v2"')).statusCode).toBe(204);
    expectProblem(await as.auditor.get(url), 404, 'not_found');
  });

  it('change with If-Match, and are deleted with their contacts', async () => {
    const url = `/api/v1/vendors/${vendor.id}`;
    const changed = await as.htm_manager.patch(url, { notes: null, name: 'TRIMEDX' }, '"v1"');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'TRIMEDX', notes: null, version: 2 });
    expect(expectProblem(await as.htm_manager.patch(url, { notes: 'x' }, '"v1"'), 412, 'precondition_failed').currentVersion).toBe(2);
    expectProblem(await as.htm_manager.patch(url, { name: 'Agiliti' }, '"v2"'), 409, 'conflict');
    expectProblem(await as.htm_manager.del(url), 428, 'precondition_required');
    expect((await as.htm_manager.del(url, '"v2"')).statusCode).toBe(204);
    expect(await countRows(t.db.owner, 'vendor_contacts', tenant.id)).toBe(0);
    expectProblem(await as.auditor.get(url), 404, 'not_found');
    const audit = (await as.auditor.get(`/api/v1/audit-events?entity=vendor&entityId=${vendor.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });
});
