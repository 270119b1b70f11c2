import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export interface Facility {
  id: string;
  code: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FacilityInput {
  code: string;
  name: string;
}

export const FACILITIES_KEY = ['facilities'] as const;

export function fetchFacilitiesPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<Facility>> {
  return api<Page<Facility>>('/v1/facilities', { query: { limit, cursor, sort, ...filters }, signal });
}

export const facilityQuery = (id: string) =>
  queryOptions({ queryKey: [...FACILITIES_KEY, 'detail', id], queryFn: ({ signal }) => api<Facility>(`/v1/facilities/${id}`, { signal }) });

/** Every facility the user may see (up to 500), for pickers and for naming facility ids. */
export const allFacilitiesQuery = queryOptions({
  queryKey: [...FACILITIES_KEY, 'all'],
  queryFn: ({ signal }) => api<Page<Facility>>('/v1/facilities', { query: { limit: 500, sort: 'name' }, signal }),
  staleTime: 5 * 60_000,
});

/** Facility names by id; ids the user may not see stay unnamed. */
export function useFacilityNames(): Map<string, Facility> {
  const { data } = useQuery(allFacilitiesQuery);
  return new Map((data?.items ?? []).map((facility) => [facility.id, facility]));
}

export const createFacility = (body: FacilityInput) => api<Facility>('/v1/facilities', { method: 'POST', body });

export const updateFacility = (facility: Pick<Facility, 'id' | 'version'>, body: Partial<FacilityInput>) =>
  api<Facility>(`/v1/facilities/${facility.id}`, { method: 'PATCH', body, version: facility.version });
