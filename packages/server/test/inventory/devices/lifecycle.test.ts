import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem, expectUnchanged } from '../../helpers/http.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;

beforeAll(async () => {
  w = await createDeviceWorld('devlife');
});
afterAll(() => w.t.close());

async function newDevice(assetTag: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await api(w, w.sessions.admin).post('/devices', { assetTag, modelId: w.pumpModel.id, facilityId: w.facilityA, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const inspection = (result: 'pass' | 'fail', extra: Record<string, unknown> = {}) => ({
  result,
  performedAt: '2025-05-02T10:00:00Z',
  notes: result === 'pass' ? 'functional and electrical safety OK' : 'occlusion alarm does not trigger',
  electricalSafety: { passed: result === 'pass', standard: 'IEC 62353', appliedPartType: 'CF', protectiveEarthOhms: 0.12, equipmentLeakageMicroamps: 35 },
  ...extra,
});

describe('lifecycle transitions', () => {
  it('walks a new acquisition from request to service and records every step', async () => {
    const id = await newDevice('LIFE-0001', { status: 'requested' });
    const tech = api(w, w.sessions.technician);
    for (const to of ['under_evaluation', 'approved', 'ordered', 'received']) {
      const response = await tech.post(`/devices/${id}/transitions`, { to });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(to);
    }
    const inspected = await tech.post(`/devices/${id}/incoming-inspection`, inspection('pass'));
    expect(inspected.statusCode, inspected.body).toBe(200);
    expect(inspected.json().incomingInspectionPassedAt).toBe('2025-05-02T10:00:00.000Z');
    const inService = await tech.post(`/devices/${id}/transitions`, { to: 'in_service', reason: 'accepted' });
    expect(inService.json()).toMatchObject({ status: 'in_service', hasBeenInService: true });

    const events = await w.t.db.owner
      .selectFrom('device_events')
      .select(['kind', 'from_status', 'to_status', 'reason', 'actor_label'])
      .where('device_id', '=', id)
      .orderBy('occurred_at')
      .orderBy('kind')
      .execute();
    expect(events.map((e) => [e.kind, e.from_status, e.to_status])).toEqual([
      ['created', null, 'requested'],
      ['status_change', 'requested', 'under_evaluation'],
      ['status_change', 'under_evaluation', 'approved'],
      ['status_change', 'approved', 'ordered'],
      ['status_change', 'ordered', 'received'],
      ['incoming_inspection', null, null],
      ['status_change', 'received', 'in_service'],
    ]);
    expect(events.at(-1)).toMatchObject({ reason: 'accepted', actor_label: w.tenant.users.technician.email });
    // The audit trigger records the status change of the device row in the same transaction.
    const audit = await w.t.db.owner.selectFrom('audit_events').select('changes').where('entity', '=', 'device').where('entity_id', '=', id).where('action', '=', 'update').execute();
    expect(audit.some((a) => JSON.stringify(a.changes.status) === JSON.stringify(['received', 'in_service']))).toBe(true);
  });

  it('refuses an illegal transition with 422 listing the allowed statuses, and changes nothing', async () => {
    const id = await newDevice('LIFE-0002', { status: 'requested' });
    const response = await expectUnchanged(w.t.db.owner, w.tenant.id, () => api(w, w.sessions.technician).post(`/devices/${id}/transitions`, { to: 'in_service' }));
    const problem = expectProblem(response, 422, 'unprocessable');
    expect(problem.allowed).toEqual(['under_evaluation', 'rejected']);
    expect(problem.detail).toContain('cannot go from requested to in_service');
    expect(errorPaths(problem)).toEqual(['/body/to']);
  });

  it('requires a passed incoming inspection before the first time in service', async () => {
    const id = await newDevice('LIFE-0003');
    const tech = api(w, w.sessions.technician);
    const early = expectProblem(await tech.post(`/devices/${id}/transitions`, { to: 'in_service' }), 422);
    expect(early.problems).toEqual([{ code: 'incoming_inspection_required', message: expect.stringContaining('incoming') }]);
    expect(early.allowed).toEqual(['in_service', 'out_of_service', 'retired']);

    const failed = await tech.post(`/devices/${id}/incoming-inspection`, inspection('fail'));
    expect(failed.json().incomingInspectionPassedAt).toBeNull();
    expectProblem(await tech.post(`/devices/${id}/transitions`, { to: 'in_service' }), 422);
    const quarantined = await tech.post(`/devices/${id}/transitions`, { to: 'out_of_service', outOfServiceReason: 'quarantined', reason: 'failed acceptance' });
    expect(quarantined.json()).toMatchObject({ status: 'out_of_service', outOfServiceReason: 'quarantined' });
    // Back from quarantine it still needs the passed inspection.
    expectProblem(await tech.post(`/devices/${id}/transitions`, { to: 'in_service' }), 422);
    await tech.post(`/devices/${id}/incoming-inspection`, inspection('pass'));
    const accepted = await tech.post(`/devices/${id}/transitions`, { to: 'in_service' });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('refuses an inspection that passes with a failed electrical safety test, or of a device in service', async () => {
    const id = await newDevice('LIFE-0004');
    const tech = api(w, w.sessions.technician);
    const inconsistent = await tech.post(`/devices/${id}/incoming-inspection`, inspection('pass', { electricalSafety: { passed: false } }));
    expect(errorPaths(expectProblem(inconsistent, 400))).toEqual(['/body/result']);
    const inService = await newDevice('LIFE-0005', { status: 'in_service' });
    expectProblem(await tech.post(`/devices/${inService}/incoming-inspection`, inspection('pass')), 422);
  });

  it('asks for the reasons that matter: out of service needs its reason, retiring needs a why', async () => {
    const id = await newDevice('LIFE-0006', { status: 'in_service' });
    const engineer = api(w, w.sessions.engineer);
    const noReason = await engineer.post(`/devices/${id}/transitions`, { to: 'out_of_service' });
    expect(errorPaths(expectProblem(noReason, 400, 'validation'))).toEqual(['/body/outOfServiceReason']);
    const repair = await engineer.post(`/devices/${id}/transitions`, { to: 'out_of_service', outOfServiceReason: 'repair' });
    expect(repair.statusCode).toBe(200);
    const parts = await engineer.post(`/devices/${id}/transitions`, { to: 'out_of_service', outOfServiceReason: 'awaiting_parts' });
    expect(parts.json().outOfServiceReason).toBe('awaiting_parts');
    const retireWithoutWhy = await engineer.post(`/devices/${id}/transitions`, { to: 'retired' });
    expect(errorPaths(expectProblem(retireWithoutWhy, 400))).toEqual(['/body/reason']);
  });

  it('lets only device.retire roles retire or dispose of a device', async () => {
    const id = await newDevice('LIFE-0007', { status: 'in_service' });
    const byTech = await api(w, w.sessions.technician).post(`/devices/${id}/transitions`, { to: 'retired', reason: 'end of life' });
    expectProblem(byTech, 403, 'forbidden');
    const byEngineer = await api(w, w.sessions.engineer).post(`/devices/${id}/transitions`, { to: 'retired', reason: 'end of life' });
    expect(byEngineer.statusCode, byEngineer.body).toBe(200);
  });

  it('requires a data-sanitization attestation to dispose of a device that stored patient data', async () => {
    const id = await newDevice('LIFE-0008', { status: 'in_service', storesPatientData: true });
    const engineer = api(w, w.sessions.engineer);
    await engineer.post(`/devices/${id}/transitions`, { to: 'retired', reason: 'replaced' });
    const missing = await engineer.post(`/devices/${id}/transitions`, { to: 'disposed', reason: 'scrapped' });
    const problem = expectProblem(missing, 400);
    expect(errorPaths(problem)).toEqual(['/body/sanitization']);
    expect(problem.problems).toEqual([expect.objectContaining({ code: 'sanitization_required' })]);
    const notAttested = await engineer.post(`/devices/${id}/transitions`, {
      to: 'disposed',
      reason: 'scrapped',
      sanitization: { method: 'purge', performedBy: 'J. Lee', performedAt: '2025-06-01T09:00:00Z', attestation: false },
    });
    expect(errorPaths(expectProblem(notAttested, 400))).toEqual(['/body/sanitization/attestation']);
    const sanitization = { method: 'purge', performedBy: 'J. Lee', performedAt: '2025-06-01T09:00:00Z', attestation: true, certificate: 'CERT-99' };
    const disposed = await engineer.post(`/devices/${id}/transitions`, { to: 'disposed', reason: 'scrapped', sanitization });
    expect(disposed.json()).toMatchObject({ status: 'disposed', allowedTransitions: [] });
    const event = await w.t.db.owner.selectFrom('device_events').select(['details', 'reason']).where('device_id', '=', id).where('to_status', '=', 'disposed').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ reason: 'scrapped', details: { sanitization } });
    const afterDisposal = expectProblem(await engineer.post(`/devices/${id}/transitions`, { to: 'in_service' }), 422);
    expect(afterDisposal.allowed).toEqual([]);
  });

  it('honours If-Match on a transition when one is sent', async () => {
    const id = await newDevice('LIFE-0009', { status: 'in_service' });
    const stale = await api(w, w.sessions.technician).post(`/devices/${id}/transitions`, { to: 'out_of_service', outOfServiceReason: 'repair' }, { 'if-match': '"v7"' });
    expect(expectProblem(stale, 412).currentVersion).toBe(1);
  });

  it('hides devices of other facilities from a scoped technician (404), transitions included', async () => {
    const inB = await newDevice('LIFE-0010', { status: 'in_service', facilityId: w.facilityB });
    const scoped = api(w, w.sessions.scopedTechnician);
    expectProblem(await scoped.post(`/devices/${inB}/transitions`, { to: 'out_of_service', outOfServiceReason: 'repair' }), 404);
    expectProblem(await scoped.get(`/devices/${inB}`), 404);
  });
});
