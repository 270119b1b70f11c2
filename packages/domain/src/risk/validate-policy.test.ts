import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_POLICY, EQUIPMENT_FUNCTIONS, EQUIPMENT_FUNCTION_LABELS, riskScoreRange } from './policy.ts';
import { isValidRiskPolicy, validateRiskPolicy } from './validate-policy.ts';

function clone(): Record<string, any> {
  return JSON.parse(JSON.stringify(DEFAULT_RISK_POLICY));
}

describe('validateRiskPolicy', () => {
  it('accepts the default policy', () => {
    expect(validateRiskPolicy(DEFAULT_RISK_POLICY)).toEqual([]);
    expect(isValidRiskPolicy(clone())).toBe(true);
  });

  it('rejects a non-object', () => {
    expect(validateRiskPolicy(null)).toEqual([{ path: '', message: 'A risk policy must be an object' }]);
    expect(validateRiskPolicy([])).toHaveLength(1);
  });

  it('reports missing, non-numeric and unknown point keys', () => {
    const policy = clone();
    delete policy.points.function.life_support;
    policy.points.physicalRisk.injury = '4';
    policy.points.incidentHistory.catastrophic = 3;
    const paths = validateRiskPolicy(policy).map((p) => p.path);
    expect(paths).toEqual([
      'points.function.life_support',
      'points.physicalRisk.injury',
      'points.incidentHistory.catastrophic',
    ]);
  });

  it('reports a missing point table', () => {
    const policy = clone();
    delete policy.points.maintenanceRequirement;
    expect(validateRiskPolicy(policy)).toEqual([
      { path: 'points.maintenanceRequirement', message: 'Maintenance requirement points are missing' },
    ]);
  });

  it('reports thresholds outside what the tables can score', () => {
    const policy = clone();
    policy.inclusionThreshold = 40;
    policy.highRiskThreshold = Number.NaN;
    const problems = validateRiskPolicy(policy);
    expect(problems.map((p) => p.path)).toEqual(['inclusionThreshold', 'highRiskThreshold']);
    expect(problems[0]?.message).toContain('from 2 to 22');
  });

  it('reports non-boolean options and a missing name', () => {
    const policy = clone();
    policy.name = '';
    policy.options.lifeSupportForcesHighRisk = 'yes';
    expect(validateRiskPolicy(policy).map((p) => p.path)).toEqual(['name', 'options.lifeSupportForcesHighRisk']);
  });
});

describe('policy tables', () => {
  it('has a label for every function and a default score range of 2..22', () => {
    expect(EQUIPMENT_FUNCTIONS.every((f) => EQUIPMENT_FUNCTION_LABELS[f].length > 0)).toBe(true);
    expect(riskScoreRange(DEFAULT_RISK_POLICY.points)).toEqual({ min: 2, max: 22 });
  });
});
