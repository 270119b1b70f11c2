import type { FastifyRequest } from 'fastify';
import { withTenant, type Trx } from '../db/tenant-context.ts';
import { authOf } from './auth.ts';

/** Runs `work` in one transaction as the request's principal: tenant, actor, request id and client address. */
export function tx<T>(request: FastifyRequest, work: (trx: Trx) => Promise<T>): Promise<T> {
  const auth = authOf(request);
  return withTenant(
    request.server.deps.db.app,
    {
      tenantId: auth.tenantId,
      userId: auth.userId,
      tokenId: auth.tokenId,
      actor: auth.actorLabel,
      requestId: request.id,
      clientIp: request.ip,
    },
    work,
  );
}
