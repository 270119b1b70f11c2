import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Every versioned record's ETag is its version number: `"v3"`. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', etagOf(version));
}

/**
 * The version a write expects, from If-Match. A write without one is refused (428) so that two people editing
 * the same record cannot silently overwrite each other.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) {
    throw new AppError('precondition_required', 'Send the ETag you read as If-Match so that concurrent edits are detected');
  }
  const match = /^(?:W\/)?"v(\d+)"$/.exec(header.trim());
  if (!match) throw new AppError('precondition_failed', 'If-Match does not name a version of this record');
  return Number(match[1]);
}
