import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../../app/api/client';
import type { SavedDeviceQuery } from '../filters';

/** A named set of list filters; shared views are offered to everyone in the organisation. */
export interface SavedView {
  id: string;
  resource: 'devices';
  name: string;
  query: SavedDeviceQuery;
  shared: boolean;
  /** The signed-in user's own view (which they may delete). */
  mine?: boolean;
  owner?: { id: string; displayName: string } | null;
  userId?: string;
  version: number;
}

export const SAVED_VIEWS_KEY = ['saved-views', 'devices'] as const;

export const savedViewsQuery = queryOptions({
  queryKey: SAVED_VIEWS_KEY,
  queryFn: ({ signal }) => api<Page<SavedView>>('/v1/saved-views', { query: { resource: 'devices', limit: 200 }, signal }),
});

export const createSavedView = (body: { name: string; shared: boolean; query: SavedDeviceQuery }) =>
  api<SavedView>('/v1/saved-views', { method: 'POST', body: { resource: 'devices', ...body } });

export const deleteSavedView = (view: Pick<SavedView, 'id' | 'version'>) =>
  api<void>(`/v1/saved-views/${view.id}`, { method: 'DELETE', version: view.version });
