import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api/client';

export interface TreeRoom {
  id: string;
  name: string;
  departmentId: string | null;
  version: number;
}
export interface TreeFloor {
  id: string;
  name: string;
  version: number;
  rooms: TreeRoom[];
}
export interface TreeBuilding {
  id: string;
  name: string;
  version: number;
  floors: TreeFloor[];
}
export interface TreeDepartment {
  id: string;
  name: string;
  costCenter: string | null;
  floorId: string | null;
  version: number;
}

/** A facility's buildings → floors → rooms, and its departments (each on a floor or not); every node has its version (If-Match). */
export interface FacilityTree {
  facility: { id: string; code: string; name: string; version: number };
  buildings: TreeBuilding[];
  departments: TreeDepartment[];
}

export type SiteKind = 'building' | 'floor' | 'department' | 'room';

export const SITE_KIND_LABELS: Record<SiteKind, string> = { building: 'building', floor: 'floor', department: 'department', room: 'room' };

/** One site record as the API answers for it: the version is what a change must send as If-Match. */
export interface SiteRecord {
  id: string;
  name: string;
  version: number;
  floorId?: string | null;
  departmentId?: string | null;
  costCenter?: string | null;
}

const PATHS: Record<SiteKind, string> = { building: '/v1/buildings', floor: '/v1/floors', department: '/v1/departments', room: '/v1/rooms' };

export const SITES_KEY = ['sites'] as const;

export const facilityTreeQuery = (facilityId: string) =>
  queryOptions({
    queryKey: [...SITES_KEY, 'tree', facilityId],
    queryFn: ({ signal }) => api<FacilityTree>(`/v1/facilities/${facilityId}/tree`, { signal }),
  });

/** The current version of a site record, read when a change starts. */
export const siteRecordQuery = (kind: SiteKind, id: string) =>
  queryOptions({
    queryKey: [...SITES_KEY, kind, id],
    queryFn: ({ signal }) => api<SiteRecord>(`${PATHS[kind]}/${id}`, { signal }),
    staleTime: 0,
    gcTime: 0,
  });

export interface SiteCreate {
  facilityId?: string;
  buildingId?: string;
  floorId?: string | null;
  departmentId?: string | null;
  name: string;
  costCenter?: string | null;
}

export const createSite = (kind: SiteKind, body: SiteCreate) => api<SiteRecord>(PATHS[kind], { method: 'POST', body });

export const updateSite = (kind: SiteKind, record: Pick<SiteRecord, 'id' | 'version'>, body: Partial<SiteCreate>) =>
  api<SiteRecord>(`${PATHS[kind]}/${record.id}`, { method: 'PATCH', body, version: record.version });

export const deleteSite = (kind: SiteKind, record: Pick<SiteRecord, 'id' | 'version'>) =>
  api<void>(`${PATHS[kind]}/${record.id}`, { method: 'DELETE', version: record.version });
