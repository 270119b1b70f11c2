/**
 * The Fennigkoh–Smith equipment management (EM) number as data, from DOMAIN.md §4:
 * EM = function + physical risk + maintenance requirement + incident history.
 * A policy is plain JSON so that a tenant can store and edit its own point tables.
 */

export const EQUIPMENT_FUNCTIONS = [
  'life_support',
  'surgical_intensive_care',
  'physical_therapy_treatment',
  'surgical_icu_monitoring',
  'other_monitoring_diagnostic',
  'analytical_laboratory',
  'laboratory_accessories',
  'computer_related',
  'patient_related_other',
] as const;
export type EquipmentFunction = (typeof EQUIPMENT_FUNCTIONS)[number];

export const PHYSICAL_RISKS = [
  'patient_death',
  'injury',
  'inappropriate_therapy_misdiagnosis',
  'equipment_damage',
  'none',
] as const;
export type PhysicalRisk = (typeof PHYSICAL_RISKS)[number];

export const MAINTENANCE_REQUIREMENTS = [
  'extensive',
  'above_average',
  'average',
  'below_average',
  'minimal',
] as const;
export type MaintenanceRequirement = (typeof MAINTENANCE_REQUIREMENTS)[number];

export const INCIDENT_HISTORIES = ['significant', 'moderate', 'average', 'minimal', 'none'] as const;
export type IncidentHistory = (typeof INCIDENT_HISTORIES)[number];

export const EQUIPMENT_FUNCTION_LABELS: Record<EquipmentFunction, string> = {
  life_support: 'Life support',
  surgical_intensive_care: 'Surgical and intensive care',
  physical_therapy_treatment: 'Physical therapy and treatment',
  surgical_icu_monitoring: 'Surgical and ICU monitoring',
  other_monitoring_diagnostic: 'Other physiological monitoring and diagnostic',
  analytical_laboratory: 'Analytical laboratory',
  laboratory_accessories: 'Laboratory accessories',
  computer_related: 'Computer and related',
  patient_related_other: 'Patient-related and other',
};

export const PHYSICAL_RISK_LABELS: Record<PhysicalRisk, string> = {
  patient_death: 'Patient death',
  injury: 'Patient or operator injury',
  inappropriate_therapy_misdiagnosis: 'Inappropriate therapy or misdiagnosis',
  equipment_damage: 'Equipment damage',
  none: 'No significant risk',
};

export const MAINTENANCE_REQUIREMENT_LABELS: Record<MaintenanceRequirement, string> = {
  extensive: 'Extensive',
  above_average: 'Above average',
  average: 'Average',
  below_average: 'Below average',
  minimal: 'Minimal',
};

export const INCIDENT_HISTORY_LABELS: Record<IncidentHistory, string> = {
  significant: 'Significant',
  moderate: 'Moderate',
  average: 'Average',
  minimal: 'Minimal',
  none: 'None',
};

/** The four point tables of a policy, keyed by the name of the EM component. */
export interface RiskPointTables {
  function: Record<EquipmentFunction, number>;
  physicalRisk: Record<PhysicalRisk, number>;
  maintenanceRequirement: Record<MaintenanceRequirement, number>;
  incidentHistory: Record<IncidentHistory, number>;
}

export type RiskComponent = keyof RiskPointTables;

/** The keys each point table must have, in display order. */
export const RISK_COMPONENT_KEYS: { readonly [C in RiskComponent]: readonly (keyof RiskPointTables[C])[] } = {
  function: EQUIPMENT_FUNCTIONS,
  physicalRisk: PHYSICAL_RISKS,
  maintenanceRequirement: MAINTENANCE_REQUIREMENTS,
  incidentHistory: INCIDENT_HISTORIES,
};

export const RISK_COMPONENT_LABELS: Record<RiskComponent, string> = {
  function: 'Equipment function',
  physicalRisk: 'Physical risk',
  maintenanceRequirement: 'Maintenance requirement',
  incidentHistory: 'Incident history',
};

export interface RiskPolicyOptions {
  /** Life-support equipment is high-risk whatever its score (TJC EC.02.04.01). */
  lifeSupportForcesHighRisk: boolean;
  /** Equipment flagged as critical for infection control is high-risk whatever its score. */
  infectionControlForcesHighRisk: boolean;
}

export interface RiskPolicy {
  name: string;
  points: RiskPointTables;
  /** An EM number at or above this puts the device in the scheduled-maintenance program. */
  inclusionThreshold: number;
  /** An EM number at or above this makes the device high-risk. */
  highRiskThreshold: number;
  options: RiskPolicyOptions;
}

export const DEFAULT_RISK_POLICY: RiskPolicy = {
  name: 'Fennigkoh–Smith (default)',
  points: {
    function: {
      life_support: 10,
      surgical_intensive_care: 9,
      physical_therapy_treatment: 8,
      surgical_icu_monitoring: 7,
      other_monitoring_diagnostic: 6,
      analytical_laboratory: 5,
      laboratory_accessories: 4,
      computer_related: 3,
      patient_related_other: 2,
    },
    physicalRisk: {
      patient_death: 5,
      injury: 4,
      inappropriate_therapy_misdiagnosis: 3,
      equipment_damage: 2,
      none: 1,
    },
    maintenanceRequirement: {
      extensive: 5,
      above_average: 4,
      average: 3,
      below_average: 2,
      minimal: 1,
    },
    incidentHistory: {
      significant: 2,
      moderate: 1,
      average: 0,
      minimal: -1,
      none: -2,
    },
  },
  inclusionThreshold: 12,
  highRiskThreshold: 12,
  options: {
    lifeSupportForcesHighRisk: true,
    infectionControlForcesHighRisk: false,
  },
};

/** The lowest and highest EM number a policy's point tables can produce. */
export function riskScoreRange(points: RiskPointTables): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const table of Object.values(points) as Record<string, number>[]) {
    const values = Object.values(table);
    min += Math.min(...values);
    max += Math.max(...values);
  }
  return { min, max };
}
