import { Type, type Static } from 'typebox';
import {
  DEVICE_STATUSES,
  EQUIPMENT_FUNCTIONS,
  INCIDENT_HISTORIES,
  INITIAL_DEVICE_STATUSES,
  MAINTENANCE_REQUIREMENTS,
  MAINTENANCE_STRATEGIES,
  OUT_OF_SERVICE_REASONS,
  OWNERSHIPS,
  PHYSICAL_RISKS,
  type DeviceStatus,
  type EquipmentFunction,
  type IncidentHistory,
  type MaintenanceRequirement,
  type MaintenanceStrategy,
  type OutOfServiceReason,
  type Ownership,
  type PhysicalRisk,
} from '@openhtm/domain';
import { DateOnly, DateTime, Nullable, Uuid } from '../../http/common-schemas.ts';

export { Nullable, Uuid };
export const IsoDate = DateOnly;
export const IsoDateTime = DateTime;

/** A string schema listing its values, typed as their union (OpenAPI shows `type: string, enum: […]`). */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string; default?: T } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

export const DeviceStatusSchema = StringEnum<DeviceStatus>(DEVICE_STATUSES, { description: 'Lifecycle status (DOMAIN.md §2)' });
export const OutOfServiceReasonSchema = StringEnum<OutOfServiceReason>(OUT_OF_SERVICE_REASONS, {
  description: 'Why an out-of-service device is unavailable',
});
export const OwnershipSchema = StringEnum<Ownership>(OWNERSHIPS, { description: 'Who owns the device' });
export const StrategySchema = StringEnum<MaintenanceStrategy>(MAINTENANCE_STRATEGIES, {
  description: "Maintain per the manufacturer's recommendations, or under an alternate equipment maintenance (AEM) program",
});

export const RiskInputsSchema = Type.Object(
  {
    function: StringEnum<EquipmentFunction>(EQUIPMENT_FUNCTIONS, { description: 'Equipment function (Fennigkoh–Smith)' }),
    physicalRisk: StringEnum<PhysicalRisk>(PHYSICAL_RISKS, { description: 'Worst physical risk of a failure' }),
    maintenanceRequirement: StringEnum<MaintenanceRequirement>(MAINTENANCE_REQUIREMENTS, { description: 'Maintenance the device needs' }),
    incidentHistory: StringEnum<IncidentHistory>(INCIDENT_HISTORIES, { description: 'Incident history of the device or its type' }),
    lifeSupport: Type.Optional(Type.Boolean({ description: 'Life-support equipment even if its function is scored otherwise' })),
    infectionControlCritical: Type.Optional(Type.Boolean({ description: 'Flagged critical by the infection-control committee' })),
  },
  { additionalProperties: false, description: 'Inputs of the equipment management (EM) number' },
);
export type RiskInputsBody = Static<typeof RiskInputsSchema>;

const text = (maxLength: number, description: string) => Nullable(Type.String({ maxLength, description }));

/** Every writable field of a device (DOMAIN.md §3); status is set at creation and then only by transitions. */
const deviceFields = {
  assetTag: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S(.*\\S)?$', description: 'Asset tag, unique in the organisation' }),
  serialNumber: text(100, "Manufacturer's serial number; unique per model"),
  udi: text(300, 'Unique Device Identifier as printed or scanned (GS1, HIBCC or ICCBBA); its check digits are verified'),
  modelId: Type.String({ format: 'uuid', description: 'The model; manufacturer and device type follow from it' }),
  facilityId: Type.String({ format: 'uuid', description: 'Facility the device belongs to' }),
  buildingId: Nullable(Type.String({ format: 'uuid', description: 'Building of that facility' })),
  departmentId: Nullable(Type.String({ format: 'uuid', description: 'Department of that facility' })),
  roomId: Nullable(Type.String({ format: 'uuid', description: 'Room in a building of that facility' })),
  locationNote: text(500, 'Where exactly, in words'),
  ownership: OwnershipSchema,
  acquisitionDate: Nullable(IsoDate),
  acquisitionCost: Nullable(Type.Number({ minimum: 0, maximum: 999999999999.99, description: 'Acquisition cost in the currency of the organisation' })),
  purchaseOrder: text(100, 'Purchase order number'),
  vendorId: Nullable(Type.String({ format: 'uuid', description: 'Vendor the device was bought from' })),
  warrantyEnd: Nullable(IsoDate),
  serviceContract: text(200, 'Service contract reference'),
  hostname: text(253, 'Network host name (connected devices)'),
  ipAddress: text(45, 'IPv4 or IPv6 address'),
  macAddress: text(17, 'MAC address, e.g. 00:1a:2b:3c:4d:5e'),
  operatingSystem: text(100, 'Operating system and version'),
  firmwareVersion: text(100, 'Firmware version'),
  softwareVersion: text(100, 'Software version'),
  storesPatientData: Type.Boolean({ description: 'The device stores patient data: disposal then needs a data-sanitization record' }),
  notes: text(4000, 'Free notes'),
};

export const DeviceCreate = Type.Object(
  {
    ...deviceFields,
    serialNumber: Type.Optional(deviceFields.serialNumber),
    udi: Type.Optional(deviceFields.udi),
    buildingId: Type.Optional(deviceFields.buildingId),
    departmentId: Type.Optional(deviceFields.departmentId),
    roomId: Type.Optional(deviceFields.roomId),
    locationNote: Type.Optional(deviceFields.locationNote),
    ownership: Type.Optional(OwnershipSchema),
    acquisitionDate: Type.Optional(deviceFields.acquisitionDate),
    acquisitionCost: Type.Optional(deviceFields.acquisitionCost),
    purchaseOrder: Type.Optional(deviceFields.purchaseOrder),
    vendorId: Type.Optional(deviceFields.vendorId),
    warrantyEnd: Type.Optional(deviceFields.warrantyEnd),
    serviceContract: Type.Optional(deviceFields.serviceContract),
    hostname: Type.Optional(deviceFields.hostname),
    ipAddress: Type.Optional(deviceFields.ipAddress),
    macAddress: Type.Optional(deviceFields.macAddress),
    operatingSystem: Type.Optional(deviceFields.operatingSystem),
    firmwareVersion: Type.Optional(deviceFields.firmwareVersion),
    softwareVersion: Type.Optional(deviceFields.softwareVersion),
    storesPatientData: Type.Optional(deviceFields.storesPatientData),
    notes: Type.Optional(deviceFields.notes),
    status: Type.Optional(
      StringEnum(INITIAL_DEVICE_STATUSES, {
        description: 'Initial status: requested (new acquisition), received (awaits its incoming inspection; the default), ' +
          'in_service or out_of_service (existing inventory, whose acceptance predates the system)',
        default: 'received',
      }),
    ),
    outOfServiceReason: Type.Optional(Nullable(OutOfServiceReasonSchema)),
    riskInputs: Type.Optional(Nullable(RiskInputsSchema)),
  },
  { additionalProperties: false, description: 'A new device. Only assetTag, modelId and facilityId are required.' },
);
export type DeviceCreate = Static<typeof DeviceCreate>;

export const DeviceUpdate = Type.Object(
  Object.fromEntries(Object.entries(deviceFields).map(([key, schema]) => [key, Type.Optional(schema)])) as {
    [K in keyof typeof deviceFields]: ReturnType<typeof Type.Optional<(typeof deviceFields)[K]>>;
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Fields to change (send If-Match with the ETag you read). Status changes go through /transitions, risk through /risk.',
  },
);
export type DeviceUpdate = Static<typeof DeviceUpdate>;

export const IdParams = Type.Object({ id: Uuid });
