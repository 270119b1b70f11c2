import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Databases } from '../db/connection.ts';

export interface JobContext {
  db: Databases;
  config: Config;
  log: Logger;
}

/**
 * A background job. `schedule` (cron, UTC) makes it recurring; `manual` lets an admin start it from the jobs
 * page. Payloads that concern one tenant carry `tenantId`, which is what the jobs page filters on.
 */
export interface JobDefinition<Data extends object = Record<string, unknown>> {
  name: string;
  description: string;
  schedule?: string;
  manual?: boolean;
  retryLimit?: number;
  handler(context: JobContext, data: Data): Promise<Record<string, unknown> | void>;
}

export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(definition.name)) throw new Error(`job name "${definition.name}" must be lower-case words joined by . or -`);
  return definition;
}
