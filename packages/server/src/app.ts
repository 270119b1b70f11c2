import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Databases } from './db/connection.ts';
import { registerAuth } from './http/auth.ts';
import { AppError } from './http/errors.ts';
import { registerProblemHandlers, sendProblem } from './http/problem.ts';
import { registerWebApp } from './http/web-app.ts';
import type { JobRunner } from './jobs/runner.ts';
import { fhirRoutes } from './modules/fhir/routes.ts';
import { apiModules } from './modules/index.ts';
import { healthRoutes } from './modules/health/routes.ts';

export interface AppDeps {
  config: Config;
  db: Databases;
  /** Absent where no queue runs (most tests); job routes then answer 503. */
  jobs: JobRunner | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type App = FastifyInstance;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface BuildOptions {
  logger?: Logger;
  /** Directory of the built web app; omitted in API-only tests. */
  webDist?: string;
}

/** Assembles the HTTP application: plugins, error handling, authentication, the API modules and the web app. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  registerProblemHandlers(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    // Schemas with an $id (User, Facility…) become components of that name rather than def-0, def-1…
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenHTM API',
        version: '1',
        description:
          'Healthcare technology management. Authenticate with the session cookie from POST /api/v1/auth/login ' +
          '(unsafe methods then need the X-CSRF-Token header) or with an API token as `Authorization: Bearer htm_…`. ' +
          'Errors are RFC 9457 problem documents; lists take limit, cursor and sort; writes to versioned records need If-Match.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'htm_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app);
  await app.register(healthRoutes);
  for (const module of apiModules) await app.register(module, { prefix: '/api/v1' });
  await app.register(fhirRoutes, { prefix: '/fhir/r4' });

  if (options.webDist) await registerWebApp(app, options.webDist);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
  await app.ready();
  return app;
}
