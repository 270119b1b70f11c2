import { AppError, notFound } from './errors.ts';

/**
 * Checks a versioned record before a write: 404 when it is missing (or outside the caller's scope), 412 with
 * `currentVersion` when it changed since the caller read the version sent as If-Match.
 */
export function assertVersion<T extends { version: number }>(current: T | undefined, expected: number, what: string): T {
  if (!current) throw notFound(what);
  if (current.version !== expected) {
    throw new AppError('precondition_failed', `${what} was changed by someone else (now version ${current.version})`, {
      extensions: { currentVersion: current.version },
    });
  }
  return current;
}
