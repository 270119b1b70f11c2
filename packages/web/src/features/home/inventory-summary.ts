import { queryOptions } from '@tanstack/react-query';
import type { DeviceStatus, Ownership } from '@openhtm/domain';
import { api } from '../../app/api/client';
import { DEVICES_KEY } from '../devices/api';
import type { DeviceListFilters } from '../devices/filters';

/** GET /v1/devices/summary: the counts of the devices the user may see. */
export interface InventorySummary {
  /** The day underWarranty was counted for. */
  asOf: string;
  /** When the counts were taken: a large inventory's are shared for up to 30 s. */
  countedAt: string;
  total: number;
  byStatus: Record<DeviceStatus, number>;
  highRisk: number;
  byStrategy: { manufacturer: number; aem: number; notDecided: number };
  byOwnership: Record<Ownership, number>;
  connected: number;
  underWarranty: number;
  byFacility: Array<{ id: string; code: string; name: string; count: number }>;
}

/** Under the devices key, so that a change to a device refreshes the figures too. */
export const inventorySummaryQuery = queryOptions({
  queryKey: [...DEVICES_KEY, 'summary'],
  queryFn: ({ signal }) => api<InventorySummary>('/v1/devices/summary', { signal }),
  staleTime: 60_000,
});

/** The device list filtered to what a figure counts (the list reads its filters from the page URL). */
export function devicesHref(filters: Partial<DeviceListFilters> = {}): string {
  const query = new URLSearchParams(filters as Record<string, string>).toString();
  return query ? `/devices?${query}` : '/devices';
}

export const formatCount = (n: number) => n.toLocaleString('en-US');
