import { Type, type Static } from 'typebox';
import { EQUIPMENT_FUNCTIONS, INCIDENT_HISTORIES, MAINTENANCE_REQUIREMENTS, PHYSICAL_RISKS } from '@openhtm/domain';
import { DateTime, Nullable, SearchText, Uuid } from '../../http/common-schemas.ts';
import { PageQuery } from '../../http/pagination.ts';

const enumOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const NOMENCLATURE_SYSTEMS = ['UMDNS', 'GMDN', 'local'] as const;
export const AEM_EXCLUSIONS = ['imaging', 'laser', 'law'] as const;

export const NomenclatureSystem = enumOf(NOMENCLATURE_SYSTEMS, 'Coding system of nomenclatureCode (UMDNS and GMDN are licensed; the code is free text)');
export const AemExclusion = Nullable(
  enumOf(AEM_EXCLUSIONS, 'Why AEM is not allowed: imaging/radiologic equipment, medical lasers, or maintenance prescribed by other law'),
);

/** The Fennigkoh–Smith inputs of a device type: what its devices are scored on unless they say otherwise. */
export const RiskInputsSchema = Type.Object(
  {
    function: enumOf(EQUIPMENT_FUNCTIONS, 'Equipment function'),
    physicalRisk: enumOf(PHYSICAL_RISKS, 'Physical risk of a failure'),
    maintenanceRequirement: enumOf(MAINTENANCE_REQUIREMENTS, 'Maintenance requirement'),
    incidentHistory: Type.Optional(enumOf(INCIDENT_HISTORIES, 'Incident history; average unless known')),
  },
  { additionalProperties: false },
);

export const RiskAssessmentOut = Type.Object({
  policyName: Type.String(),
  score: Type.Integer({ description: 'EM number = function + physical risk + maintenance requirement + incident history' }),
  components: Type.Object({
    function: Type.Number(),
    physicalRisk: Type.Number(),
    maintenanceRequirement: Type.Number(),
    incidentHistory: Type.Number(),
  }),
  inclusionThreshold: Type.Number(),
  highRiskThreshold: Type.Number(),
  includedInMaintenanceProgram: Type.Boolean(),
  highRisk: Type.Boolean(),
  reasons: Type.Array(Type.String(), { description: 'Why the assessment came out as it did' }),
});

export const DeviceTypeOut = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    nomenclatureSystem: NomenclatureSystem,
    nomenclatureCode: Nullable(Type.String()),
    riskInputs: Type.Object({
      function: Type.String(),
      physicalRisk: Type.String(),
      maintenanceRequirement: Type.String(),
      incidentHistory: Type.String(),
    }),
    lifeSupport: Type.Boolean(),
    aemExclusion: AemExclusion,
    defaultRisk: RiskAssessmentOut,
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'DeviceType', description: "A kind of device; its default risk is scored with the tenant's risk policy" },
);
export type DeviceTypeOut = Static<typeof DeviceTypeOut>;

export const DeviceTypeCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    nomenclatureSystem: Type.Optional(NomenclatureSystem),
    nomenclatureCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    riskInputs: RiskInputsSchema,
    lifeSupport: Type.Optional(Type.Boolean({ description: 'Life-support equipment is high-risk (TJC EC.02.04.01)' })),
    aemExclusion: Type.Optional(AemExclusion),
  },
  { additionalProperties: false },
);
export type DeviceTypeCreate = Static<typeof DeviceTypeCreate>;

export const DeviceTypeUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    nomenclatureSystem: Type.Optional(NomenclatureSystem),
    nomenclatureCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    riskInputs: Type.Optional(RiskInputsSchema),
    lifeSupport: Type.Optional(Type.Boolean()),
    aemExclusion: Type.Optional(AemExclusion),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DeviceTypeUpdate = Static<typeof DeviceTypeUpdate>;

export const DeviceTypeListQuery = Type.Evaluate(
  Type.Intersect([
    PageQuery,
    Type.Object({
      q: SearchText('Part of the name or the nomenclature code'),
      nomenclatureSystem: Type.Optional(NomenclatureSystem),
      function: Type.Optional(enumOf(EQUIPMENT_FUNCTIONS, 'Only types with this equipment function')),
      lifeSupport: Type.Optional(Type.Boolean()),
      aemExclusion: Type.Optional(enumOf([...AEM_EXCLUSIONS, 'none'], 'Only types with this AEM exclusion; none for types without one')),
    }),
  ]),
);
export type DeviceTypeListQuery = Static<typeof DeviceTypeListQuery>;
