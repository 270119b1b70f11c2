import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// bigint (int8) and numeric arrive as strings unless told otherwise: counts and ids from identity columns fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Dates without time (date columns) stay ISO strings rather than local-midnight Date objects.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

export interface Databases {
  /** Connects as the schema owner: migrations, the job queue, and platform-level work (tenant creation). */
  readonly owner: Db;
  /** Works as `htm_app`, which row-level security confines to the tenant set on each transaction. */
  readonly app: Db;
  readonly url: string;
  close(): Promise<void>;
}

export function connectDatabases(url: string, options: { appPoolSize?: number } = {}): Databases {
  const ownerPool = new pg.Pool({ connectionString: url, max: 4, application_name: 'openhtm-owner' });
  const appPool = new pg.Pool({ connectionString: url, max: options.appPoolSize ?? 16, application_name: 'openhtm' });
  // An idle pooled connection that the server ends (restart, shutdown, admin) is dropped by the pool and replaced on
  // next use; without a listener the error would end the process.
  for (const pool of [ownerPool, appPool]) pool.on('error', () => undefined);
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const app = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: appPool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(sql`set role htm_app`.compile(owner));
      },
    }),
  });
  return {
    owner,
    app,
    url,
    close: async () => {
      await Promise.all([app.destroy(), owner.destroy()]);
    },
  };
}
