import { sql } from 'kysely';
import type { Role } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import type { Trx } from '../../db/tenant-context.ts';
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

/**
 * Finds a live session (not expired, not idle too long, user active) in one round trip: `session_principal` sets the
 * tenant for its statement, reads under row-level security and refreshes the last-seen time once a minute.
 */
export async function resolveSession(db: Db, cookieValue: string, idleMinutes: number): Promise<AuthContext | null> {
  const parsed = parseSessionCookie(cookieValue);
  if (!parsed) return null;
  const { rows } = await sql<{ session_id: string; csrf_token: string; user_id: string; email: string; role: Role; facility_ids: string[] | null }>`
    select * from session_principal(${parsed.tenantId}::uuid, ${hashToken(parsed.token)}, ${idleMinutes}::integer)`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    kind: 'session',
    tenantId: parsed.tenantId,
    userId: row.user_id,
    tokenId: null,
    role: row.role,
    facilityIds: row.facility_ids,
    actorLabel: row.email,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(trx: Trx, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(trx: Trx, userId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
