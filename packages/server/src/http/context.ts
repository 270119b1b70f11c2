import type { FastifyReply, FastifyRequest } from 'fastify';
import { withTenant, type TransactionOptions, type Trx } from '../db/tenant-context.ts';
import { authOf } from './auth.ts';

/** Runs `work` in one transaction as the request's principal: tenant, actor, request id and client address. */
export function tx<T>(request: FastifyRequest, work: (trx: Trx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
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
    options,
  );
}

export type Run = <T>(work: (trx: Trx) => Promise<T>) => Promise<T>;

/**
 * One read-only snapshot transaction held open for as long as a streamed response lasts: every `run` reads the same
 * snapshot, so an export written in batches is the inventory at one instant. Calls of `run` must not overlap. The
 * transaction ends, and its connection returns to the pool, when the response closes (done, failed or abandoned).
 */
export function snapshotFor(request: FastifyRequest, reply: FastifyReply): Run {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  let opened!: (trx: Trx) => void;
  const open = new Promise<Trx>((resolve) => (opened = resolve));
  const held = tx(request, async (trx) => {
    opened(trx);
    await ended;
  }, { snapshot: true });
  reply.raw.once('close', end);
  // A transaction that could not begin fails every run instead of leaving it waiting.
  const failed = held.then(() => Promise.reject(new Error('the snapshot transaction has ended')));
  failed.catch(() => undefined);
  return async (work) => work(await Promise.race([open, failed]));
}
