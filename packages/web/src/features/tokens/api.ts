import type { Role } from '@openhtm/domain';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The creation response: the only time the secret itself is sent. */
export type CreatedApiToken = ApiToken & { token: string };

export const TOKENS_KEY = ['api-tokens'] as const;

export function fetchTokensPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<ApiToken>> {
  return api<Page<ApiToken>>('/v1/api-tokens', { query: { limit, cursor, sort, ...filters }, signal });
}

export const createToken = (body: { name: string; role: Role; expiresAt?: string }) => api<CreatedApiToken>('/v1/api-tokens', { method: 'POST', body });

export const revokeToken = (id: string) => api<ApiToken>(`/v1/api-tokens/${id}`, { method: 'DELETE' });

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function statusOf(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}
