import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from './policy.ts';
import { applyRiskOverride, scoreRisk, type RiskInputs } from './score.ts';

const ventilator: RiskInputs = {
  function: 'life_support',
  physicalRisk: 'patient_death',
  maintenanceRequirement: 'extensive',
  incidentHistory: 'average',
};

const labRefrigerator: RiskInputs = {
  function: 'laboratory_accessories',
  physicalRisk: 'equipment_damage',
  maintenanceRequirement: 'below_average',
  incidentHistory: 'none',
};

describe('scoreRisk', () => {
  it('sums the four Fennigkoh–Smith components', () => {
    const result = scoreRisk(ventilator, DEFAULT_RISK_POLICY);
    expect(result.components).toEqual({ function: 10, physicalRisk: 5, maintenanceRequirement: 5, incidentHistory: 0 });
    expect(result.score).toBe(20);
    expect(result.highRisk).toBe(true);
    expect(result.includedInMaintenanceProgram).toBe(true);
    expect(result.reasons).toContain('Life-support equipment is high-risk');
  });

  it('leaves a low-scoring device out of the program', () => {
    const result = scoreRisk(labRefrigerator, DEFAULT_RISK_POLICY);
    expect(result.score).toBe(4 + 2 + 2 - 2);
    expect(result.highRisk).toBe(false);
    expect(result.includedInMaintenanceProgram).toBe(false);
    expect(result.reasons).toEqual(['EM number 6 is below the inclusion threshold 12']);
  });

  it('puts a device exactly at the threshold in the program', () => {
    const monitor: RiskInputs = {
      function: 'other_monitoring_diagnostic',
      physicalRisk: 'inappropriate_therapy_misdiagnosis',
      maintenanceRequirement: 'average',
      incidentHistory: 'average',
    };
    const result = scoreRisk(monitor, DEFAULT_RISK_POLICY);
    expect(result.score).toBe(12);
    expect(result.includedInMaintenanceProgram).toBe(true);
    expect(result.highRisk).toBe(true);
  });

  it('makes a low-scoring life-support device high-risk and includes it', () => {
    const result = scoreRisk({ ...labRefrigerator, lifeSupport: true }, DEFAULT_RISK_POLICY);
    expect(result.score).toBe(6);
    expect(result.highRisk).toBe(true);
    expect(result.includedInMaintenanceProgram).toBe(true);
  });

  it('ignores the life-support flag when the policy says so', () => {
    const policy: RiskPolicy = { ...DEFAULT_RISK_POLICY, options: { ...DEFAULT_RISK_POLICY.options, lifeSupportForcesHighRisk: false } };
    expect(scoreRisk({ ...labRefrigerator, lifeSupport: true }, policy).highRisk).toBe(false);
  });

  it('applies the infection-control override only when the policy enables it', () => {
    const input = { ...labRefrigerator, infectionControlCritical: true };
    expect(scoreRisk(input, DEFAULT_RISK_POLICY).highRisk).toBe(false);
    const policy: RiskPolicy = { ...DEFAULT_RISK_POLICY, options: { ...DEFAULT_RISK_POLICY.options, infectionControlForcesHighRisk: true } };
    const result = scoreRisk(input, policy);
    expect(result.highRisk).toBe(true);
    expect(result.reasons).toContain('Equipment critical for infection control is high-risk');
  });

  it('uses separate inclusion and high-risk thresholds', () => {
    const policy: RiskPolicy = { ...DEFAULT_RISK_POLICY, highRiskThreshold: 16 };
    const pump: RiskInputs = { function: 'surgical_intensive_care', physicalRisk: 'injury', maintenanceRequirement: 'average', incidentHistory: 'minimal' };
    const result = scoreRisk(pump, policy);
    expect(result.score).toBe(15);
    expect(result.includedInMaintenanceProgram).toBe(true);
    expect(result.highRisk).toBe(false);
  });

  it('throws on an input the policy has no points for', () => {
    expect(() => scoreRisk({ ...ventilator, function: 'teleporter' as never }, DEFAULT_RISK_POLICY)).toThrow(RangeError);
  });

  it('survives a JSON round trip of the policy', () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_RISK_POLICY)) as RiskPolicy;
    expect(scoreRisk(ventilator, stored)).toEqual(scoreRisk(ventilator, DEFAULT_RISK_POLICY));
  });
});

describe('applyRiskOverride', () => {
  const base = scoreRisk(labRefrigerator, DEFAULT_RISK_POLICY);
  const at = '2025-03-01T10:00:00Z';

  it('requires a non-empty reason', () => {
    const result = applyRiskOverride(base, { highRisk: true, reason: '   ', by: 'ce-17', at });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['reason']);
  });

  it('requires who and a valid time', () => {
    const result = applyRiskOverride(base, { highRisk: true, reason: 'used in NICU', by: '', at: 'yesterday' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['by', 'at']);
  });

  it('raises a device to high-risk and into the program, keeping the calculated value', () => {
    const result = applyRiskOverride(base, { highRisk: true, reason: ' used in NICU ', by: 'ce-17', at });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.assessment.highRisk).toBe(true);
    expect(result.assessment.includedInMaintenanceProgram).toBe(true);
    expect(result.assessment.override).toEqual({ highRisk: true, reason: 'used in NICU', by: 'ce-17', at, calculatedHighRisk: false });
    expect(result.assessment.reasons.at(-1)).toBe('Overridden to high-risk by ce-17: used in NICU');
    expect(base.highRisk).toBe(false);
  });

  it('lowering a forced high-risk device keeps it in the program only if its score qualifies', () => {
    const forced = scoreRisk({ ...labRefrigerator, lifeSupport: true }, DEFAULT_RISK_POLICY);
    const result = applyRiskOverride(forced, { highRisk: false, reason: 'flag set in error', by: 'ce-2', at });
    expect(result.ok && result.assessment.includedInMaintenanceProgram).toBe(false);
    const again = result.ok ? applyRiskOverride(result.assessment, { highRisk: true, reason: 'restored', by: 'ce-3', at }) : null;
    expect(again?.ok && again.assessment.override?.calculatedHighRisk).toBe(true);
  });
});
