import { describe, expect, it } from 'vitest';
import { assessAemEligibility, DEFAULT_AEM_POLICY, type AemEligibilityInput } from './aem-eligibility.ts';
import { decideStrategy } from './decide-strategy.ts';

const infusionPump: AemEligibilityInput = {
  imaging: false,
  laser: false,
  lawPrescribedMaintenance: false,
  maintenanceHistoryMonths: 36,
  completedPmCount: 3,
  riskAssessmentDocumented: true,
};

describe('assessAemEligibility', () => {
  it('accepts a device type with history and a documented risk assessment', () => {
    expect(assessAemEligibility(infusionPump)).toEqual({ eligible: true, reasons: [] });
  });

  it.each([
    [{ imaging: true }, 'imaging_or_radiologic'],
    [{ laser: true }, 'medical_laser'],
    [{ lawPrescribedMaintenance: true }, 'law_prescribed_maintenance'],
    [{ maintenanceHistoryMonths: 6 }, 'insufficient_maintenance_history'],
    [{ maintenanceHistoryMonths: null }, 'insufficient_maintenance_history'],
    [{ completedPmCount: 0 }, 'insufficient_pm_count'],
    [{ riskAssessmentDocumented: false }, 'no_documented_risk_assessment'],
  ] as const)('refuses %o with %s', (change, code) => {
    const result = assessAemEligibility({ ...infusionPump, ...change });
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([code]);
  });

  it('lists every reason that applies', () => {
    const newCt = { ...infusionPump, imaging: true, maintenanceHistoryMonths: 2, completedPmCount: 0 };
    expect(assessAemEligibility(newCt).reasons.map((r) => r.code)).toEqual([
      'imaging_or_radiologic',
      'insufficient_maintenance_history',
      'insufficient_pm_count',
    ]);
  });

  it('follows a tenant policy for the minimum history', () => {
    const policy = { ...DEFAULT_AEM_POLICY, minimumHistoryMonths: 24, requireDocumentedRiskAssessment: false };
    const input = { ...infusionPump, maintenanceHistoryMonths: 18, riskAssessmentDocumented: false };
    const result = assessAemEligibility(input, policy);
    expect(result.reasons).toEqual([
      { code: 'insufficient_maintenance_history', message: 'New equipment: 18 months of maintenance history, AEM needs at least 24' },
    ]);
  });
});

describe('decideStrategy', () => {
  const stamp = { decidedBy: 'ce-4', decidedAt: '2025-01-15T09:30:00Z' };

  it('stamps an AEM decision for an eligible device type', () => {
    const result = decideStrategy({ strategy: 'aem', eligibility: assessAemEligibility(infusionPump), reason: 'EQ56 assessment 2025-01', ...stamp });
    expect(result).toEqual({ ok: true, decision: { strategy: 'aem', reason: 'EQ56 assessment 2025-01', ...stamp } });
  });

  it('refuses AEM when the device type is not eligible', () => {
    const eligibility = assessAemEligibility({ ...infusionPump, laser: true });
    const result = decideStrategy({ strategy: 'aem', eligibility, reason: 'cost', ...stamp });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { code: 'aem_not_eligible', field: 'strategy', message: 'AEM is not allowed: AEM is not allowed for medical lasers' },
      ]);
    }
  });

  it('refuses AEM without an assessment or reason', () => {
    const result = decideStrategy({ strategy: 'aem', reason: '  ', ...stamp });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['eligibility_not_assessed', 'reason_required']);
  });

  it('accepts the manufacturer strategy without a reason but not without a person and time', () => {
    expect(decideStrategy({ strategy: 'manufacturer', ...stamp })).toEqual({
      ok: true,
      decision: { strategy: 'manufacturer', reason: null, ...stamp },
    });
    const result = decideStrategy({ strategy: 'manufacturer', decidedBy: ' ', decidedAt: 'soon' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['decided_by_required', 'invalid_decided_at']);
  });
});
