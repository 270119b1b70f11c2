import type { Role } from '@openhtm/domain';
import { DEFAULT_RISK_POLICY } from '@openhtm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { errorPaths, expectProblem, expectUnchanged, walkPages } from '../../helpers/http.ts';
import { clientsOf, deviceRow, insertDevice, type Client } from './helpers.ts';

let t: TestApp;
let tenant: TenantFixture;
let as: Record<Role, Client>;

const VENTILATOR = {
  name: 'Ventilator, intensive care',
  nomenclatureSystem: 'UMDNS',
  nomenclatureCode: '17-429',
  riskInputs: { function: 'life_support', physicalRisk: 'patient_death', maintenanceRequirement: 'extensive' },
  lifeSupport: true,
};
const INFUSION_PUMP = {
  name: 'Infusion pump',
  nomenclatureSystem: 'GMDN',
  nomenclatureCode: '13215',
  riskInputs: { function: 'surgical_intensive_care', physicalRisk: 'injury', maintenanceRequirement: 'average', incidentHistory: 'average' },
};
const CT_SCANNER = {
  name: 'CT scanner',
  riskInputs: { function: 'other_monitoring_diagnostic', physicalRisk: 'inappropriate_therapy_misdiagnosis', maintenanceRequirement: 'extensive' },
  aemExclusion: 'imaging',
};
const OTOSCOPE = {
  name: 'Otoscope',
  riskInputs: { function: 'patient_related_other', physicalRisk: 'none', maintenanceRequirement: 'minimal', incidentHistory: 'none' },
};

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'types');
  as = await clientsOf(t, tenant);
});
afterAll(() => t.close());

