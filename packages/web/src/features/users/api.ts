import { queryOptions } from '@tanstack/react-query';
import type { Role } from '@openhtm/domain';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  allFacilities: boolean;
  facilityIds: string[];
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UserCreate {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  allFacilities: boolean;
  facilityIds: string[];
}

export type UserUpdate = Partial<Omit<UserCreate, 'password'>> & { active?: boolean };

export const USERS_KEY = ['users'] as const;

export function fetchUsersPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<User>> {
  return api<Page<User>>('/v1/users', { query: { limit, cursor, sort, ...filters }, signal });
}

export const userQuery = (id: string) =>
  queryOptions({ queryKey: [...USERS_KEY, 'detail', id], queryFn: ({ signal }) => api<User>(`/v1/users/${id}`, { signal }) });

/** Up to 500 users for pickers (audit filter); enough for a department, and says when there are more. */
export const userChoicesQuery = queryOptions({
  queryKey: [...USERS_KEY, 'choices'],
  queryFn: ({ signal }) => api<Page<User>>('/v1/users', { query: { limit: 500, sort: 'displayName' }, signal }),
  staleTime: 60_000,
});

export const createUser = (body: UserCreate) => api<User>('/v1/users', { method: 'POST', body });

export const updateUser = (user: Pick<User, 'id' | 'version'>, body: UserUpdate) =>
  api<User>(`/v1/users/${user.id}`, { method: 'PATCH', body, version: user.version });

export const resetPassword = (id: string, password: string) => api<void>(`/v1/users/${id}/password`, { method: 'POST', body: { password } });
