import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { connectDatabases, type Databases } from './connection.ts';
import { startEmbeddedDatabase } from './embedded.ts';

export interface OpenDatabase {
  databases: Databases;
  embedded: boolean;
  close(): Promise<void>;
}

const DATABASE = 'openhtm';

async function ensureDatabase(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL under `<dataDir>/pg` and uses its `openhtm`
 * database. `adoptLive` decides whether a cluster left running by an earlier process is stopped at close.
 */
export async function openDatabase(config: Config, log: Logger, options: { adoptLive: boolean; appPoolSize?: number }): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const databases = connectDatabases(config.databaseUrl, { appPoolSize: options.appPoolSize });
    return { databases, embedded: false, close: () => databases.close() };
  }
  const embedded = await startEmbeddedDatabase({ dir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, logger: log, adoptLive: options.adoptLive });
  try {
    await ensureDatabase(embedded.url());
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const databases = connectDatabases(embedded.url(DATABASE), { appPoolSize: options.appPoolSize });
  return {
    databases,
    embedded: true,
    close: async () => {
      await databases.close();
      await embedded.stop();
    },
  };
}
