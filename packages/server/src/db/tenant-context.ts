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
 * A string as an SQL escape-string literal (E'…', backslash and quote doubled), read the same whatever the server's
 * standard_conforming_strings; NUL cannot be sent at all.
 */
function literal(value: string): string {
  return `E'${value.replaceAll('\u0000', '').replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * `begin` and the transaction's settings as one simple-protocol message: a request's transaction starts in one round
 * trip instead of two. The values are quoted here because the simple protocol takes no parameters.
 */
function beginStatement(context: TenantContext, options: TransactionOptions): string {
  const settings: [string, string][] = [
    ['app.tenant_id', context.tenantId],
    ['app.user_id', context.userId ?? ''],
    ['app.token_id', context.tokenId ?? ''],
    ['app.actor', context.actor ?? 'system'],
    ['app.request_id', context.requestId ?? ''],
    ['app.client_ip', context.clientIp ?? ''],
  ];
  const begin = options.snapshot ? 'begin isolation level repeatable read read only' : 'begin';
  return `${begin}; select ${settings.map(([name, value]) => `set_config('${name}', ${literal(value)}, true)`).join(', ')}`;
}

export interface TransactionOptions {
  /** Read-only, and every statement sees the same snapshot (REPEATABLE READ): for reads spread over many statements. */
  snapshot?: boolean;
}

/**
 * Runs `work` in one transaction scoped to a tenant. Row-level security lets the transaction see only that
 * tenant's rows; the audit trigger records the actor, request id and client address given here.
 * Commits when `work` resolves, rolls back when it throws.
 */
export async function withTenant<T>(db: Db, context: TenantContext, work: (trx: Trx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  return db.connection().execute(async (connection) => {
    let result: T;
    try {
      await sql.raw(beginStatement(context, options)).execute(connection);
      // The connection is inside the transaction begun above: to `work` it is the transaction.
      result = await work(connection as Trx);
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
    await sql`commit`.execute(connection);
    return result;
  });
}
