import { Type, type Static } from 'typebox';
import { SANITIZATION_METHODS } from '@openhtm/domain';
import {
  DeviceStatusSchema,
  IsoDateTime,
  Nullable,
  OutOfServiceReasonSchema,
  RiskInputsSchema,
  StrategySchema,
  StringEnum,
} from './schema.ts';

export const TransitionBody = Type.Object(
  {
    to: DeviceStatusSchema,
    reason: Type.Optional(
      Nullable(Type.String({ maxLength: 1000, description: 'Why; required to reject, retire or dispose of a device' })),
    ),
    outOfServiceReason: Type.Optional(Nullable(OutOfServiceReasonSchema)),
    sanitization: Type.Optional(
      Type.Object(
        {
          method: StringEnum(SANITIZATION_METHODS, { description: 'NIST SP 800-88 method: clear, purge or destroy' }),
          performedBy: Type.String({ minLength: 1, maxLength: 200, description: 'Who sanitized the device' }),
          performedAt: IsoDateTime,
          attestation: Type.Boolean({ description: 'The person attests that the patient data is gone (must be true)' }),
          certificate: Type.Optional(Type.String({ maxLength: 200, description: 'Certificate or ticket number of the sanitization' })),
        },
        {
          additionalProperties: false,
          description: 'Data-sanitization record; required to dispose of a device that stored patient data',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

const Measured = (description: string) => Type.Optional(Type.Number({ description }));

export const IncomingInspectionBody = Type.Object(
  {
    result: StringEnum(['pass', 'fail'] as const, { description: 'Outcome of the acceptance inspection' }),
    performedAt: IsoDateTime,
    notes: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    electricalSafety: Type.Optional(
      Type.Object(
        {
          passed: Type.Boolean({ description: 'The electrical safety test passed (limits belong to the procedure, not to this API)' }),
          standard: Type.Optional(Type.String({ maxLength: 50, description: 'e.g. IEC 62353, NFPA 99' })),
          appliedPartType: Type.Optional(StringEnum(['B', 'BF', 'CF'] as const, { description: 'Applied part type' })),
          protectiveEarthOhms: Measured('Protective-earth resistance, Ω'),
          insulationMegaohms: Measured('Insulation resistance, MΩ'),
          equipmentLeakageMicroamps: Measured('Equipment (chassis) leakage, µA'),
          patientLeakageMicroamps: Measured('Applied-part (patient) leakage, µA'),
          analyzer: Type.Optional(Type.String({ maxLength: 200, description: 'Safety analyzer used (asset tag or serial)' })),
        },
        { additionalProperties: false, description: 'Electrical safety test results' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type IncomingInspectionBody = Static<typeof IncomingInspectionBody>;

export const RiskBody = Type.Object(
  {
    inputs: Type.Optional(
      Type.Union([RiskInputsSchema, Type.Null()], { description: "The device's own inputs; omit or null to take the device type's again" }),
    ),
  },
  { additionalProperties: false },
);
export type RiskBody = Static<typeof RiskBody>;

export const RiskOverrideBody = Type.Object(
  {
    highRisk: Type.Boolean({ description: 'The decided high-risk flag, whatever the score says' }),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why the calculated value is overridden (required)' }),
  },
  { additionalProperties: false },
);
export type RiskOverrideBody = Static<typeof RiskOverrideBody>;

export const StrategyBody = Type.Object(
  {
    strategy: StrategySchema,
    reason: Type.Optional(
      Nullable(Type.String({ maxLength: 2000, description: 'Documented basis of the decision (required for AEM: the risk assessment per ANSI/AAMI EQ56)' })),
    ),
    completedPmCount: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'Completed scheduled-maintenance (PM) work orders on record for the device, e.g. from the previous system',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StrategyBody = Static<typeof StrategyBody>;
