import { Type, type Static } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { DeviceStatusSchema, OwnershipSchema, StrategySchema, StringEnum, Uuid } from './schema.ts';

const Ids = (description: string) =>
  Type.Optional(Type.Array(Uuid, { maxItems: 50, description: `${description}; repeat the parameter for several` }));

/** The sorts the device list offers: each is served by an index (see the device-list-indexes migration). */
export const DEVICE_SORTS = ['assetTag', 'updatedAt', 'createdAt', 'status', 'relevance'] as const;

/** The filters of the device list: the same for the list, the export and saved views. */
export const DeviceFilters = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Search: an exact asset tag or serial number first, then devices whose asset tag, serial, model, manufacturer or ' +
          'device type resemble the text (typo-tolerant, pg_trgm), best match first',
      }),
    ),
    facilityId: Ids('Facility'),
    departmentId: Ids('Department'),
    deviceTypeId: Ids('Device type'),
    manufacturerId: Ids('Manufacturer'),
    modelId: Ids('Model'),
    status: Type.Optional(Type.Array(DeviceStatusSchema, { maxItems: 10, description: 'Lifecycle status; repeat for several' })),
    ownership: Type.Optional(Type.Array(OwnershipSchema, { maxItems: 6, description: 'Ownership; repeat for several' })),
    highRisk: Type.Optional(Type.Boolean({ description: 'Only high-risk (true) or only other (false) devices' })),
    strategy: Type.Optional(StrategySchema),
    connected: Type.Optional(Type.Boolean({ description: 'Only devices with (true) or without (false) network attributes' })),
  },
  { additionalProperties: false },
);
export type DeviceFilters = Static<typeof DeviceFilters>;

export const DeviceSort = Type.String({
  pattern: `^-?(${DEVICE_SORTS.join('|')})$`,
  description: `One of ${DEVICE_SORTS.join(', ')}; prefix - for descending. Default assetTag, or relevance with q.`,
});

export const DeviceListQuery = Type.Evaluate(
  Type.Intersect([Type.Omit(PageQuery, ['sort']), DeviceFilters, Type.Object({ sort: Type.Optional(DeviceSort) })]),
);
export type DeviceListQuery = Static<typeof DeviceListQuery>;

export const ExportQuery = Type.Evaluate(
  Type.Intersect([
    DeviceFilters,
    Type.Object({ format: Type.Optional(StringEnum(['csv', 'xlsx'] as const, { description: 'File format', default: 'csv' })) }),
  ]),
);
export type ExportQuery = Static<typeof ExportQuery>;

/** What a saved view stores: the list filters and the sort. */
export const SavedDeviceQuery = Type.Object(
  { ...DeviceFilters.properties, sort: Type.Optional(DeviceSort) },
  { additionalProperties: false, description: 'The device-list filters and sort, as GET /devices takes them' },
);
export type SavedDeviceQuery = Static<typeof SavedDeviceQuery>;
