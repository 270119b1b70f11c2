import { queryOptions } from '@tanstack/react-query';
import type { DeviceImportField, DeviceImportMapping } from '@openhtm/domain';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export type ImportStatus = 'uploaded' | 'checked' | 'committed' | 'refused' | 'failed';

/** What a check found and what a commit will do; after a commit, `written` says what it did. */
export interface ImportSummary {
  rows: number;
  rowsWithErrors: number;
  /** Rows without errors that add a device, change one, or match one without changing it. */
  create: number;
  update: number;
  unchanged: number;
  errors: number;
  warnings: number;
  /** Problems by code, all of them (the list itself is cut short on huge files). */
  problemCounts: Record<string, number>;
  /** Models the catalog lacks, which a commit creates; the first of them listed. */
  newModels: number;
  modelsToCreate: Array<{ manufacturer: string; modelNumber: string; firstLine: number }>;
  written?: { created: number; updated: number; modelsCreated: number; skippedRows: number };
  seconds: number;
}

export interface DeviceImport {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  status: ImportStatus;
  headers: string[];
  /** The mapping proposed from the headers, or the one the user set. */
  mapping: DeviceImportMapping;
  rowCount: number | null;
  problemCount: number | null;
  summary: ImportSummary | null;
  /** The user who uploaded the file: id and display name. */
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  committedAt: string | null;
  version: number;
}

/** An import with what the wizard needs: the first rows of the file and a page of problems. */
export interface DeviceImportDetail extends DeviceImport {
  unmappedHeaders: string[];
  sampleRows: Array<{ line: number; cells: string[] }>;
  problems: Page<ImportProblem>;
}

export interface ImportSuggestion {
  id: string;
  name: string;
  matchedOn: string;
}

export interface ImportProblem {
  line: number;
  column: string | null;
  field: DeviceImportField | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  value?: string;
  suggestions?: ImportSuggestion[];
}

export const IMPORTS_KEY = ['device-imports'] as const;

export function fetchImportsPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<DeviceImport>> {
  return api<Page<DeviceImport>>('/v1/device-imports', { query: { limit, cursor, sort, ...filters }, signal });
}

export const importQuery = (id: string) =>
  queryOptions({
    queryKey: [...IMPORTS_KEY, 'detail', id],
    queryFn: ({ signal }) => api<DeviceImportDetail>(`/v1/device-imports/${id}`, { query: { limit: 1 }, signal }),
  });

/** Rows with an error: nothing is imported from them. */
export const rowsReady = (summary: ImportSummary) => Math.max(summary.rows - summary.rowsWithErrors, 0);

/** A page of an import's problems in file order, of one severity or kind (`code`) when the filters say so. */
export async function fetchProblemsPage(id: string, { limit, cursor, filters, signal }: PageRequest): Promise<Page<ImportProblem>> {
  const detail = await api<DeviceImportDetail>(`/v1/device-imports/${id}`, { query: { limit, cursor, severity: filters.severity, code: filters.code }, signal });
  return detail.problems;
}

export function uploadImport(file: File): Promise<DeviceImportDetail> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<DeviceImportDetail>('/v1/device-imports', { method: 'POST', body });
}

export const saveMapping = (imp: Pick<DeviceImport, 'id' | 'version'>, mapping: DeviceImportMapping) =>
  api<DeviceImportDetail>(`/v1/device-imports/${imp.id}/mapping`, { method: 'PUT', body: { mapping }, version: imp.version });

export const checkImport = (id: string) => api<DeviceImportDetail>(`/v1/device-imports/${id}/check`, { method: 'POST' });

/** Writes the checked rows; refused (422, nothing written) while rows have errors, unless they are to be left out. */
export const commitImport = (id: string, skipRowsWithErrors: boolean) =>
  api<DeviceImportDetail>(`/v1/device-imports/${id}/commit`, { method: 'POST', body: { confirm: true, skipRowsWithErrors: skipRowsWithErrors || undefined } });
