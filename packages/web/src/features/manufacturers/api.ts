import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import { isApiError } from '../../app/api/problem';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export interface ManufacturerAlias {
  id: string;
  alias: string;
  normalizedAlias: string;
}

export interface Manufacturer {
  id: string;
  name: string;
  normalizedName: string;
  website: string | null;
  aliases: ManufacturerAlias[];
  modelCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An existing manufacturer a new name resembles, best first. */
export interface ManufacturerSuggestion {
  id: string;
  name: string;
  matchedOn: string;
  /** 0..1; 1 for the same normalized name. */
  score: number;
}

export interface ManufacturerMatch {
  normalized: string;
  match: { id: string; name: string; matchedOn: string } | null;
  suggestions: ManufacturerSuggestion[];
}

export interface ManufacturerCreate {
  name: string;
  website?: string | null;
  aliases?: string[];
  /** Add the manufacturer even though its name resembles an existing one. */
  force?: boolean;
}

export const MANUFACTURERS_KEY = ['manufacturers'] as const;

export function fetchManufacturersPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<Manufacturer>> {
  return api<Page<Manufacturer>>('/v1/manufacturers', { query: { limit, cursor, sort, ...filters }, signal });
}

export const manufacturerQuery = (id: string) =>
  queryOptions({
    queryKey: [...MANUFACTURERS_KEY, 'detail', id],
    queryFn: ({ signal }) => api<Manufacturer>(`/v1/manufacturers/${id}`, { signal }),
  });

/** What a raw name means: the manufacturer it is, or the ones it resembles. */
export const manufacturerMatchQuery = (name: string) =>
  queryOptions({
    queryKey: [...MANUFACTURERS_KEY, 'match', name],
    queryFn: ({ signal }) => api<ManufacturerMatch>('/v1/manufacturers/match', { query: { name, limit: 5 }, signal }),
    staleTime: 30_000,
    enabled: name.trim().length >= 2,
  });

/** Manufacturers for a picker: the first 50 matching `q` by name or alias. */
export const searchManufacturerChoices = (q: string, signal?: AbortSignal) =>
  api<Page<Manufacturer>>('/v1/manufacturers', { query: { limit: 50, sort: 'name', q: q || undefined }, signal }).then((page) => page.items);

export const manufacturerChoicesQuery = (q: string) =>
  queryOptions({ queryKey: [...MANUFACTURERS_KEY, 'choices', q], queryFn: ({ signal }) => searchManufacturerChoices(q, signal), staleTime: 60_000 });

export const createManufacturer = (body: ManufacturerCreate) => api<Manufacturer>('/v1/manufacturers', { method: 'POST', body });

export const updateManufacturer = (manufacturer: Pick<Manufacturer, 'id' | 'version'>, body: { name?: string; website?: string | null }) =>
  api<Manufacturer>(`/v1/manufacturers/${manufacturer.id}`, { method: 'PATCH', body, version: manufacturer.version });

export const deleteManufacturer = (manufacturer: Pick<Manufacturer, 'id' | 'version'>) =>
  api<void>(`/v1/manufacturers/${manufacturer.id}`, { method: 'DELETE', version: manufacturer.version });

export const addManufacturerAlias = (id: string, alias: string) =>
  api<Manufacturer>(`/v1/manufacturers/${id}/aliases`, { method: 'POST', body: { alias } });

export const removeManufacturerAlias = (id: string, aliasId: string) =>
  api<Manufacturer>(`/v1/manufacturers/${id}/aliases/${aliasId}`, { method: 'DELETE' });

/** The similar manufacturers a refused create (409) lists; empty for any other error. */
export function suggestionsOf(error: unknown): ManufacturerSuggestion[] {
  if (!isApiError(error) || error.status !== 409) return [];
  const suggestions = error.problem.suggestions;
  return Array.isArray(suggestions) ? (suggestions as ManufacturerSuggestion[]) : [];
}

/** The manufacturer that already goes by the name a refused create (409) asked for. */
export function existingOf(error: unknown): { id: string; name: string; matchedOn?: string } | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const existing = error.problem.existing as { id?: unknown; name?: unknown; matchedOn?: unknown } | undefined;
  return existing && typeof existing.id === 'string' && typeof existing.name === 'string'
    ? { id: existing.id, name: existing.name, matchedOn: typeof existing.matchedOn === 'string' ? existing.matchedOn : undefined }
    : null;
}
