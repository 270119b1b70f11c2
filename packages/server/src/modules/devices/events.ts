import type { DeviceEvent, DeviceEventTable } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';

export interface DeviceEventInput {
  kind: DeviceEventTable['kind'];
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Records a dated event of a device (lifecycle, inspection, risk, strategy) with who did it, in the caller's transaction. */
export async function recordDeviceEvent(trx: Trx, auth: AuthContext, deviceId: string, event: DeviceEventInput): Promise<DeviceEvent> {
  return trx
    .insertInto('device_events')
    .values({
      tenant_id: auth.tenantId,
      device_id: deviceId,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      reason: event.reason?.trim() || null,
      details: JSON.stringify(event.details ?? {}),
      actor_user_id: auth.userId,
      actor_label: auth.actorLabel,
      ...(event.occurredAt && { occurred_at: event.occurredAt }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