describe('device types', () => {
  it('are created with their default risk scored by the default (Fennigkoh–Smith) policy', async () => {
    for (const input of [VENTILATOR, INFUSION_PUMP, CT_SCANNER, OTOSCOPE]) {
      const response = await as.clinical_engineer.post('/api/v1/device-types', input);
      expect(response.statusCode, response.body).toBe(201);
      ids[input.name] = response.json().id;
    }
    const ventilator = (await as.technician.get(`/api/v1/device-types/${ids[VENTILATOR.name]}`)).json();
    expect(ventilator).toMatchObject({
      name: 'Ventilator, intensive care',
      nomenclatureSystem: 'UMDNS',
      nomenclatureCode: '17-429',
      riskInputs: { function: 'life_support', physicalRisk: 'patient_death', maintenanceRequirement: 'extensive', incidentHistory: 'average' },
      lifeSupport: true,
      aemExclusion: null,
      defaultRisk: { policyName: DEFAULT_RISK_POLICY.name, score: 20, highRisk: true, includedInMaintenanceProgram: true },
      version: 1,
    });
    const pump = (await as.technician.get(`/api/v1/device-types/${ids[INFUSION_PUMP.name]}`)).json();
    expect(pump.defaultRisk).toMatchObject({ score: 16, components: { function: 9, physicalRisk: 4, maintenanceRequirement: 3, incidentHistory: 0 }, highRisk: true });
    const otoscope = (await as.technician.get(`/api/v1/device-types/${ids[OTOSCOPE.name]}`)).json();
    expect(otoscope.defaultRisk).toMatchObject({ score: 2, highRisk: false, includedInMaintenanceProgram: false });
    expect(otoscope).toMatchObject({ nomenclatureSystem: 'local', nomenclatureCode: null });
  });

  it('name every bad field, refuse a duplicate name, and refuse roles that do not manage reference data', async () => {
    const bad = await expectUnchanged(t.db.owner, tenant.id, () =>
      as.clinical_engineer.post('/api/v1/device-types', {
        name: 'Defibrillator',
        nomenclatureSystem: 'ECRI',
        riskInputs: { function: 'shocking', physicalRisk: 'patient_death', maintenanceRequirement: 'sometimes' },
        aemExclusion: 'xray',
      }),
    );
    expect(errorPaths(expectProblem(bad, 400, 'validation')).sort()).toEqual([
      '/body/aemExclusion',
      '/body/nomenclatureSystem',
      '/body/riskInputs/function',
      '/body/riskInputs/maintenanceRequirement',
    ]);
    expect(errorPaths(expectProblem(await as.clinical_engineer.post('/api/v1/device-types', { name: 'No risk' }), 400, 'validation'))).toEqual(['/body/riskInputs']);
    expect(errorPaths(expectProblem(await as.clinical_engineer.post('/api/v1/device-types', { ...OTOSCOPE, name: 'OTOSCOPE' }), 409, 'conflict'))).toEqual(['/body/name']);
    for (const role of ['technician', 'clinician', 'auditor', 'security_analyst'] as const) {
      expectProblem(await as[role].post('/api/v1/device-types', { ...OTOSCOPE, name: `Otoscope ${role}` }), 403, 'forbidden');
    }
  });

  it('list with filters and a cursor', async () => {
    const names = async (query: string) => (await as.auditor.get(`/api/v1/device-types?${query}`)).json().items.map((d: { name: string }) => d.name);
    expect(await names('')).toEqual(['CT scanner', 'Infusion pump', 'Otoscope', 'Ventilator, intensive care']);
    expect(await names('lifeSupport=true')).toEqual(['Ventilator, intensive care']);
    expect(await names('aemExclusion=imaging')).toEqual(['CT scanner']);
    expect(await names('aemExclusion=none&nomenclatureSystem=GMDN')).toEqual(['Infusion pump']);
    expect(await names('function=patient_related_other')).toEqual(['Otoscope']);
    expect(await names('q=13215')).toEqual(['Infusion pump']);
    expect(await names('q=vent')).toEqual(['Ventilator, intensive care']);
    const all = await walkPages(t.app, as.auditor.headers, '/api/v1/device-types?sort=-createdAt', 500);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/device-types?sort=-createdAt', 1)).toEqual(all);
    expect(errorPaths(expectProblem(await as.auditor.get('/api/v1/device-types?function=shocking'), 400, 'validation'))).toEqual(['/querystring/function']);
  });

  it('change with If-Match; a stale version gets 412, a missing one 428', async () => {
    const url = `/api/v1/device-types/${ids[INFUSION_PUMP.name]}`;
    const read = await as.clinical_engineer.get(url);
    expect(read.headers.etag).toBe('"v1"');
    expectProblem(await as.clinical_engineer.patch(url, { lifeSupport: true }), 428, 'precondition_required');
    const changed = await as.clinical_engineer.patch(url, { riskInputs: { ...INFUSION_PUMP.riskInputs, incidentHistory: 'significant' }, aemExclusion: 'law' }, '"v1"');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, aemExclusion: 'law', defaultRisk: { score: 18 } });
    expect(changed.headers.etag).toBe('"v2"');
    const stale = await expectUnchanged(t.db.owner, tenant.id, () => as.clinical_engineer.patch(url, { name: 'Syringe pump' }, '"v1"'));
    expect(expectProblem(stale, 412, 'precondition_failed').currentVersion).toBe(2);
    expect(errorPaths(expectProblem(await as.clinical_engineer.patch(url, { name: 'ct scanner' }, '"v2"'), 409, 'conflict'))).toEqual(['/body/name']);
    expect(errorPaths(expectProblem(await as.clinical_engineer.patch(url, {}, '"v2"'), 400, 'validation'))).toEqual(['/body']);
  });

  it('renaming a type reaches the search text of its devices', async () => {
    const mfr = (await as.clinical_engineer.post('/api/v1/manufacturers', { name: 'Baxter' })).json();
    const model = (await as.clinical_engineer.post('/api/v1/models', { manufacturerId: mfr.id, modelNumber: 'Sigma Spectrum', deviceTypeId: ids[INFUSION_PUMP.name] })).json();
    const device = await insertDevice(t, tenant.id, { assetTag: 'PUMP-1', modelId: model.id, facilityId: tenant.facilities[0]!.id });
    expect((await deviceRow(t, device)).search_text).toContain('infusion pump');
    const current = (await as.clinical_engineer.get(`/api/v1/device-types/${ids[INFUSION_PUMP.name]}`)).json();
    await as.clinical_engineer.patch(`/api/v1/device-types/${current.id}`, { name: 'Large-volume infusion pump' }, `"v${current.version}"`);
    expect((await deviceRow(t, device)).search_text).toContain('large-volume infusion pump');
  });

  it('are deleted only when no model uses them', async () => {
    const pump = (await as.clinical_engineer.get(`/api/v1/device-types/${ids[INFUSION_PUMP.name]}`)).json();
    expectProblem(await as.clinical_engineer.del(`/api/v1/device-types/${pump.id}`, `"v${pump.version}"`), 409, 'conflict');
    expectProblem(await as.clinical_engineer.del(`/api/v1/device-types/${ids[OTOSCOPE.name]}`, '"v7"'), 412, 'precondition_failed');
    expect((await as.clinical_engineer.del(`/api/v1/device-types/${ids[OTOSCOPE.name]}`, '"v1"')).statusCode).toBe(204);
    expectProblem(await as.auditor.get(`/api/v1/device-types/${ids[OTOSCOPE.name]}`), 404, 'not_found');
  });
});

