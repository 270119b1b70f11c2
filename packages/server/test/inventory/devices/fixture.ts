import type { Config } from '../../../src/config.ts';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { createUser } from '../../../src/modules/users/service.ts';
import { createTenantFixture, createTestApp, login, PASSWORD, type Session, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { createDeviceType, createManufacturer, createModel, createSite, createVendor, type Site } from '../../helpers/inventory.ts';

/** A tenant with the reference data device tests share: two manufacturers, three device types, models, sites. */
export interface DeviceWorld {
  t: TestApp;
  tenant: TenantFixture;
  facilityA: string;
  facilityB: string;
  siteA: Site;
  siteB: Site;
  vendorId: string;
  philips: { id: string };
  bd: { id: string };
  infusionPump: { id: string };
  monitor: { id: string };
  ctScanner: { id: string };
  /** BD Alaris infusion pump: high-risk type. */
  pumpModel: { id: string; modelNumber: string };
  /** Philips IntelliVue monitor. */
  monitorModel: { id: string; modelNumber: string };
  /** Philips CT scanner: imaging, AEM excluded. */
  ctModel: { id: string; modelNumber: string };
  sessions: {
    admin: Session;
    engineer: Session;
    technician: Session;
    clinician: Session;
    auditor: Session;
    /** A technician whose facility scope is facility A only. */
    scopedTechnician: Session;
  };
}

export async function createDeviceWorld(slug: string, config: Partial<Config> = {}): Promise<DeviceWorld> {
  const t = await createTestApp({ config });
  const tenant = await createTenantFixture(t, slug);
  const [facilityA, facilityB] = tenant.facilities.map((f) => f.id) as [string, string];
  const philips = await createManufacturer(t, tenant.id, { name: 'Philips' });
  const bd = await createManufacturer(t, tenant.id, { name: 'BD' });
  const infusionPump = await createDeviceType(t, tenant.id, { name: 'Infusion Pump' });
  const monitor = await createDeviceType(t, tenant.id, {
    name: 'Patient Monitor',
    riskFunction: 'surgical_icu_monitoring',
    riskPhysical: 'inappropriate_therapy_misdiagnosis',
    riskMaintenance: 'average',
  });
  const ctScanner = await createDeviceType(t, tenant.id, {
    name: 'CT Scanner',
    riskFunction: 'other_monitoring_diagnostic',
    riskPhysical: 'injury',
    riskMaintenance: 'extensive',
    aemExclusion: 'imaging',
  });
  const pumpModel = await createModel(t, tenant.id, { manufacturerId: bd.id, deviceTypeId: infusionPump.id, modelNumber: '8100', name: 'Alaris Large Volume Pump Module' });
  const monitorModel = await createModel(t, tenant.id, {
    manufacturerId: philips.id,
    deviceTypeId: monitor.id,
    modelNumber: 'MX450',
    name: 'IntelliVue MX450',
    identifiers: [{ deviceIdentifier: '00844588003288' }],
  });
  const ctModel = await createModel(t, tenant.id, { manufacturerId: philips.id, deviceTypeId: ctScanner.id, modelNumber: 'Incisive CT', name: 'Incisive CT' });
  const siteA = await createSite(t, tenant.id, facilityA, { department: 'Intensive Care Unit' });
  const siteB = await createSite(t, tenant.id, facilityB, { department: 'Emergency Department' });
  const vendor = await createVendor(t, tenant.id, 'Medline Industries');
  const scopedEmail = `scoped-tech@${slug}.test`;
  await withTenant(t.db.app, { tenantId: tenant.id, actor: 'test' }, (trx) =>
    createUser(trx, tenant.id, { email: scopedEmail, displayName: 'Scoped technician', role: 'technician', password: PASSWORD, allFacilities: false, facilityIds: [facilityA] }),
  );
  return {
    t,
    tenant,
    facilityA,
    facilityB,
    siteA,
    siteB,
    vendorId: vendor.id,
    philips,
    bd,
    infusionPump,
    monitor,
    ctScanner,
    pumpModel,
    monitorModel,
    ctModel,
    sessions: {
      admin: await login(t, tenant.users.admin.email),
      engineer: await login(t, tenant.users.clinical_engineer.email),
      technician: await login(t, tenant.users.technician.email),
      clinician: await login(t, tenant.users.clinician.email),
      auditor: await login(t, tenant.users.auditor.email),
      scopedTechnician: await login(t, scopedEmail),
    },
  };
}

/** Shorthand for an injected JSON request as a session. */
export function api(w: DeviceWorld, session: Session) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    w.t.app.inject({ method, url: `/api/v1${url}`, headers: { ...session.headers, ...headers }, ...(payload !== undefined && { payload: payload as object }) });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => call('POST', url, payload ?? {}, headers),
    patch: (url: string, payload: unknown, headers?: Record<string, string>) => call('PATCH', url, payload, headers),
    put: (url: string, payload: unknown, headers?: Record<string, string>) => call('PUT', url, payload, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}
