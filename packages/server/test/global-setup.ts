import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { connectDatabases } from '../src/db/connection.ts';
import { startEmbeddedDatabase } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    databasePrefix: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL per test run: TEST_DATABASE_URL (an external server, e.g. CI's) or a fresh embedded cluster in a
 * temporary directory. A template database is migrated once; every test file clones its own from it.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopCluster = async () => undefined as void;
  if (!adminUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'htm-test-pg-'));
    await fs.chmod(dir, 0o755);
    const cluster = await startEmbeddedDatabase({ dir: path.join(dir, 'pg'), port: await freePort(), logger: log, adoptLive: true });
    adminUrl = cluster.url('postgres');
    stopCluster = async () => {
      await cluster.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const prefix = `htm_t${process.pid}_`;
  const template = `${prefix}template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const databases = connectDatabases(withDatabase(adminUrl, template));
  await migrateToLatest(databases.owner);
  await databases.close();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('databasePrefix', prefix);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await stopCluster();
  };
}
