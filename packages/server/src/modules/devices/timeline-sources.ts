import { sql } from 'kysely';
import { isoMicros, olderThan, type TimelineItem, type TimelineSource } from './timeline.ts';
import { changePairs } from '../audit/changes.ts';

function lifecycleSummary(row: { kind: string; from_status: string | null; to_status: string | null; reason: string | null; details: Record<string, unknown> }): string {
  const why = row.reason ? `: ${row.reason}` : '';
  switch (row.kind) {
    case 'status_change':
      return `Status ${row.from_status ?? '—'} → ${row.to_status ?? '—'}${why}`;
    case 'created':
      return `Added to the inventory as ${row.to_status ?? 'unknown'}`;
    case 'imported':
      return `Imported as ${row.to_status ?? 'unknown'}`;
    case 'incoming_inspection':
      return `Incoming inspection ${row.details.result === 'pass' ? 'passed' : 'failed'}${why}`;
    case 'risk_assessment':
      return `Risk assessed: EM ${String(row.details.score ?? '—')}${row.details.highRisk ? ', high-risk' : ''}`;
    case 'risk_override':
      return `High-risk flag overridden${why}`;
    case 'strategy_decision':
      return `Maintenance strategy: ${String(row.details.strategy)}${why}`;
    default:
      return row.kind + why;
  }
}

/** Lifecycle transitions, inspections, risk and strategy decisions (device_events). */
export const lifecycleSource: TimelineSource = {
  name: 'event',
  async fetch(trx, deviceId, before, limit) {
    const rows = await trx
      .selectFrom('device_events')
      .select(['id', 'kind', 'from_status', 'to_status', 'reason', 'details', 'actor_label'])
      .select(isoMicros(sql.ref('occurred_at')).as('at'))
      .where('device_id', '=', deviceId)
      .where(olderThan('event', before, sql.ref('occurred_at'), sql`id::text`))
      .orderBy('occurred_at', 'desc')
      .orderBy(sql`id::text`, 'desc')
      .limit(limit)
      .execute();
    return rows.map(
      (r): TimelineItem => ({
        id: `event:${r.id}`,
        source: 'event',
        kind: r.kind,
        occurredAt: r.at,
        actor: r.actor_label,
        summary: lifecycleSummary(r),
        details: { fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason, ...r.details },
      }),
    );
  },
};

/** Every recorded change of the device record itself (the audit trigger's rows for entity 'device'). */
export const auditSource: TimelineSource = {
  name: 'audit',
  async fetch(trx, deviceId, before, limit) {
    const rows = await trx
      .selectFrom('audit_events')
      .select(['id', 'action', 'actor_label', 'changes'])
      .select(isoMicros(sql.ref('occurred_at')).as('at'))
      .where('entity', '=', 'device')
      .where('entity_id', '=', deviceId)
      .where(olderThan('audit', before, sql.ref('occurred_at'), sql`id::text`))
      .orderBy('occurred_at', 'desc')
      .orderBy(sql`id::text`, 'desc')
      .limit(limit)
      .execute();
    return rows.map((r): TimelineItem => {
      const fields = Object.keys(r.changes);
      const summary = r.action === 'create' ? 'Record created' : r.action === 'delete' ? 'Record deleted' : `Changed ${fields.join(', ')}`;
      return { id: `audit:${r.id}`, source: 'audit', kind: r.action, occurredAt: r.at, actor: r.actor_label, summary, details: { changes: changePairs(r.action, r.changes) } };
    });
  },
};

/** Photos and documents attached to the device. */
export const attachmentSource: TimelineSource = {
  name: 'attachment',
  async fetch(trx, deviceId, before, limit) {
    const rows = await trx
      .selectFrom('attachments')
      .leftJoin('users', (j) => j.onRef('users.tenant_id', '=', 'attachments.tenant_id').onRef('users.id', '=', 'attachments.uploaded_by'))
      .select(['attachments.id', 'attachments.file_name', 'attachments.content_type', 'attachments.size_bytes', 'users.email'])
      .select(isoMicros(sql.ref('attachments.created_at')).as('at'))
      .where('attachments.entity', '=', 'device')
      .where('attachments.entity_id', '=', deviceId)
      .where(olderThan('attachment', before, sql.ref('attachments.created_at'), sql`attachments.id::text`))
      .orderBy('attachments.created_at', 'desc')
      .orderBy(sql`attachments.id::text`, 'desc')
      .limit(limit)
      .execute();
    return rows.map(
      (r): TimelineItem => ({
        id: `attachment:${r.id}`,
        source: 'attachment',
        kind: 'attachment_added',
        occurredAt: r.at,
        actor: r.email,
        summary: `Attached ${r.file_name}`,
        details: { attachmentId: r.id, fileName: r.file_name, contentType: r.content_type, sizeBytes: r.size_bytes },
      }),
    );
  },
};

/** The sources of the device timeline; a module that records device history appends its source here. */
export const TIMELINE_SOURCES: TimelineSource[] = [lifecycleSource, auditSource, attachmentSource];
