import { DEFAULT_RISK_POLICY } from '@openhtm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { errorPaths, expectProblem } from '../../helpers/http.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;

beforeAll(async () => {
  w = await createDeviceWorld('devrisk');
});
afterAll(() => w.t.close());

async function newDevice(assetTag: string, modelId: string, extra: Record<string, unknown> = {}) {
  const response = await api(w, w.sessions.admin).post('/devices', { assetTag, modelId, facilityId: w.facilityA, status: 'in_service', ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; risk: { score: number; highRisk: boolean; reasons: string[] } };
}

describe('risk assessment', () => {
  it('scores a new device from its device type with the default Fennigkoh–Smith policy', async () => {
    const pump = await newDevice('RISK-0001', w.pumpModel.id);
    // surgical & intensive care 9 + patient death 5 + above average 4 + average history 0.
    expect(pump.risk).toMatchObject({ score: 18, highRisk: true, policyName: DEFAULT_RISK_POLICY.name });
    expect(pump.risk.reasons.join(' ')).toContain('high-risk threshold 12');
  });

  it('rescores with the inputs given, and goes back to the type inputs when none are sent', async () => {
    const device = await newDevice('RISK-0002', w.monitorModel.id);
    const engineer = api(w, w.sessions.engineer);
    const own = await engineer.put(`/devices/${device.id}/risk`, {
      inputs: { function: 'patient_related_other', physicalRisk: 'none', maintenanceRequirement: 'minimal', incidentHistory: 'none' },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().risk).toMatchObject({ score: 2, highRisk: false, includedInMaintenanceProgram: false });
    const back = await engineer.put(`/devices/${device.id}/risk`, {});
    expect(back.json().risk).toMatchObject({ score: 13, highRisk: true, inputs: { function: 'surgical_icu_monitoring' } });
    const kinds = await w.t.db.owner.selectFrom('device_events').select('kind').where('device_id', '=', device.id).execute();
    expect(kinds.filter((k) => k.kind === 'risk_assessment')).toHaveLength(2);
  });

  it('uses the tenant risk policy when one is set', async () => {
    await withTenant(w.t.db.app, { tenantId: w.tenant.id, actor: 'test' }, (trx) =>
      trx.insertInto('tenant_settings').values({ tenant_id: w.tenant.id, risk_policy: JSON.stringify({ ...DEFAULT_RISK_POLICY, name: 'Strict', highRiskThreshold: 19 }) }).execute(),
    );
    try {
      const pump = await newDevice('RISK-0003', w.pumpModel.id);
      expect(pump.risk).toMatchObject({ score: 18, highRisk: false, policyName: 'Strict' });
    } finally {
      await w.t.db.owner.deleteFrom('tenant_settings').where('tenant_id', '=', w.tenant.id).execute();
    }
  });

  it('overrides the high-risk flag with a reason, stamped with who and when, and can remove the override', async () => {
    const device = await newDevice('RISK-0004', w.monitorModel.id);
    const engineer = api(w, w.sessions.engineer);
    const noReason = await engineer.post(`/devices/${device.id}/risk-override`, { highRisk: false, reason: '' });
    expect(errorPaths(expectProblem(noReason, 400))).toEqual(['/body/reason']);
    expectProblem(await api(w, w.sessions.technician).post(`/devices/${device.id}/risk-override`, { highRisk: false, reason: 'x' }), 403);

    const overridden = await engineer.post(`/devices/${device.id}/risk-override`, { highRisk: false, reason: 'Used only as a spare in the sim lab' });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json().risk).toMatchObject({
      highRisk: false,
      score: 13,
      override: { highRisk: false, reason: 'Used only as a spare in the sim lab', by: w.tenant.users.clinical_engineer.email, calculatedHighRisk: true },
    });
    expect(Date.now() - Date.parse(overridden.json().risk.override.at)).toBeLessThan(60_000);
    // Reassessing keeps the override in force.
    const reassessed = await engineer.put(`/devices/${device.id}/risk`, {});
    expect(reassessed.json().risk.highRisk).toBe(false);
    const removed = await engineer.delete(`/devices/${device.id}/risk-override`);
    expect(removed.json().risk).toMatchObject({ highRisk: true, override: null });
    const list = await engineer.get(`/devices?highRisk=true&q=RISK-0004`);
    expect(list.json().items[0]).toMatchObject({ assetTag: 'RISK-0004', highRisk: true, searchScore: 1 });
  });
});

describe('maintenance strategy', () => {
  it('refuses AEM for imaging equipment, listing every reason', async () => {
    const ct = await newDevice('RISK-CT-1', w.ctModel.id, { acquisitionDate: '2015-01-10' });
    const response = await api(w, w.sessions.engineer).post(`/devices/${ct.id}/strategy`, {
      strategy: 'aem',
      reason: 'EQ56 risk assessment 2024-11',
      completedPmCount: 20,
    });
    const problem = expectProblem(response, 422, 'unprocessable');
    expect(problem.reasons).toEqual([expect.objectContaining({ code: 'imaging_or_radiologic' })]);
    expect(problem.detail).toContain('imaging');
    const device = await api(w, w.sessions.engineer).get(`/devices/${ct.id}`);
    expect(device.json().strategy).toMatchObject({ strategy: 'manufacturer', decidedBy: null });
  });

  it('refuses AEM for new equipment without enough history or PMs, and without a documented basis', async () => {
    const pump = await newDevice('RISK-NEW-1', w.pumpModel.id, { acquisitionDate: new Date().toISOString().slice(0, 10) });
    const response = await api(w, w.sessions.engineer).post(`/devices/${pump.id}/strategy`, { strategy: 'aem' });
    const problem = expectProblem(response, 422);
    expect((problem.reasons as { code: string }[]).map((r) => r.code)).toEqual(['insufficient_maintenance_history', 'insufficient_pm_count', 'no_documented_risk_assessment']);
  });

  it('shows on the device page whether AEM is allowed and why not, as the decision will judge it', async () => {
    interface Eligibility {
      eligible: boolean;
      reasons: { code: string; message: string }[];
      decisionMustState: { code: string; message: string }[];
      maintenanceHistoryMonths: number | null;
      policy: { minimumHistoryMonths: number; minimumCompletedPmCount: number; requireDocumentedRiskAssessment: boolean };
    }
    const engineer = api(w, w.sessions.engineer);
    const eligibilityOf = async (id: string) => (await engineer.get(`/devices/${id}`)).json().aemEligibility as Eligibility;
    const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

    const ct = await newDevice('RISK-CT-2', w.ctModel.id, { acquisitionDate: '2015-01-10' });
    const ctEligibility = await eligibilityOf(ct.id);
    expect(ctEligibility).toMatchObject({ eligible: false, policy: { minimumHistoryMonths: 12, minimumCompletedPmCount: 1, requireDocumentedRiskAssessment: true } });
    expect(codes(ctEligibility.reasons)).toEqual(['imaging_or_radiologic']);
    expect(ctEligibility.reasons[0]!.message).toContain('imaging');
    expect(ctEligibility.maintenanceHistoryMonths).toBeGreaterThan(100);

    const newPump = await newDevice('RISK-NEW-2', w.pumpModel.id, { acquisitionDate: new Date().toISOString().slice(0, 10) });
    const newEligibility = await eligibilityOf(newPump.id);
    expect(newEligibility).toMatchObject({ eligible: false, maintenanceHistoryMonths: 0 });
    expect(codes(newEligibility.reasons)).toEqual(['insufficient_maintenance_history']);
    const undated = await eligibilityOf((await newDevice('RISK-NODATE-1', w.pumpModel.id)).id);
    expect(undated).toMatchObject({ eligible: false, maintenanceHistoryMonths: null, reasons: [expect.objectContaining({ code: 'insufficient_maintenance_history' })] });

    // Eligible on record: the decision still states the PM count and the documented basis, and then AEM is accepted.
    const oldPump = await newDevice('RISK-OLD-1', w.pumpModel.id, { acquisitionDate: '2019-06-01' });
    const oldEligibility = await eligibilityOf(oldPump.id);
    expect(oldEligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(codes(oldEligibility.decisionMustState)).toEqual(['insufficient_pm_count', 'no_documented_risk_assessment']);
    const decided = await engineer.post(`/devices/${oldPump.id}/strategy`, { strategy: 'aem', reason: 'EQ56 assessment on file', completedPmCount: 4 });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().aemEligibility).toMatchObject({ eligible: true, reasons: [], decisionMustState: [expect.objectContaining({ code: 'insufficient_pm_count' })] });

    // The tenant's AEM policy decides, on the page as in the decision.
    await withTenant(w.t.db.app, { tenantId: w.tenant.id, actor: 'test' }, (trx) =>
      trx.insertInto('tenant_settings').values({ tenant_id: w.tenant.id, aem_policy: JSON.stringify({ minimumHistoryMonths: 1200 }) }).execute(),
    );
    try {
      const strict = await eligibilityOf(oldPump.id);
      expect(strict).toMatchObject({ eligible: false, policy: { minimumHistoryMonths: 1200, minimumCompletedPmCount: 1 } });
      expect(codes(strict.reasons)).toEqual(['insufficient_maintenance_history']);
      const refused = expectProblem(await engineer.post(`/devices/${oldPump.id}/strategy`, { strategy: 'aem', reason: 'x', completedPmCount: 4 }), 422);
      expect(codes(refused.reasons as { code: string }[])).toEqual(['insufficient_maintenance_history']);
    } finally {
      await w.t.db.owner.deleteFrom('tenant_settings').where('tenant_id', '=', w.tenant.id).execute();
    }
  });

  it('accepts AEM for an eligible device and stamps the decision with who and when', async () => {
    const pump = await newDevice('RISK-AEM-1', w.pumpModel.id, { acquisitionDate: '2019-06-01' });
    const engineer = api(w, w.sessions.engineer);
    expectProblem(await api(w, w.sessions.technician).post(`/devices/${pump.id}/strategy`, { strategy: 'aem', reason: 'x' }), 403);
    const response = await engineer.post(`/devices/${pump.id}/strategy`, { strategy: 'aem', reason: 'EQ56 assessment: failure history low', completedPmCount: 5 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().strategy).toMatchObject({ strategy: 'aem', decidedBy: w.tenant.users.clinical_engineer.email, reason: 'EQ56 assessment: failure history low' });
    const back = await engineer.post(`/devices/${pump.id}/strategy`, { strategy: 'manufacturer' });
    expect(back.json().strategy).toMatchObject({ strategy: 'manufacturer', reason: null });
    const events = await w.t.db.owner.selectFrom('device_events').select(['kind', 'details']).where('device_id', '=', pump.id).where('kind', '=', 'strategy_decision').execute();
    expect(events.map((e) => e.details.strategy)).toEqual(expect.arrayContaining(['aem', 'manufacturer']));
    const aemList = await engineer.get('/devices?strategy=aem');
    expect(aemList.json().items.map((d: { assetTag: string }) => d.assetTag)).not.toContain('RISK-AEM-1');
  });
});
