import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { visibleDevice } from './device-access.ts';

/** One entry of a device's history, whatever module it comes from. */
export interface TimelineItem {
  /** `<source>:<id>`, unique across sources. */
  id: string;
  source: string;
  kind: string;
  /** ISO 8601 with microseconds, as PostgreSQL has it: the exact position of the entry. */
  occurredAt: string;
  actor: string | null;
  summary: string;
  details: Record<string, unknown>;
}

/** Where the previous page ended: entries strictly older than (occurredAt, source, id) come next. */
export interface TimelinePosition {
  occurredAt: string;
  source: string;
  id: string;
}

/**
 * A module's contribution to the device timeline. `fetch` returns at most `limit` entries of one device that come
 * after `before` in the order (occurredAt desc, source desc, id desc), newest first. `keyset` builds the condition
 * for a source's own (time column, id text) pair; later modules (work orders, recalls, vulnerabilities) add theirs.
 */
export interface TimelineSource {
  name: string;
  fetch(trx: Trx, deviceId: string, before: TimelinePosition | null, limit: number): Promise<TimelineItem[]>;
}

/** The keyset condition of one source: its entries strictly after `before` in timeline order. */
export function olderThan(source: string, before: TimelinePosition | null, time: RawBuilder<unknown>, id: RawBuilder<unknown>) {
  if (!before) return sql<boolean>`true`;
  const at = sql`${before.occurredAt}::timestamptz`;
  if (source < before.source) return sql<boolean>`${time} <= ${at}`;
  if (source > before.source) return sql<boolean>`${time} < ${at}`;
  return sql<boolean>`(${time}, ${id}) < (${at}, ${before.id})`;
}

/** A timestamp as ISO 8601 text with microseconds (JavaScript dates keep only milliseconds). */
export const isoMicros = (column: RawBuilder<unknown>) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function decodeCursor(cursor: string): TimelinePosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3) {
      const [occurredAt, source, id] = value as unknown[];
      if (typeof occurredAt === 'string' && typeof source === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(occurredAt))) {
        return { occurredAt, source, id };
      }
    }
  } catch {
    // answered below
  }
  throw new AppError('validation', 'The cursor is not one this API handed out', { fields: [{ path: '/querystring/cursor', message: 'is not a valid cursor' }] });
}

const encodeCursor = (item: TimelineItem) =>
  Buffer.from(JSON.stringify([item.occurredAt, item.source, item.id.slice(item.source.length + 1)])).toString('base64url');

/** Timeline order: newest first; ties by source, then id, both descending. */
function compare(a: TimelineItem, b: TimelineItem): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? 1 : -1;
  if (a.source !== b.source) return a.source < b.source ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One page of a device's history: each source's next `limit + 1` entries, merged newest first. The cursor holds
 * the exact position (microsecond time, source, id) of the last entry, so pages neither skip nor repeat entries.
 */
export async function deviceTimeline(
  trx: Trx,
  auth: AuthContext,
  sources: readonly TimelineSource[],
  deviceId: string,
  query: { limit?: number; cursor?: string },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  await visibleDevice(trx, auth, deviceId);
  const limit = query.limit ?? 50;
  const before = query.cursor ? decodeCursor(query.cursor) : null;
  const fetched: TimelineItem[] = [];
  for (const source of sources) fetched.push(...(await source.fetch(trx, deviceId, before, limit + 1)));
  fetched.sort(compare);
  const items = fetched.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: fetched.length > limit && last ? encodeCursor(last) : null };
}
