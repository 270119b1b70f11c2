import {
  applyRiskOverride,
  EQUIPMENT_FUNCTIONS,
  INCIDENT_HISTORIES,
  MAINTENANCE_REQUIREMENTS,
  PHYSICAL_RISKS,
  scoreRisk,
  type RiskAssessment,
  type RiskInputs,
  type RiskOverride,
  type RiskPolicy,
} from '@openhtm/domain';
import type { ModelFacts } from './device-input.ts';

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** Risk inputs as stored on a device (jsonb), or null when they are not complete. */
export function readRiskInputs(stored: unknown): RiskInputs | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  if (
    !oneOf(EQUIPMENT_FUNCTIONS, s.function) ||
    !oneOf(PHYSICAL_RISKS, s.physicalRisk) ||
    !oneOf(MAINTENANCE_REQUIREMENTS, s.maintenanceRequirement) ||
    !oneOf(INCIDENT_HISTORIES, s.incidentHistory)
  ) {
    return null;
  }
  const inputs: RiskInputs = {
    function: s.function,
    physicalRisk: s.physicalRisk,
    maintenanceRequirement: s.maintenanceRequirement,
    incidentHistory: s.incidentHistory,
  };
  if (typeof s.lifeSupport === 'boolean') inputs.lifeSupport = s.lifeSupport;
  if (typeof s.infectionControlCritical === 'boolean') inputs.infectionControlCritical = s.infectionControlCritical;
  return inputs;
}

/**
 * A device's risk inputs default from its device type: function, physical risk, maintenance requirement and
 * incident history, and life support when the type or the model's FDA product code (life-sustaining) says so.
 */
export function defaultRiskInputs(model: ModelFacts): RiskInputs | null {
  const inputs = readRiskInputs({
    function: model.risk_function,
    physicalRisk: model.risk_physical,
    maintenanceRequirement: model.risk_maintenance,
    incidentHistory: model.risk_incident_history ?? 'average',
  });
  if (!inputs) return null;
  if (model.life_support || model.life_sustaining) inputs.lifeSupport = true;
  return inputs;
}

export function readRiskOverride(stored: unknown): (RiskOverride & { calculatedHighRisk: boolean }) | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  if (typeof s.highRisk !== 'boolean' || typeof s.reason !== 'string' || typeof s.by !== 'string' || typeof s.at !== 'string') return null;
  return { highRisk: s.highRisk, reason: s.reason, by: s.by, at: s.at, calculatedHighRisk: s.calculatedHighRisk === true };
}

/** The assessment of stored inputs under a policy, with a stored override applied; null without inputs. */
export function assessDevice(inputs: RiskInputs | null, override: RiskOverride | null, policy: RiskPolicy): RiskAssessment | null {
  if (!inputs) return null;
  const assessment = scoreRisk(inputs, policy);
  if (!override) return assessment;
  const overridden = applyRiskOverride(assessment, override);
  return overridden.ok ? overridden.assessment : assessment;
}

/** The risk columns of a device for an assessment (or for none: no score, not high-risk unless overridden). */
export function riskColumns(inputs: RiskInputs | null, assessment: RiskAssessment | null, override: RiskOverride | null) {
  return {
    risk_inputs: inputs ? JSON.stringify(inputs) : null,
    risk_score: assessment?.score ?? null,
    high_risk: assessment?.highRisk ?? override?.highRisk ?? false,
  };
}
