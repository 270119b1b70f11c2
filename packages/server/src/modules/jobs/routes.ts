import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { authOf } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import type { FastifyInstance } from 'fastify';

const tags = ['jobs'];
const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

const JobOut = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: Type.Unsafe<(typeof STATES)[number]>({ type: 'string', enum: [...STATES] }),
  retryCount: Type.Integer(),
  retryLimit: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  output: Type.Unknown({ description: 'The result, or the error of a failed attempt; withheld for platform jobs, whose results span tenants' }),
});

const QueueOut = Type.Object({
  name: Type.String(),
  description: Type.String(),
  schedule: Type.Union([Type.String(), Type.Null()]),
  manual: Type.Boolean(),
  counts: Type.Record(Type.String(), Type.Integer()),
});

function runnerOf(app: FastifyInstance): JobRunner {
  const runner = app.deps.jobs;
  if (!runner) throw new AppError('unavailable', 'The job queue is not running in this process');
  return runner;
}

/** Jobs of this tenant, and platform jobs (no tenant in their payload), as the jobs page shows them. */
const visibleTo = (tenantId: string) => sql<boolean>`(data->>'tenantId' is null or data->>'tenantId' = ${tenantId})`;

export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/jobs/queues',
    { config: { action: 'job.read' }, schema: { tags, summary: 'Declared jobs with their schedule and counts by state', response: { 200: Type.Object({ items: Type.Array(QueueOut) }) } } },
    async (request) => {
      const runner = runnerOf(app);
      const auth = authOf(request);
      const counts = await sql<{ name: string; state: string; n: number }>`
        select name, state::text, count(*)::int as n from pgboss.job where ${visibleTo(auth.tenantId)} group by name, state`.execute(app.deps.db.owner);
      return {
        items: runner.definitions.map((d) => ({
          name: d.name,
          description: d.description,
          schedule: d.schedule ?? null,
          manual: d.manual ?? false,
          counts: Object.fromEntries(counts.rows.filter((r) => r.name === d.name).map((r) => [r.state, r.n])),
        })),
      };
    },
  );

  app.get(
    '/jobs',
    {
      config: { action: 'job.read' },
      schema: {
        tags,
        summary: 'Recent jobs, newest first',
        querystring: Type.Object({
          queue: Type.Optional(Type.String({ maxLength: 100 })),
          state: Type.Optional(Type.Unsafe<(typeof STATES)[number]>({ type: 'string', enum: [...STATES] })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          before: Type.Optional(Type.String({ format: 'date-time', description: 'Only jobs created before this time (next page)' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(JobOut), nextBefore: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const runner = runnerOf(app);
      const auth = authOf(request);
      const names = runner.definitions.map((d) => d.name);
      const q = request.query;
      const limit = q.limit ?? 50;
      const rows = await sql<{ id: string; name: string; state: (typeof STATES)[number]; retry_count: number; retry_limit: number; created_on: Date; started_on: Date | null; completed_on: Date | null; output: unknown; platform: boolean }>`
        select id, name, state::text as state, retry_count, retry_limit, created_on, started_on, completed_on, output,
               (data->>'tenantId') is null as platform
        from pgboss.job
        where name = any(${names}) and ${visibleTo(auth.tenantId)}
          ${q.queue ? sql`and name = ${q.queue}` : sql``}
          ${q.state ? sql`and state = ${q.state}::pgboss.job_state` : sql``}
          ${q.before ? sql`and created_on < ${new Date(q.before)}` : sql``}
        order by created_on desc
        limit ${limit + 1}`.execute(app.deps.db.owner);
      const items = rows.rows.slice(0, limit).map((r) => ({
        id: r.id,
        queue: r.name,
        state: r.state,
        retryCount: r.retry_count,
        retryLimit: r.retry_limit,
        createdAt: r.created_on.toISOString(),
        startedAt: r.started_on?.toISOString() ?? null,
        completedAt: r.completed_on?.toISOString() ?? null,
        output: r.platform ? null : (r.output ?? null),
      }));
      return { items, nextBefore: rows.rows.length > limit ? (items.at(-1)?.createdAt ?? null) : null };
    },
  );

  app.post(
    '/jobs/:queue/run',
    {
      config: { action: 'job.manage' },
      schema: { tags, summary: 'Start a job that may be run on demand', params: Type.Object({ queue: Type.String({ maxLength: 100 }) }), response: { 202: Type.Object({ id: Type.String() }) } },
    },
    async (request, reply) => {
      const runner = runnerOf(app);
      const definition = runner.definitions.find((d) => d.name === request.params.queue);
      if (!definition) throw notFound('The job');
      if (!definition.manual) throw new AppError('unprocessable', 'This job runs on its schedule only');
      const id = await runner.send(definition.name, { tenantId: authOf(request).tenantId, requestedBy: authOf(request).actorLabel });
      return reply.status(202).send({ id });
    },
  );

  app.post(
    '/jobs/:queue/:id/retry',
    {
      config: { action: 'job.manage' },
      schema: { tags, summary: 'Retry a failed job', params: Type.Object({ queue: Type.String({ maxLength: 100 }), id: Type.String({ format: 'uuid' }) }), response: { 202: Type.Object({ id: Type.String() }) } },
    },
    async (request, reply) => {
      const runner = runnerOf(app);
      const auth = authOf(request);
      const found = await sql<{ state: string }>`select state::text as state from pgboss.job where name = ${request.params.queue} and id = ${request.params.id} and ${visibleTo(auth.tenantId)}`.execute(app.deps.db.owner);
      const job = found.rows[0];
      if (!job) throw notFound('The job');
      if (job.state !== 'failed' && job.state !== 'cancelled') throw new AppError('unprocessable', `Only failed or cancelled jobs can be retried; this one is ${job.state}`);
      await runner.boss.retry(request.params.queue, request.params.id);
      return reply.status(202).send({ id: request.params.id });
    },
  );
};
