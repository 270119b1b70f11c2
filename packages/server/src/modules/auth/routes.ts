import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PERMISSIONS, may, type Action } from '@openhtm/domain';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record.ts';
import { presentUser } from '../users/presenter.ts';
import { Email, UserOut } from '../users/schema.ts';
import { facilityIdsByUser, getUser } from '../users/service.ts';
import { login } from './login.ts';
import { sameSecret } from './secrets.ts';
import { deleteSession, resolveSession, SESSION_COOKIE } from './sessions.ts';

const tags = ['auth'];

const SessionOut = Type.Object({
  user: UserOut,
  tenant: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every unsafe request made with the session cookie' }),
  permissions: Type.Array(Type.String(), { description: 'Policy actions this user may perform' }),
});

const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 200 }),
    tenant: Type.Optional(Type.String({ maxLength: 64, description: 'Organisation slug, needed only when the e-mail address has accounts in several' })),
  },
  { additionalProperties: false },
);

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.deps;

  const sessionOf = async (request: Parameters<typeof tx>[0], csrfToken: string) => {
    const auth = authOf(request);
    return tx(request, async (trx) => {
      const user = await getUser(trx, auth.userId!);
      const tenant = await trx.selectFrom('tenants').select(['id', 'slug', 'name']).where('id', '=', auth.tenantId).executeTakeFirstOrThrow();
      const facilities = (await facilityIdsByUser(trx, [user.id])).get(user.id) ?? [];
      const permissions = (Object.keys(PERMISSIONS) as Action[]).filter((action) => may(auth, action));
      return { user: presentUser(user, facilities), tenant, csrfToken, permissions };
    });
  };

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in with e-mail and password; sets the session cookie', body: LoginBody, response: { 200: SessionOut }, security: [] },
    },
    async (request, reply) => {
      const session = await login(app.deps.db.app, config, {
        ...request.body,
        clientIp: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      void reply.setCookie(SESSION_COOKIE, session.cookieValue, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies || request.protocol === 'https',
        path: '/',
        expires: session.expiresAt,
      });
      request.auth = await resolveSession(app.deps.db.app, session.cookieValue, config.sessionIdleMinutes);
      return sessionOf(request, session.csrfToken);
    },
  );

  app.get(
    '/auth/session',
    { config: { action: 'session.read' }, schema: { tags, summary: 'The signed-in user, organisation, CSRF token and permissions', response: { 200: SessionOut } } },
    async (request) => {
      const auth = authOf(request);
      if (auth.kind !== 'session') throw new AppError('validation', 'API tokens have no session');
      return sessionOf(request, auth.csrfToken!);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'End the session (X-CSRF-Token required while the session is live)', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const auth = request.auth;
      // Public so that a dead cookie can still be cleared; a live session must prove the request is its own.
      const sent = request.headers['x-csrf-token'];
      if (auth?.csrfToken && (typeof sent !== 'string' || !sameSecret(sent, auth.csrfToken))) {
        throw new AppError('forbidden', 'The X-CSRF-Token header is missing or does not match this session');
      }
      if (auth?.sessionId) {
        const sessionId = auth.sessionId;
        await tx(request, async (trx) => {
          await deleteSession(trx, sessionId);
          await recordAuditEvent(trx, { tenantId: auth.tenantId, entity: 'user', entityId: auth.userId!, action: 'logout' });
        });
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
