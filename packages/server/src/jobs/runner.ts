import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Databases } from '../db/connection.ts';
import type { JobDefinition } from './define.ts';

export interface JobRunner {
  readonly boss: PgBoss;
  readonly definitions: readonly JobDefinition<object>[];
  /** Queues a job now; returns its id. */
  send(name: string, data: object): Promise<string>;
  stop(): Promise<void>;
}

/** Starts pg-boss (its own `pgboss` schema, as the schema owner), declares every queue, its worker and schedule. */
export async function startJobRunner(options: {
  db: Databases;
  config: Config;
  log: Logger;
  definitions: readonly JobDefinition<object>[];
  /** Workers off: jobs are queued and listed but not run (tests that inspect the queue). */
  work?: boolean;
}): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: options.db.url, max: 4, application_name: 'openhtm-jobs' });
  let stopping = false;
  // While stopping, connections end under pg-boss's pollers: those errors are expected.
  boss.on('error', (error: unknown) => {
    if (!stopping) options.log.error({ err: error }, 'job queue error');
  });
  await boss.start();
  for (const definition of options.definitions) {
    await boss.createQueue(definition.name, { retryLimit: definition.retryLimit ?? 2, retryDelay: 30, retryBackoff: true });
    if (options.work !== false) {
      await boss.work<Record<string, unknown>>(definition.name, async (jobs) => {
        const outputs = [];
        for (const job of jobs) {
          const log = options.log.child({ job: definition.name, jobId: job.id });
          const started = Date.now();
          const output = await definition.handler({ db: options.db, config: options.config, log }, job.data ?? {});
          log.info({ ms: Date.now() - started }, 'job done');
          outputs.push(output);
        }
        return outputs.length === 1 ? outputs[0] : outputs;
      });
    }
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: 'UTC' });
    else await boss.unschedule(definition.name).catch(() => undefined);
  }
  return {
    boss,
    definitions: options.definitions,
    send: async (name, data) => {
      const id = await boss.send(name, data);
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    stop: async () => {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
