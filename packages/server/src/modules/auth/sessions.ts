import { sql } from 'kysely';
import type { Role } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import { withTenant, type Trx } from '../../db/tenant-context.ts';
import { hashToken, randomToken } from './secrets.ts';

export const SESSION_COOKIE = 'htm_session';

/** The acting principal of a request, resolved from the session cookie or an API token. */
export interface AuthContext {
  kind: 'session' | 'token';
  tenantId: string;
  userId: string | null;
  tokenId: string | null;
  role: Role;
  /** null: every facility of the tenant. */
  facilityIds: string[] | null;
  actorLabel: string;
  sessionId: string | null;
  csrfToken: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function facilityIdsOf(trx: Trx, userId: string, allFacilities: boolean): Promise<string[] | null> {
  if (allFacilities) return null;
  const rows = await trx.selectFrom('user_facilities').select('facility_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.facility_id);
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session; the cookie value names the tenant so the session can be found under row-level security. */
export async function createSession(
  trx: Trx,
  input: { tenantId: string; userId: string; clientIp: string; userAgent: string | undefined; maxHours: number },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + input.maxHours * 3600_000);
  await trx
    .insertInto('sessions')
    .values({
      tenant_id: input.tenantId,
      user_id: input.userId,
      token_hash: hashToken(token),
      csrf_token: csrfToken,
      client_ip: input.clientIp,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
      expires_at: expiresAt,
    })
    .execute();
  return { cookieValue: `${input.tenantId}.${token}`, csrfToken, expiresAt };
}

export function parseSessionCookie(value: string): { tenantId: string; token: string } | null {
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const tenantId = value.slice(0, dot);
  const token = value.slice(dot + 1);
  if (!UUID.test(tenantId) || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return { tenantId, token };
}

/** Finds a live session (not expired, not idle too long, user active) and refreshes its last-seen time once a minute. */
export async function resolveSession(db: Db, cookieValue: string, idleMinutes: number): Promise<AuthContext | null> {
  const parsed = parseSessionCookie(cookieValue);
  if (!parsed) return null;
  return withTenant(db, { tenantId: parsed.tenantId }, async (trx) => {
    const row = await trx
      .selectFrom('sessions')
      .innerJoin('users', (join) => join.onRef('users.id', '=', 'sessions.user_id').onRef('users.tenant_id', '=', 'sessions.tenant_id'))
      .select([
        'sessions.id as sessionId',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'users.id as userId',
        'users.email',
        'users.role',
        'users.all_facilities',
      ])
      .where('sessions.token_hash', '=', hashToken(parsed.token))
      .where('sessions.expires_at', '>', sql<Date>`now()`)
      .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
      .where('users.active', '=', true)
      .executeTakeFirst();
    if (!row) return null;
    if (Date.now() - row.last_seen_at.getTime() > 60_000) {
      await trx.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', row.sessionId).execute();
    }
    return {
      kind: 'session' as const,
      tenantId: parsed.tenantId,
      userId: row.userId,
      tokenId: null,
      role: row.role,
      facilityIds: await facilityIdsOf(trx, row.userId, row.all_facilities),
      actorLabel: row.email,
      sessionId: row.sessionId,
      csrfToken: row.csrf_token,
    };
  });
}

export async function deleteSession(trx: Trx, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(trx: Trx, userId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
