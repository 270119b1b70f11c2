import type { Trx } from '../../db/tenant-context.ts';
import { sql } from 'kysely';

/**
 * Records a domain event that no row change captures (a sign-in, a password reset, a facility-scope change).
 * Row changes are captured by the audit trigger; this writes in the same transaction with the same actor settings.
 */
export async function recordAuditEvent(
  trx: Trx,
  event: { tenantId: string; entity: string; entityId: string; action: string; changes?: Record<string, [unknown, unknown]>; actorLabel?: string; actorUserId?: string | null },
): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId,
      actor_user_id: event.actorUserId !== undefined ? event.actorUserId : sql<string>`nullif(current_setting('app.user_id', true), '')::uuid`,
      actor_token_id: sql<string>`nullif(current_setting('app.token_id', true), '')::uuid`,
      actor_label: event.actorLabel ?? sql<string>`coalesce(nullif(current_setting('app.actor', true), ''), 'system')`,
      entity: event.entity,
      entity_id: event.entityId,
      action: event.action,
      changes: JSON.stringify(event.changes ?? {}),
      request_id: sql<string>`nullif(current_setting('app.request_id', true), '')`,
      client_ip: sql<string>`nullif(current_setting('app.client_ip', true), '')`,
    })
    .execute();
}