describe('the tenant risk policy', () => {
  const url = '/api/v1/settings/risk-policy';
  const policy = structuredClone(DEFAULT_RISK_POLICY) as unknown as Record<string, unknown> & { points: Record<string, Record<string, number>> };

  it('is the default until changed, readable by every role', async () => {
    const response = await as.clinician.get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"v0"');
    expect(response.json()).toEqual({ policy: DEFAULT_RISK_POLICY, isDefault: true, defaultPolicy: DEFAULT_RISK_POLICY, version: 0 });
  });

  it('refuses a policy the domain finds unusable, naming each field', async () => {
    const broken = structuredClone(policy);
    delete broken.points.function!.life_support;
    broken.points.physicalRisk!.bogus = 3;
    broken.inclusionThreshold = 100;
    const response = await expectUnchanged(t.db.owner, tenant.id, () => as.clinical_engineer.put(url, broken, '"v0"'));
    expect(errorPaths(expectProblem(response, 400, 'validation')).sort()).toEqual([
      '/body/points/function/life_support',
      '/body/points/physicalRisk/bogus',
    ]);
    const range = expectProblem(await as.clinical_engineer.put(url, { ...policy, inclusionThreshold: 100 }, '"v0"'), 400, 'validation');
    expect(range.errors).toEqual([{ path: '/body/inclusionThreshold', message: expect.stringContaining('out of range') }]);
    expect(errorPaths(expectProblem(await as.clinical_engineer.put(url, { ...policy, options: { lifeSupportForcesHighRisk: 'yes' } }, '"v0"'), 400, 'validation')).sort()).toEqual([
      '/body/options/infectionControlForcesHighRisk',
      '/body/options/lifeSupportForcesHighRisk',
    ]);
  });

  it('is changed with If-Match by risk managers only, and re-scores device types', async () => {
    const stricter = { ...policy, name: 'Riverside EM', inclusionThreshold: 17, highRiskThreshold: 17 };
    expectProblem(await as.technician.put(url, stricter, '"v0"'), 403, 'forbidden');
    expectProblem(await as.auditor.put(url, stricter, '"v0"'), 403, 'forbidden');
    expectProblem(await as.clinical_engineer.put(url, stricter), 428, 'precondition_required');
    const saved = await as.clinical_engineer.put(url, stricter, '"v0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, policy: { name: 'Riverside EM', inclusionThreshold: 17 } });
    expect(saved.headers.etag).toBe('"v1"');
    expect(expectProblem(await as.htm_manager.put(url, policy, '"v0"'), 412, 'precondition_failed').currentVersion).toBe(1);
    const ct = (await as.auditor.get(`/api/v1/device-types/${ids[CT_SCANNER.name]}`)).json();
    expect(ct.defaultRisk).toMatchObject({ policyName: 'Riverside EM', score: 14, highRisk: false, includedInMaintenanceProgram: false });
    const restored = await as.htm_manager.del(url, '"v1"');
    expect(restored.json()).toMatchObject({ isDefault: true, version: 2, policy: { name: DEFAULT_RISK_POLICY.name } });
    expect((await as.auditor.get(`/api/v1/device-types/${ids[CT_SCANNER.name]}`)).json().defaultRisk).toMatchObject({ score: 14, highRisk: true });
  });
});
