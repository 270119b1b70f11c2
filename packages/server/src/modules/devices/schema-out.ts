import { Type, type Static } from 'typebox';
import { AEM_INELIGIBILITY_CODES, type AemIneligibilityCode } from '@openhtm/domain';
import {
  DeviceStatusSchema,
  IsoDate,
  IsoDateTime,
  Nullable,
  OutOfServiceReasonSchema,
  OwnershipSchema,
  RiskInputsSchema,
  StrategySchema,
  Uuid,
} from './schema.ts';

const Ref = (description: string) => Type.Object({ id: Uuid, name: Type.String() }, { description });
const FacilityRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }, { description: 'Facility' });
const ModelRef = Type.Object({ id: Uuid, modelNumber: Type.String(), name: Nullable(Type.String()) }, { description: 'Model' });

/** One row of the device list: what a table of devices shows, with the names of what it refers to. */
export const DeviceSummary = Type.Object(
  {
    id: Uuid,
    assetTag: Type.String(),
    serialNumber: Nullable(Type.String()),
    udiDi: Nullable(Type.String({ description: 'Device identifier (DI) part of the UDI' })),
    status: DeviceStatusSchema,
    outOfServiceReason: Nullable(OutOfServiceReasonSchema),
    model: ModelRef,
    manufacturer: Ref('Manufacturer (from the model)'),
    deviceType: Nullable(Ref('Device type (from the model)')),
    facility: FacilityRef,
    department: Nullable(Ref('Department')),
    room: Nullable(Ref('Room')),
    ownership: OwnershipSchema,
    acquisitionDate: Nullable(IsoDate),
    warrantyEnd: Nullable(IsoDate),
    highRisk: Type.Boolean(),
    riskScore: Nullable(Type.Integer({ description: 'Equipment management (EM) number' })),
    maintenanceStrategy: StrategySchema,
    connected: Type.Boolean({ description: 'Has a host name, IP or MAC address' }),
    hostname: Nullable(Type.String()),
    ipAddress: Nullable(Type.String()),
    softwareVersion: Nullable(Type.String()),
    searchScore: Type.Optional(Type.Number({ description: 'With q: 1 for an exact asset tag or serial match, else the trigram similarity (0–1)' })),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: Type.Integer(),
  },
  { $id: 'DeviceSummary' },
);
export type DeviceSummary = Static<typeof DeviceSummary>;

export const DeviceEventOut = Type.Object(
  {
    id: Uuid,
    kind: Type.String({ description: 'status_change, incoming_inspection, risk_assessment, risk_override, strategy_decision, created, imported' }),
    fromStatus: Nullable(Type.String()),
    toStatus: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown()),
    occurredAt: IsoDateTime,
    actor: Type.String({ description: 'Who: e-mail address or token name' }),
  },
  { $id: 'DeviceEvent' },
);
export type DeviceEventOut = Static<typeof DeviceEventOut>;

const RiskOverrideOut = Type.Object({
  highRisk: Type.Boolean(),
  reason: Type.String(),
  by: Type.String(),
  at: IsoDateTime,
  calculatedHighRisk: Type.Boolean({ description: 'What the score said before the override' }),
});

export const RiskOut = Type.Object(
  {
    inputs: Nullable(RiskInputsSchema),
    score: Nullable(Type.Integer({ description: 'EM number under the tenant risk policy' })),
    highRisk: Type.Boolean({ description: 'High-risk equipment (TJC EC.02.04.01), after any override' }),
    includedInMaintenanceProgram: Type.Boolean(),
    policyName: Type.String(),
    reasons: Type.Array(Type.String(), { description: 'Why the assessment came out as it did' }),
    override: Nullable(RiskOverrideOut),
  },
  { description: 'Risk assessment of the device' },
);

export const StrategyOut = Type.Object(
  {
    strategy: StrategySchema,
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(IsoDateTime),
    reason: Nullable(Type.String()),
  },
  { description: 'Maintenance strategy decision, stamped with who and when' },
);

const AemReason = Type.Object({
  code: Type.Unsafe<AemIneligibilityCode>({ type: 'string', enum: [...AEM_INELIGIBILITY_CODES] }),
  message: Type.String(),
});

