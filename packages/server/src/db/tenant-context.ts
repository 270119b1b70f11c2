import { sql, type Transaction } from 'kysely';
import type { Db } from './connection.ts';
import type { Database } from './schema.ts';

export type Trx = Transaction<Database>;

/** Who is acting and on whose behalf: set on every transaction so row-level security and the audit trail see it. */
export interface TenantContext {
  tenantId: string;
  userId?: string | null;
  tokenId?: string | null;
  /** How the actor appears in the audit trail, e.g. an e-mail address or "token:Integration". */
  actor?: string;
  requestId?: string;
  clientIp?: string;
}

/**
 * Runs `work` in one transaction scoped to a tenant. Row-level security lets the transaction see only that
 * tenant's rows; the audit trigger records the actor, request id and client address given here.
 */
export async function withTenant<T>(db: Db, context: TenantContext, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select
        set_config('app.tenant_id', ${context.tenantId}, true),
        set_config('app.user_id', ${context.userId ?? ''}, true),
        set_config('app.token_id', ${context.tokenId ?? ''}, true),
        set_config('app.actor', ${context.actor ?? 'system'}, true),
        set_config('app.request_id', ${context.requestId ?? ''}, true),
        set_config('app.client_ip', ${context.clientIp ?? ''}, true)`.execute(trx);
    return work(trx);
  });
}
