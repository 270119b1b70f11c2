import { Type, type Static } from 'typebox';
import { EQUIPMENT_FUNCTIONS, INCIDENT_HISTORIES, MAINTENANCE_REQUIREMENTS, PHYSICAL_RISKS } from '@openhtm/domain';

const pointTable = (keys: readonly string[], description: string) =>
  Type.Record(Type.String(), Type.Number(), { description: `${description}: points for each of ${keys.join(', ')}` });

/** A risk policy as the API reads and writes it; completeness and ranges are checked by the domain's validateRiskPolicy. */
export const RiskPolicySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    points: Type.Object({
      function: pointTable(EQUIPMENT_FUNCTIONS, 'Equipment function'),
      physicalRisk: pointTable(PHYSICAL_RISKS, 'Physical risk'),
      maintenanceRequirement: pointTable(MAINTENANCE_REQUIREMENTS, 'Maintenance requirement'),
      incidentHistory: pointTable(INCIDENT_HISTORIES, 'Incident history'),
    }),
    inclusionThreshold: Type.Number({ description: 'An EM number at or above this puts a device in the scheduled-maintenance program' }),
    highRiskThreshold: Type.Number({ description: 'An EM number at or above this makes a device high-risk' }),
    options: Type.Object({
      lifeSupportForcesHighRisk: Type.Boolean({ description: 'Life-support equipment is high-risk whatever its score' }),
      infectionControlForcesHighRisk: Type.Boolean({ description: 'Equipment critical for infection control is high-risk whatever its score' }),
    }),
  },
  { description: 'Equipment management (EM) number policy: Fennigkoh–Smith by default' },
);
export type RiskPolicyBody = Static<typeof RiskPolicySchema>;

export const RiskPolicySettingOut = Type.Object(
  {
    policy: RiskPolicySchema,
    isDefault: Type.Boolean({ description: 'True while the tenant uses the default policy' }),
    defaultPolicy: RiskPolicySchema,
    version: Type.Integer({ description: 'Send as If-Match ("v<version>") to change the policy; 0 before the first change' }),
  },
  { $id: 'RiskPolicySetting' },
);
