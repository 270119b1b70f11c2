import { describe, expect, it } from 'vitest';
import { checkInitialStatus, checkTransition, type LifecycleDevice } from './check-transition.ts';
import { DEVICE_STATUSES, DEVICE_STATUS_META, DEVICE_STATUS_TRANSITIONS, allowedTransitions } from './statuses.ts';

const device = (over: Partial<LifecycleDevice> = {}): LifecycleDevice => ({
  status: 'in_service',
  incomingInspectionPassed: true,
  storesPatientData: false,
  ...over,
});

const sanitization = {
  method: 'purge' as const,
  performedBy: 'bmet-9',
  performedAt: '2025-05-02T14:00:00Z',
  attestation: true as const,
};

function codes(result: ReturnType<typeof checkTransition>): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('transition table', () => {
  it('walks the acquisition path to service', () => {
    const path = ['requested', 'under_evaluation', 'approved', 'ordered', 'received', 'in_service'] as const;
    for (let i = 0; i + 1 < path.length; i++) {
      expect(allowedTransitions(path[i]!)).toContain(path[i + 1]);
    }
  });

  it('marks exactly the statuses without exits as terminal, and only targets known statuses', () => {
    for (const status of DEVICE_STATUSES) {
      expect(DEVICE_STATUS_META[status].terminal).toBe(DEVICE_STATUS_TRANSITIONS[status].length === 0);
      for (const to of DEVICE_STATUS_TRANSITIONS[status]) expect(DEVICE_STATUSES).toContain(to);
    }
  });
});

describe('checkTransition', () => {
  it('accepts an allowed transition', () => {
    expect(checkTransition(device({ status: 'requested' }), 'under_evaluation')).toEqual({ ok: true });
  });

  it('refuses a transition that is not in the table and lists the allowed ones', () => {
    const result = checkTransition(device({ status: 'ordered' }), 'in_service');
    expect(result).toEqual({
      ok: false,
      allowed: ['received'],
      problems: [{ code: 'transition_not_allowed', field: 'status', message: 'A device cannot go from ordered to in_service (allowed: received)' }],
    });
  });

  it('says when nothing leaves a terminal status', () => {
    const result = checkTransition(device({ status: 'disposed' }), 'in_service');
    expect(result.ok ? '' : result.problems[0]?.message).toContain('no transition leaves this status');
    expect(result.ok ? null : result.allowed).toEqual([]);
  });

  it('requires a reason to reject, retire or dispose', () => {
    expect(codes(checkTransition(device({ status: 'under_evaluation' }), 'rejected'))).toEqual(['reason_required']);
    expect(codes(checkTransition(device(), 'retired', { reason: '  ' }))).toEqual(['reason_required']);
    expect(codes(checkTransition(device({ status: 'retired' }), 'disposed'))).toEqual(['reason_required']);
    expect(checkTransition(device(), 'retired', { reason: 'end of support' })).toEqual({ ok: true });
  });

  it('requires a valid out-of-service reason', () => {
    expect(codes(checkTransition(device(), 'out_of_service', { reason: 'broken' }))).toEqual(['out_of_service_reason_required']);
    expect(codes(checkTransition(device(), 'out_of_service', { outOfServiceReason: 'lost' }))).toEqual(['invalid_out_of_service_reason']);
    expect(checkTransition(device(), 'out_of_service', { outOfServiceReason: 'recalled' })).toEqual({ ok: true });
  });

  it('changes the out-of-service reason but not to the same one', () => {
    const inRepair = device({ status: 'out_of_service', outOfServiceReason: 'repair' });
    expect(checkTransition(inRepair, 'out_of_service', { outOfServiceReason: 'awaiting_parts' })).toEqual({ ok: true });
    expect(codes(checkTransition(inRepair, 'out_of_service', { outOfServiceReason: 'repair' }))).toEqual(['transition_not_allowed']);
  });

  it('requires a passed incoming inspection before the first time in service', () => {
    const received = device({ status: 'received', incomingInspectionPassed: false });
    const result = checkTransition(received, 'in_service');
    expect(codes(result)).toEqual(['incoming_inspection_required']);
    expect(result.ok ? null : result.allowed).toEqual(['in_service', 'out_of_service', 'retired']);
    expect(checkTransition({ ...received, incomingInspectionPassed: true }, 'in_service')).toEqual({ ok: true });
  });

  it('requires the inspection when a device that failed acceptance comes back from quarantine', () => {
    const quarantined = device({ status: 'out_of_service', incomingInspectionPassed: false });
    expect(codes(checkTransition(quarantined, 'in_service'))).toEqual(['incoming_inspection_required']);
    expect(checkTransition({ ...quarantined, hasBeenInService: true }, 'in_service')).toEqual({ ok: true });
  });

  it('requires a sanitization record to dispose of a device that stored patient data', () => {
    const retired = device({ status: 'retired', storesPatientData: true });
    expect(codes(checkTransition(retired, 'disposed', { reason: 'scrapped' }))).toEqual(['sanitization_required']);
    expect(checkTransition(retired, 'disposed', { reason: 'scrapped', sanitization })).toEqual({ ok: true });
    expect(checkTransition({ ...retired, storesPatientData: false }, 'disposed', { reason: 'scrapped' })).toEqual({ ok: true });
  });

  it('names each missing part of the sanitization record', () => {
    const retired = device({ status: 'retired', storesPatientData: true });
    const result = checkTransition(retired, 'disposed', {
      reason: 'sold',
      sanitization: { method: 'wipe' as never, performedBy: '', performedAt: 'last week', attestation: false },
    });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual([
      'sanitization.method',
      'sanitization.performedBy',
      'sanitization.performedAt',
      'sanitization.attestation',
    ]);
  });
});

describe('checkInitialStatus', () => {
  it('allows imports as received, in service or out of service', () => {
    expect(checkInitialStatus('requested')).toEqual({ ok: true });
    expect(checkInitialStatus('in_service')).toEqual({ ok: true });
    expect(checkInitialStatus('out_of_service', { outOfServiceReason: 'repair' })).toEqual({ ok: true });
    expect(codes(checkInitialStatus('out_of_service'))).toEqual(['out_of_service_reason_required']);
  });

  it('refuses to create a device as disposed', () => {
    const result = checkInitialStatus('disposed', { reason: 'x' });
    expect(codes(result)).toEqual(['not_an_initial_status']);
    expect(result.ok ? null : result.allowed).toEqual(['requested', 'received', 'in_service', 'out_of_service']);
  });
});
