import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import { useCan } from '../../app/auth/session';
import { useFacilityNames } from '../facilities/api';
import { userChoicesQuery } from '../users/api';
import type { AuditEvent } from './api';

const tokenNamesQuery = {
  queryKey: ['api-tokens', 'names'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<Page<{ id: string; name: string }>>('/v1/api-tokens', { query: { limit: 500, includeRevoked: true }, signal }),
  staleTime: 60_000,
};

/** A value the event itself carries, for records the lookups below do not know (e.g. deleted ones). */
function fromChanges(event: AuditEvent, field: string): string | null {
  const change = event.changes[field];
  const value = change?.[1] ?? change?.[0];
  return typeof value === 'string' ? value : null;
}

/**
 * Names audited records ("Avery Chen", "Riverside General Hospital") from the lists the user may read;
 * audit events carry only the record's id.
 */
export function useRecordTitle(): (event: AuditEvent) => string | null {
  const can = useCan();
  const users = useQuery({ ...userChoicesQuery, enabled: can('user.read') });
  const tokens = useQuery({ ...tokenNamesQuery, enabled: can('token.read') });
  const facilities = useFacilityNames();
  const userNames = new Map((users.data?.items ?? []).map((user) => [user.id, user.displayName]));
  const tokenNames = new Map((tokens.data?.items ?? []).map((token) => [token.id, token.name]));

  return (event) => {
    switch (event.entity) {
      case 'user':
        return userNames.get(event.entityId) ?? fromChanges(event, 'display_name');
      case 'facility':
        return facilities.get(event.entityId)?.name ?? fromChanges(event, 'name');
      case 'api_token':
        return tokenNames.get(event.entityId) ?? fromChanges(event, 'name');
      case 'device':
        return fromChanges(event, 'asset_tag');
      case 'model':
        return fromChanges(event, 'model_number');
      case 'device_import':
        return fromChanges(event, 'file_name');
      default:
        return fromChanges(event, 'name');
    }
  };
}

/** The name of the user who acted, as the server names them; otherwise the label the event recorded (a token, "system"). */
export function useActorName(): (event: AuditEvent) => string {
  return (event) => event.actorUserName ?? event.actor;
}
