import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../http/errors.ts';

/** Largest import file accepted: about 2.5 million rows of a typical inventory export. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/** Where an import file lives, relative to the data directory: `imports/<tenant id>/<import id>`. */
export function importStorageKey(tenantId: string, importId: string): string {
  return path.posix.join('imports', tenantId, importId);
}

export function importFilePath(dataDir: string, storageKey: string): string {
  const resolved = path.resolve(dataDir, storageKey);
  if (!resolved.startsWith(path.resolve(dataDir, 'imports') + path.sep)) throw new AppError('internal', 'Import file outside the data directory');
  return resolved;
}

/** Writes an uploaded stream to `target`; refuses (413) and removes the partial file when it passes the size limit. */
export async function saveUpload(source: Readable & { truncated?: boolean }, target: string): Promise<number> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await pipeline(source, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await fs.rm(target, { force: true });
    throw error;
  }
  if (source.truncated) {
    await fs.rm(target, { force: true });
    throw new AppError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several imports`);
  }
  return (await fs.stat(target)).size;
}

/** Copies a local file (the command line's import) into the data directory. */
export async function saveLocalFile(source: string, target: string): Promise<number> {
  const stat = await fs.stat(source).catch(() => null);
  if (!stat?.isFile()) throw new AppError('validation', `${source} is not a readable file`);
  if (stat.size > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(source, target);
  return stat.size;
}
