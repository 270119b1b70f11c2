import type { QueryValue } from '../../app/api/client';

/** The device list's filters as they sit in the page URL (one string each; statuses comma-separated). */
export const DEVICE_FILTERS = [
  'q',
  'facilityId',
  'departmentId',
  'deviceTypeId',
  'manufacturerId',
  'modelId',
  'status',
  'highRisk',
  'strategy',
  'ownership',
  'connected',
] as const;
export type DeviceFilterName = (typeof DEVICE_FILTERS)[number];
export type DeviceListFilters = Record<DeviceFilterName, string>;

/** Filters that take several values: the API repeats the parameter (`status=a&status=b`). */
const MULTI: ReadonlySet<DeviceFilterName> = new Set(['status', 'facilityId', 'departmentId', 'deviceTypeId', 'manufacturerId', 'modelId', 'ownership']);
const BOOLEAN: ReadonlySet<DeviceFilterName> = new Set(['highRisk', 'connected']);

/** The filters behind the "Filters" button on phones (all but the search). */
export const SECONDARY_FILTERS = DEVICE_FILTERS.filter((name) => name !== 'q');

/** `?status=a&status=b&facilityId=…&limit=…`: the API's query string of a device list, export or count. */
export function deviceQueryString(filters: Partial<DeviceListFilters>, extra: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const name of DEVICE_FILTERS) {
    const value = filters[name];
    if (!value) continue;
    if (MULTI.has(name)) for (const part of value.split(',')) params.append(name, part);
    else params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a saved view stores: the API's filter object (arrays for multi-value filters) and the sort. */
export type SavedDeviceQuery = Partial<Record<DeviceFilterName, string | string[] | boolean>> & { sort?: string };

export function savedQueryOf(filters: DeviceListFilters, sort: string | undefined): SavedDeviceQuery {
  const query: SavedDeviceQuery = {};
  for (const name of DEVICE_FILTERS) {
    const value = filters[name];
    if (!value) continue;
    if (MULTI.has(name)) query[name] = value.split(',');
    else if (BOOLEAN.has(name)) query[name] = value === 'true';
    else query[name] = value;
  }
  if (sort) query.sort = sort;
  return query;
}

/** The URL values of a saved view: every filter set (cleared when the view does not set it), and the sort. */
export function filtersOfSavedQuery(query: SavedDeviceQuery): Record<DeviceFilterName | 'sort', string | null> {
  const values = {} as Record<DeviceFilterName | 'sort', string | null>;
  for (const name of DEVICE_FILTERS) {
    const value = query[name];
    values[name] = value === undefined || value === null ? null : Array.isArray(value) ? value.join(',') || null : String(value);
  }
  values.sort = query.sort ?? null;
  return values;
}
