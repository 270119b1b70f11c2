import { Kysely, PostgresDialect, sql, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema.ts';
import { withTenant, type TenantContext, type Trx } from '../../db/tenant-context.ts';

export interface ImportSession {
  /** The raw connection, for COPY FROM STDIN. */
  client: pg.Client;
  /** The same connection inside the tenant's transaction, for everything else. */
  trx: Trx;
}

/** A Kysely "pool" that always hands out the one client: Kysely's queries and our COPY share a connection. */
function singleClientPool(client: pg.Client, url: string): PostgresPool {
  const lease = Object.assign(client, { release: () => undefined });
  return { connect: async () => lease, end: async () => undefined, options: { connectionString: url }, Client: pg.Client };
}

/**
 * Runs an import check or commit in one transaction on a connection of its own, as `htm_app` with the tenant,
 * actor and request set (withTenant), so row-level security and the audit trigger see it like any request.
 * A dedicated connection is needed because COPY streams through the raw pg client; it also keeps a long import
 * from holding one of the request pool's connections. Staging tables are temporary and dropped at the end.
 */
export async function withImportSession<T>(url: string, context: TenantContext, work: (session: ImportSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'openhtm-import' });
  await client.connect();
  try {
    await client.query('set role htm_app');
    // A million staged rows fill a few hundred megabytes of temporary table; they stay in memory rather than being
    // written out page by page. The setting must come before the session's first temporary table.
    await client.query(`set temp_buffers = '256MB'`);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: singleClientPool(client, url) }) });
    return await withTenant(db, context, async (trx) => {
      // Joins and sorts over a million staged rows stay in memory; the setting ends with the transaction.
      await sql`set local work_mem = '256MB'`.execute(trx);
      return work({ client, trx });
    });
  } finally {
    await client.end();
  }
}
