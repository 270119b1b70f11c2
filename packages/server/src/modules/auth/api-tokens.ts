import { sql } from 'kysely';
import type { Role } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { notFound } from '../../http/errors.ts';
import type { AuthContext } from './sessions.ts';
import { hashToken, randomToken } from './secrets.ts';

/**
 * API tokens look like `htm_<tenant id without dashes>_<secret>`: the tenant part lets the token be found under
 * row-level security; only the SHA-256 of the whole token is stored, and the token is shown once.
 */
const TOKEN_PATTERN = /^htm_([0-9a-f]{32})_([A-Za-z0-9_-]{40,60})$/;

function tenantIdFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function createApiToken(
  trx: Trx,
  input: { tenantId: string; name: string; role: Role; createdBy: string; expiresAt: Date | null },
) {
  const token = `htm_${input.tenantId.replace(/-/g, '')}_${randomToken(32)}`;
  const row = await trx
    .insertInto('api_tokens')
    .values({
      tenant_id: input.tenantId,
      name: input.name,
      role: input.role,
      created_by: input.createdBy,
      expires_at: input.expiresAt,
      token_hash: hashToken(token),
      token_prefix: token.slice(0, 12 + 8),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, token };
}

export async function revokeApiToken(trx: Trx, id: string) {
  const row = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: sql`coalesce(revoked_at, now())`, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('The API token');
  return row;
}

/** Finds a live API token in one round trip (`api_token_principal`, under row-level security); last-used is kept to the minute. */
export async function resolveApiToken(db: Db, bearer: string): Promise<AuthContext | null> {
  const match = TOKEN_PATTERN.exec(bearer);
  if (!match) return null;
  const tenantId = tenantIdFromHex(match[1]!);
  const { rows } = await sql<{ token_id: string; name: string; role: Role }>`
    select * from api_token_principal(${tenantId}::uuid, ${hashToken(bearer)})`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    kind: 'token',
    tenantId,
    userId: null,
    tokenId: row.token_id,
    role: row.role,
    facilityIds: null,
    actorLabel: `token:${row.name}`,
    sessionId: null,
    csrfToken: null,
  };
}
