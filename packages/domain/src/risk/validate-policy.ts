import {
  RISK_COMPONENT_KEYS,
  RISK_COMPONENT_LABELS,
  riskScoreRange,
  type RiskComponent,
  type RiskPointTables,
  type RiskPolicy,
} from './policy.ts';

/** One thing wrong with a tenant-supplied risk policy; `path` is dotted, e.g. `points.function.life_support`. */
export interface RiskPolicyProblem {
  path: string;
  message: string;
}

const OPTION_KEYS = ['lifeSupportForcesHighRisk', 'infectionControlForcesHighRisk'] as const;
const THRESHOLD_KEYS = ['inclusionThreshold', 'highRiskThreshold'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function validatePointTable(
  component: RiskComponent,
  table: unknown,
  problems: RiskPolicyProblem[],
): void {
  const path = `points.${component}`;
  if (!isRecord(table)) {
    problems.push({ path, message: `${RISK_COMPONENT_LABELS[component]} points are missing` });
    return;
  }
  const expected: readonly string[] = RISK_COMPONENT_KEYS[component];
  for (const key of expected) {
    if (!(key in table)) {
      problems.push({ path: `${path}.${key}`, message: `No points given for "${key}"` });
    } else if (!isFiniteNumber(table[key])) {
      problems.push({ path: `${path}.${key}`, message: `Points for "${key}" must be a number` });
    }
  }
  for (const key of Object.keys(table)) {
    if (!expected.includes(key)) {
      problems.push({ path: `${path}.${key}`, message: `Unknown ${RISK_COMPONENT_LABELS[component].toLowerCase()} "${key}"` });
    }
  }
}

/**
 * Checks a tenant-supplied risk policy before it is stored: every point table complete and numeric,
 * no unknown keys, thresholds reachable by the point tables, option flags boolean.
 * Returns an empty list when the policy is usable by `scoreRisk`.
 */
export function validateRiskPolicy(policy: unknown): RiskPolicyProblem[] {
  const problems: RiskPolicyProblem[] = [];
  if (!isRecord(policy)) return [{ path: '', message: 'A risk policy must be an object' }];

  if (typeof policy.name !== 'string' || policy.name.trim() === '') {
    problems.push({ path: 'name', message: 'A risk policy needs a name' });
  }

  const points = policy.points;
  if (!isRecord(points)) {
    problems.push({ path: 'points', message: 'Point tables are missing' });
  } else {
    for (const component of Object.keys(RISK_COMPONENT_KEYS) as RiskComponent[]) {
      validatePointTable(component, points[component], problems);
    }
  }
  const tablesValid = !problems.some((p) => p.path.startsWith('points'));
  const range = tablesValid ? riskScoreRange(points as unknown as RiskPointTables) : null;

  for (const key of THRESHOLD_KEYS) {
    const value = policy[key];
    if (!isFiniteNumber(value)) {
      problems.push({ path: key, message: `${key} must be a number` });
    } else if (range && (value < range.min || value > range.max)) {
      problems.push({
        path: key,
        message: `${key} ${value} is out of range: the point tables give scores from ${range.min} to ${range.max}`,
      });
    }
  }

  const options = policy.options;
  if (!isRecord(options)) {
    problems.push({ path: 'options', message: 'Options are missing' });
  } else {
    for (const key of OPTION_KEYS) {
      if (typeof options[key] !== 'boolean') {
        problems.push({ path: `options.${key}`, message: `${key} must be true or false` });
      }
    }
  }
  return problems;
}

/** Narrows an unknown value to a `RiskPolicy` when `validateRiskPolicy` finds no problem. */
export function isValidRiskPolicy(policy: unknown): policy is RiskPolicy {
  return validateRiskPolicy(policy).length === 0;
}
