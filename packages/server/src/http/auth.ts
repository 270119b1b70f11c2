import type { FastifyInstance, FastifyRequest } from 'fastify';
import { may, type Action } from '@openhtm/domain';
import { resolveApiToken } from '../modules/auth/api-tokens.ts';
import { resolveSession, SESSION_COOKIE, type AuthContext } from '../modules/auth/sessions.ts';
import { sameSecret } from '../modules/auth/secrets.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; every /api/v1 route names one or is marked public. */
    action?: Action;
    public?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The API surfaces behind authentication: the JSON API and the FHIR R4 endpoint. */
const guarded = (url: string) => url.startsWith('/api/v1') || url.startsWith('/fhir/');

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<AuthContext | null> {
  const { db, config } = app.deps;
  const authorization = request.headers.authorization;
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const auth = bearer ? await resolveApiToken(db.app, bearer) : null;
    if (!auth) throw new AppError('unauthenticated', 'The API token is not valid, has expired or was revoked');
    return auth;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  return resolveSession(db.app, cookie, config.sessionIdleMinutes);
}

/**
 * Authentication and authorization for every /api/v1 and /fhir route, before the body is even parsed:
 * who is asking (session cookie or API token) → 401; may their role do the route's action → 403;
 * a cookie-authenticated unsafe request must echo the session's CSRF token → 403.
 * A route that names no action and is not public is refused when the server starts.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (!guarded(route.url)) return;
    const config = (route.config ?? {}) as { action?: Action; public?: boolean };
    if (!config.action && !config.public) {
      throw new Error(`route ${route.method} ${route.url} names no policy action; add config.action or config.public`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const routeConfig = request.routeOptions.config as { action?: Action; public?: boolean } | undefined;
    // An unknown route is answered 404 whoever asks: it does nothing, so there is nothing to authenticate.
    if (!guarded(request.url) || !routeConfig || request.is404) return;
    request.auth = await authenticate(app, request);
    if (routeConfig.public) return;
    const auth = request.auth;
    if (!auth) throw new AppError('unauthenticated', 'Sign in, or send an API token as Authorization: Bearer');
    if (routeConfig.action && !may(auth, routeConfig.action)) {
      throw new AppError('forbidden', `The ${auth.role} role may not do this (${routeConfig.action})`);
    }
    if (auth.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
        throw new AppError('forbidden', 'The X-CSRF-Token header is missing or does not match this session');
      }
    }
  });
}

/** The authenticated principal of a route that is not public. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}
