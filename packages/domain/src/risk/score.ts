import type {
  EquipmentFunction,
  IncidentHistory,
  MaintenanceRequirement,
  PhysicalRisk,
  RiskComponent,
  RiskPolicy,
} from './policy.ts';

export interface RiskInputs {
  function: EquipmentFunction;
  physicalRisk: PhysicalRisk;
  maintenanceRequirement: MaintenanceRequirement;
  incidentHistory: IncidentHistory;
  /** Life-support equipment even when its function is scored otherwise (e.g. FDA life-sustaining flag). */
  lifeSupport?: boolean;
  /** The infection-control committee flagged the equipment as critical. */
  infectionControlCritical?: boolean;
}

export interface RiskOverride {
  highRisk: boolean;
  reason: string;
  by: string;
  /** ISO 8601 timestamp. */
  at: string;
}

export interface RiskAssessment {
  policyName: string;
  score: number;
  components: Record<RiskComponent, number>;
  inclusionThreshold: number;
  highRiskThreshold: number;
  includedInMaintenanceProgram: boolean;
  highRisk: boolean;
  /** Why the assessment came out as it did, in words a surveyor can read. */
  reasons: string[];
  override?: RiskOverride & { calculatedHighRisk: boolean };
}

function points<K extends string>(table: Record<K, number>, key: K, component: RiskComponent): number {
  const value = table[key];
  if (typeof value !== 'number') {
    throw new RangeError(`Risk policy has no ${component} points for "${key}"`);
  }
  return value;
}

/**
 * Computes the equipment management (EM) number of a device under `policy`, and whether the device
 * is high-risk and belongs in the scheduled-maintenance program. High-risk equipment is always in
 * the program. Throws a RangeError when an input has no points in the policy (validate tenant
 * policies with `validateRiskPolicy` before use).
 */
export function scoreRisk(inputs: RiskInputs, policy: RiskPolicy): RiskAssessment {
  const components: Record<RiskComponent, number> = {
    function: points(policy.points.function, inputs.function, 'function'),
    physicalRisk: points(policy.points.physicalRisk, inputs.physicalRisk, 'physicalRisk'),
    maintenanceRequirement: points(
      policy.points.maintenanceRequirement,
      inputs.maintenanceRequirement,
      'maintenanceRequirement',
    ),
    incidentHistory: points(policy.points.incidentHistory, inputs.incidentHistory, 'incidentHistory'),
  };
  const score =
    components.function + components.physicalRisk + components.maintenanceRequirement + components.incidentHistory;

  const reasons: string[] = [];
  let highRisk = false;
  if (score >= policy.highRiskThreshold) {
    highRisk = true;
    reasons.push(`EM number ${score} is at or above the high-risk threshold ${policy.highRiskThreshold}`);
  }
  const lifeSupport = inputs.function === 'life_support' || inputs.lifeSupport === true;
  if (lifeSupport && policy.options.lifeSupportForcesHighRisk) {
    highRisk = true;
    reasons.push('Life-support equipment is high-risk');
  }
  if (inputs.infectionControlCritical === true && policy.options.infectionControlForcesHighRisk) {
    highRisk = true;
    reasons.push('Equipment critical for infection control is high-risk');
  }

  const meetsInclusion = score >= policy.inclusionThreshold;
  if (meetsInclusion) {
    reasons.push(`EM number ${score} is at or above the inclusion threshold ${policy.inclusionThreshold}`);
  } else if (highRisk) {
    reasons.push('High-risk equipment is in the scheduled-maintenance program whatever its EM number');
  } else {
    reasons.push(`EM number ${score} is below the inclusion threshold ${policy.inclusionThreshold}`);
  }

  return {
    policyName: policy.name,
    score,
    components,
    inclusionThreshold: policy.inclusionThreshold,
    highRiskThreshold: policy.highRiskThreshold,
    includedInMaintenanceProgram: meetsInclusion || highRisk,
    highRisk,
    reasons,
  };
}

export type RiskOverrideResult =
  | { ok: true; assessment: RiskAssessment }
  | { ok: false; problems: Array<{ field: keyof RiskOverride; message: string }> };

/**
 * Records a clinical engineer's decision that overrides the calculated high-risk flag. The reason,
 * the person and the time are required; the calculated value stays on the override for the record.
 */
export function applyRiskOverride(assessment: RiskAssessment, override: RiskOverride): RiskOverrideResult {
  const problems: Array<{ field: keyof RiskOverride; message: string }> = [];
  if (override.reason.trim() === '') problems.push({ field: 'reason', message: 'An override needs a reason' });
  if (override.by.trim() === '') problems.push({ field: 'by', message: 'An override needs the person who made it' });
  if (Number.isNaN(Date.parse(override.at))) {
    problems.push({ field: 'at', message: 'An override needs the time it was made (ISO 8601)' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const calculatedHighRisk = assessment.override?.calculatedHighRisk ?? assessment.highRisk;
  const reason = override.reason.trim();
  return {
    ok: true,
    assessment: {
      ...assessment,
      highRisk: override.highRisk,
      includedInMaintenanceProgram: assessment.score >= assessment.inclusionThreshold || override.highRisk,
      reasons: [
        ...assessment.reasons,
        `Overridden to ${override.highRisk ? 'high-risk' : 'not high-risk'} by ${override.by}: ${reason}`,
      ],
      override: { ...override, reason, calculatedHighRisk },
    },
  };
}
