import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { migrationStatus } from '../../db/migrate.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({ reachable: Type.Boolean(), latencyMs: Type.Union([Type.Number(), Type.Null()]) }),
  migrations: Type.Object({ current: Type.Union([Type.String(), Type.Null()]), pending: Type.Integer() }),
  jobs: Type.Object({ running: Type.Boolean() }),
});

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  /** Status is cached for a second: health is polled by load balancers and benchmarked. */
  let cached: { at: number; body: Static<typeof Health> } | null = null;
  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Database reachability and migration version', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      if (!cached || Date.now() - cached.at > 1000) {
        const started = performance.now();
        let body: Static<typeof Health>;
        try {
          await sql`select 1`.execute(app.deps.db.owner);
          const latencyMs = Math.round((performance.now() - started) * 100) / 100;
          const status = await migrationStatus(app.deps.db.owner);
          body = {
            status: status.pending.length === 0 ? 'ok' : 'degraded',
            database: { reachable: true, latencyMs },
            migrations: { current: status.current, pending: status.pending.length },
            jobs: { running: app.deps.jobs !== null },
          };
        } catch {
          body = { status: 'degraded', database: { reachable: false, latencyMs: null }, migrations: { current: null, pending: 0 }, jobs: { running: false } };
        }
        cached = { at: Date.now(), body };
      }
      return reply.status(cached.body.database.reachable ? 200 : 503).send(cached.body);
    },
  );
}