export const AemEligibilityOut = Type.Object(
  {
    eligible: Type.Boolean({ description: 'AEM may be decided: nothing on record rules it out' }),
    reasons: Type.Array(AemReason, { description: 'Why AEM is not allowed (the rules the record fails); empty when eligible' }),
    decisionMustState: Type.Array(AemReason, {
      description: 'Rules a decision satisfies by what it states: the completed PM count, and the documented basis of a scored device',
    }),
    maintenanceHistoryMonths: Nullable(Type.Integer({ description: 'Months since acquisition or the first passed incoming inspection; null when neither is known' })),
    policy: Type.Object(
      {
        minimumHistoryMonths: Type.Number(),
        minimumCompletedPmCount: Type.Number(),
        requireDocumentedRiskAssessment: Type.Boolean(),
      },
      { description: "The tenant's AEM policy the rules applied" },
    ),
  },
  {
    description:
      "The AEM eligibility rules (CMS S&C 14-07) applied to what is on record: the device type's exclusion (imaging, " +
      'lasers, law-prescribed maintenance), the months of maintenance history, and a risk assessment. The completed PM ' +
      'count and the documented basis are stated with a decision (POST /devices/{id}/strategy), which checks them by ' +
      'the same rules; `policy` and `maintenanceHistoryMonths` let a client check a decision before sending it.',
  },
);

/** The device page: everything about one device in one response. */
export const DeviceDetail = Type.Object(
  {
    id: Uuid,
    assetTag: Type.String(),
    serialNumber: Nullable(Type.String()),
    udi: Nullable(Type.String()),
    udiDi: Nullable(Type.String()),
    status: DeviceStatusSchema,
    outOfServiceReason: Nullable(OutOfServiceReasonSchema),
    allowedTransitions: Type.Array(DeviceStatusSchema, { description: 'Statuses the device may move to next' }),
    hasBeenInService: Type.Boolean(),
    incomingInspectionPassedAt: Nullable(IsoDateTime),
    model: Type.Object({
      id: Uuid,
      modelNumber: Type.String(),
      name: Nullable(Type.String()),
      fdaProductCode: Nullable(Type.String()),
      expectedLifeYears: Nullable(Type.Number()),
      endOfSupport: Nullable(IsoDate),
      ifuUrl: Nullable(Type.String()),
    }),
    manufacturer: Ref('Manufacturer'),
    deviceType: Nullable(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        nomenclatureSystem: Type.String(),
        nomenclatureCode: Nullable(Type.String()),
        lifeSupport: Type.Boolean(),
        aemExclusion: Nullable(Type.String({ description: 'imaging, laser or law: AEM is not allowed' })),
      }),
    ),
    fdaClassification: Nullable(
      Type.Object(
        {
          productCode: Type.String(),
          deviceName: Type.String(),
          deviceClass: Type.String({ description: 'Regulatory device class 1, 2, 3 (U: unclassified, N: not classified, F: HDE)' }),
          regulationNumber: Nullable(Type.String()),
          medicalSpecialty: Nullable(Type.String()),
          lifeSustaining: Type.Boolean(),
          implant: Type.Boolean(),
        },
        { description: "From the model's FDA product code" },
      ),
    ),
    facility: FacilityRef,
    building: Nullable(Ref('Building')),
    department: Nullable(Ref('Department')),
    room: Nullable(Ref('Room')),
    locationNote: Nullable(Type.String()),
    ownership: OwnershipSchema,
    acquisitionDate: Nullable(IsoDate),
    acquisitionCost: Nullable(Type.Number()),
    purchaseOrder: Nullable(Type.String()),
    vendor: Nullable(Ref('Vendor')),
    warrantyEnd: Nullable(IsoDate),
    underWarranty: Type.Boolean(),
    serviceContract: Nullable(Type.String()),
    expectedEndOfLife: Nullable(IsoDate),
    connected: Type.Boolean(),
    hostname: Nullable(Type.String()),
    ipAddress: Nullable(Type.String()),
    macAddress: Nullable(Type.String()),
    operatingSystem: Nullable(Type.String()),
    firmwareVersion: Nullable(Type.String()),
    softwareVersion: Nullable(Type.String()),
    storesPatientData: Type.Boolean(),
    notes: Nullable(Type.String()),
    risk: RiskOut,
    strategy: StrategyOut,
    aemEligibility: AemEligibilityOut,
    attachmentsCount: Type.Integer(),
    recentEvents: Type.Array(DeviceEventOut, { description: 'The latest lifecycle events, newest first (the timeline has them all)' }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: Type.Integer(),
  },
  { $id: 'Device' },
);
export type DeviceDetail = Static<typeof DeviceDetail>;
