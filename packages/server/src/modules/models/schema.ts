import { Type, type Static } from 'typebox';
import { DateOnly, DateTime, Nullable, SearchText, Uuid } from '../../http/common-schemas.ts';
import { PageQuery } from '../../http/pagination.ts';

export const ISSUING_AGENCIES = ['GS1', 'HIBCC', 'ICCBBA'] as const;
export const IDENTIFIER_KINDS = ['primary', 'package', 'secondary', 'unit_of_use', 'direct_marking'] as const;
export const MODEL_SOURCES = ['manual', 'gudid', 'import', 'demo'] as const;

const IssuingAgency = Type.Unsafe<(typeof ISSUING_AGENCIES)[number]>({ type: 'string', enum: [...ISSUING_AGENCIES], description: 'UDI issuing agency' });
const IdentifierKind = Type.Unsafe<(typeof IDENTIFIER_KINDS)[number]>({
  type: 'string',
  enum: [...IDENTIFIER_KINDS],
  description: 'primary DI, package DI, secondary DI (another agency), unit-of-use DI, or direct-marking DI (GUDID identifier types)',
});
const FdaProductCode = Type.String({ pattern: '^[A-Z0-9]{3}$', description: 'Three-letter FDA product code, e.g. FRN (infusion pump)' });

/** One scheduled maintenance activity the manufacturer recommends for the model. */
export const MaintenanceActivity = Type.Object(
  {
    activity: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. "Electrical safety test", "Preventive maintenance"' }),
    intervalMonths: Type.Integer({ minimum: 1, maximum: 120, description: 'How often, in months (12 = annual)' }),
    procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Procedure or IFU section to follow' })),
  },
  { additionalProperties: false },
);
export type MaintenanceActivity = Static<typeof MaintenanceActivity>;

export const IdentifierIn = Type.Object(
  {
    issuingAgency: IssuingAgency,
    deviceIdentifier: Type.String({ minLength: 1, maxLength: 50, description: 'The UDI device identifier (DI), e.g. a GTIN-14 for GS1' }),
    kind: Type.Optional(IdentifierKind),
  },
  { additionalProperties: false },
);
export type IdentifierIn = Static<typeof IdentifierIn>;

export const IdentifierOut = Type.Object({
  id: Uuid,
  issuingAgency: IssuingAgency,
  deviceIdentifier: Type.String(),
  kind: IdentifierKind,
  checkDigitValid: Type.Boolean({ description: "False when the DI fails its agency's check (GS1 check digit, HIBCC structure); such DIs come only from imports" }),
});

export const FdaClassificationOut = Type.Object({
  productCode: Type.String(),
  deviceName: Type.String(),
  deviceClass: Type.String({ description: '1, 2, 3 (class I–III), U unclassified, N not classified, F HDE' }),
  deviceClassLabel: Type.String(),
  regulationNumber: Nullable(Type.String()),
  medicalSpecialty: Nullable(Type.String()),
  implant: Type.Boolean(),
  lifeSustaining: Type.Boolean(),
});

export const ModelOut = Type.Object(
  {
    id: Uuid,
    manufacturer: Type.Object({ id: Uuid, name: Type.String() }),
    deviceType: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    modelNumber: Type.String(),
    name: Nullable(Type.String()),
    fdaProductCode: Nullable(Type.String()),
    fdaClassification: Nullable(FdaClassificationOut),
    expectedLifeYears: Nullable(Type.Number()),
    endOfSupport: Nullable(DateOnly),
    ifuUrl: Nullable(Type.String()),
    defaultActivities: Type.Array(MaintenanceActivity),
    identifiers: Type.Array(IdentifierOut),
    source: Type.Unsafe<(typeof MODEL_SOURCES)[number]>({ type: 'string', enum: [...MODEL_SOURCES] }),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Model', description: 'A manufacturer\'s model: the catalog entry devices belong to' },
);
export type ModelOut = Static<typeof ModelOut>;

const fields = {
  deviceTypeId: Nullable(Uuid),
  name: Nullable(Type.String({ minLength: 1, maxLength: 300 })),
  fdaProductCode: Nullable(FdaProductCode),
  expectedLifeYears: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Expected service life in years' })),
  endOfSupport: Nullable(Type.String({ format: 'date', description: "Manufacturer's end-of-support date" })),
  ifuUrl: Nullable(Type.String({ format: 'uri', maxLength: 1000, description: 'Instructions for use' })),
  defaultActivities: Type.Array(MaintenanceActivity, { maxItems: 50, description: 'Maintenance activities and intervals the manufacturer recommends' }),
};

export const ModelCreate = Type.Object(
  {
    manufacturerId: Uuid,
    modelNumber: Type.String({ minLength: 1, maxLength: 200 }),
    deviceTypeId: Type.Optional(fields.deviceTypeId),
    name: Type.Optional(fields.name),
    fdaProductCode: Type.Optional(fields.fdaProductCode),
    expectedLifeYears: Type.Optional(fields.expectedLifeYears),
    endOfSupport: Type.Optional(fields.endOfSupport),
    ifuUrl: Type.Optional(fields.ifuUrl),
    defaultActivities: Type.Optional(fields.defaultActivities),
    identifiers: Type.Optional(Type.Array(IdentifierIn, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type ModelCreate = Static<typeof ModelCreate>;

export const ModelUpdate = Type.Object(
  {
    manufacturerId: Type.Optional(Uuid),
    modelNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    deviceTypeId: Type.Optional(fields.deviceTypeId),
    name: Type.Optional(fields.name),
    fdaProductCode: Type.Optional(fields.fdaProductCode),
    expectedLifeYears: Type.Optional(fields.expectedLifeYears),
    endOfSupport: Type.Optional(fields.endOfSupport),
    ifuUrl: Type.Optional(fields.ifuUrl),
    defaultActivities: Type.Optional(fields.defaultActivities),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ModelUpdate = Static<typeof ModelUpdate>;

export const ModelListQuery = Type.Evaluate(
  Type.Intersect([
    PageQuery,
    Type.Object({
      q: SearchText('Model number or name; tolerates typos (trigram similarity)'),
      manufacturerId: Type.Optional(Uuid),
      deviceTypeId: Type.Optional(Uuid),
      fdaProductCode: Type.Optional(FdaProductCode),
      source: Type.Optional(Type.Unsafe<(typeof MODEL_SOURCES)[number]>({ type: 'string', enum: [...MODEL_SOURCES] })),
      deviceIdentifier: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only the model with this UDI device identifier' })),
    }),
  ]),
);
export type ModelListQuery = Static<typeof ModelListQuery>;

export const IdentifierParams = Type.Object({ id: Uuid, identifierId: Uuid });
