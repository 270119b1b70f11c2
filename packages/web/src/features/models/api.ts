import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export const ISSUING_AGENCIES = ['GS1', 'HIBCC', 'ICCBBA'] as const;
export type IssuingAgency = (typeof ISSUING_AGENCIES)[number];
export const IDENTIFIER_KINDS = ['primary', 'package', 'secondary', 'unit_of_use', 'direct_marking'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const IDENTIFIER_KIND_LABELS: Record<IdentifierKind, string> = {
  primary: 'Primary DI',
  package: 'Package DI',
  secondary: 'Secondary DI',
  unit_of_use: 'Unit-of-use DI',
  direct_marking: 'Direct-marking DI',
};

export const MODEL_SOURCE_LABELS: Record<string, string> = { manual: 'Entered by hand', gudid: 'FDA GUDID', import: 'Device import', demo: 'Demo data' };

/** One scheduled maintenance activity the manufacturer recommends for the model. */
export interface MaintenanceActivity {
  activity: string;
  intervalMonths: number;
  procedure?: string;
}

export interface ModelIdentifier {
  id: string;
  issuingAgency: IssuingAgency;
  deviceIdentifier: string;
  kind: IdentifierKind;
  checkDigitValid: boolean;
}

/** An FDA product code with what it says about devices of that kind. */
export interface FdaClassification {
  productCode: string;
  deviceName: string;
  /** 1, 2, 3 (class I–III), U unclassified, N not classified, F HDE. */
  deviceClass: string;
  deviceClassLabel: string;
  regulationNumber: string | null;
  medicalSpecialty: string | null;
  implant: boolean;
  lifeSustaining: boolean;
}

export interface Model {
  id: string;
  manufacturer: { id: string; name: string };
  deviceType: { id: string; name: string } | null;
  modelNumber: string;
  name: string | null;
  fdaProductCode: string | null;
  fdaClassification: FdaClassification | null;
  expectedLifeYears: number | null;
  endOfSupport: string | null;
  ifuUrl: string | null;
  defaultActivities: MaintenanceActivity[];
  identifiers: ModelIdentifier[];
  source: 'manual' | 'gudid' | 'import' | 'demo';
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ModelInput {
  manufacturerId: string;
  modelNumber: string;
  deviceTypeId: string | null;
  name: string | null;
  fdaProductCode: string | null;
  expectedLifeYears: number | null;
  endOfSupport: string | null;
  ifuUrl: string | null;
  defaultActivities: MaintenanceActivity[];
}

export interface IdentifierInput {
  issuingAgency: IssuingAgency;
  deviceIdentifier: string;
  kind?: IdentifierKind;
}

export const MODELS_KEY = ['models'] as const;
export const FDA_KEY = ['fda-product-codes'] as const;

export function fetchModelsPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<Model>> {
  return api<Page<Model>>('/v1/models', { query: { limit, cursor, sort, ...filters }, signal });
}

export const modelQuery = (id: string) =>
  queryOptions({ queryKey: [...MODELS_KEY, 'detail', id], queryFn: ({ signal }) => api<Model>(`/v1/models/${id}`, { signal }) });

/** FDA product codes matching `q` (code, device name), for the picker. */
export const searchFdaProductCodes = (q: string, signal?: AbortSignal) =>
  api<Page<FdaClassification>>('/v1/fda-product-codes', { query: { q: q || undefined, limit: 20 }, signal }).then((page) => page.items);

export const fdaProductCodeQuery = (code: string) =>
  queryOptions({
    queryKey: [...FDA_KEY, 'code', code],
    queryFn: ({ signal }) => api<FdaClassification>(`/v1/fda-product-codes/${code}`, { signal }),
    staleTime: 5 * 60_000,
    enabled: /^[A-Z0-9]{3}$/.test(code),
  });

export const createModel = (body: ModelInput & { identifiers?: IdentifierInput[] }) => api<Model>('/v1/models', { method: 'POST', body });

export const updateModel = (model: Pick<Model, 'id' | 'version'>, body: Partial<ModelInput>) =>
  api<Model>(`/v1/models/${model.id}`, { method: 'PATCH', body, version: model.version });

export const deleteModel = (model: Pick<Model, 'id' | 'version'>) => api<void>(`/v1/models/${model.id}`, { method: 'DELETE', version: model.version });

export const addModelIdentifier = (id: string, body: IdentifierInput) => api<Model>(`/v1/models/${id}/identifiers`, { method: 'POST', body });

export const removeModelIdentifier = (id: string, identifierId: string) =>
  api<Model>(`/v1/models/${id}/identifiers/${identifierId}`, { method: 'DELETE' });
