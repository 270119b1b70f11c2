import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actor: string;
  actorUserId: string | null;
  /** The name and address of the user who acted; null for a token, the system or an unknown user. */
  actorUserName: string | null;
  actorUserEmail: string | null;
  actorTokenId: string | null;
  entity: string;
  entityId: string;
  action: string;
  /** `{field: [before, after]}`; field names are the database's (snake_case) or the event's own. */
  changes: Record<string, [unknown, unknown]>;
  requestId: string | null;
  clientIp: string | null;
}

export const AUDIT_KEY = ['audit'] as const;

export function fetchAuditPage({ limit, cursor, filters, signal }: PageRequest): Promise<Page<AuditEvent>> {
  return api<Page<AuditEvent>>('/v1/audit-events', { query: { limit, cursor, ...filters }, signal });
}
