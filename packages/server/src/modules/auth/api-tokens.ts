import { sql } from 'kysely';
import type { Role } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import { withTenant, type Trx } from '../../db/tenant-context.ts';
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

export async function resolveApiToken(db: Db, bearer: string): Promise<AuthContext | null> {
  const match = TOKEN_PATTERN.exec(bearer);
  if (!match) return null;
  const tenantId = tenantIdFromHex(match[1]!);
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role', 'last_used_at'])
      .where('token_hash', '=', hashToken(bearer))
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
      .executeTakeFirst();
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await trx.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('id', '=', row.id).execute();
    }
    return {
      kind: 'token' as const,
      tenantId,
      userId: null,
      tokenId: row.id,
      role: row.role,
      facilityIds: null,
      actorLabel: `token:${row.name}`,
      sessionId: null,
      csrfToken: null,
    };
  });
}
