import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../../http/errors.ts';

/** Largest attachment accepted: a phone photo or a vendor's service report fits comfortably. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

/** What may be attached: photos, PDF, plain text and CSV, Word and Excel documents, with the names they go by. */
export const ATTACHMENT_TYPES: ReadonlyArray<{ mime: string; extensions: readonly string[]; inline: boolean }> = [
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], inline: true },
  { mime: 'image/png', extensions: ['png'], inline: true },
  { mime: 'image/webp', extensions: ['webp'], inline: true },
  { mime: 'image/heic', extensions: ['heic', 'heif'], inline: false },
  { mime: 'image/heif', extensions: ['heic', 'heif'], inline: false },
  { mime: 'application/pdf', extensions: ['pdf'], inline: true },
  { mime: 'text/plain', extensions: ['txt', 'text', 'log'], inline: false },
  { mime: 'text/csv', extensions: ['csv'], inline: false },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], inline: false },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], inline: false },
];

const ACCEPTED = 'JPEG, PNG, WebP or HEIC photos, PDF, plain text or CSV, Word (.docx) or Excel (.xlsx) documents';

/** Where an attachment's bytes live: HTM_DATA_DIR/attachments/<tenant>/<attachment id>. */
export const storageKeyOf = (tenantId: string, id: string) => path.posix.join('attachments', tenantId, id);
export const storagePathOf = (dataDir: string, storageKey: string) => path.join(dataDir, ...storageKey.split('/'));

/** The file name as the user's device named it, without any directory part. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return (base || 'attachment').slice(-255);
}

export interface ReceivedFile {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Streams an upload to a temporary file beside its final place, hashing it on the way. An upload over the size limit
 * (the multipart parser truncates it) is removed and refused with 413.
 */
export async function receiveFile(stream: Readable & { truncated?: boolean }, finalPath: string): Promise<ReceivedFile> {
  await fs.mkdir(path.dirname(finalPath), { recursive: true });
  const tempPath = `${finalPath}.part`;
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, measure, createWriteStream(tempPath, { flags: 'wx' }));
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  if (stream.truncated) {
    await fs.rm(tempPath, { force: true });
    throw new AppError('payload_too_large', `An attachment may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
  }
  return { tempPath, sizeBytes, sha256: hash.digest('hex') };
}

/** Plain text: no NUL byte and valid UTF-8 in the first 64 KiB. */
async function looksLikeText(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

const extensionOf = (fileName: string) => (fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '');

/**
 * The content type of an upload, from its bytes (file-type), never from what the client declared. Content outside
 * the allow-list, or content that contradicts the file name's extension (an .exe renamed .pdf), is refused (415).
 */
export async function sniffContentType(file: string, fileName: string): Promise<{ mime: string; inline: boolean }> {
  const extension = extensionOf(fileName);
  const detected = await fileTypeFromFile(file);
  const unsupported = (what: string) => new AppError('unsupported_media_type', `${what}; accepted are ${ACCEPTED}`);
  if (detected) {
    const type = ATTACHMENT_TYPES.find((t) => t.mime === detected.mime);
    if (!type) throw unsupported(`The file contains ${detected.ext.toUpperCase()} (${detected.mime}), which is not accepted`);
    if (extension && !type.extensions.includes(extension)) {
      throw unsupported(`The file is named .${extension} but contains ${detected.ext.toUpperCase()} (${detected.mime})`);
    }
    return { mime: type.mime, inline: type.inline };
  }
  if (!(await looksLikeText(file))) throw unsupported('The file is binary content of an unrecognised type');
  const textType = ATTACHMENT_TYPES.find((t) => t.mime.startsWith('text/') && t.extensions.includes(extension || 'txt'));
  if (!textType) throw unsupported(`The file is named .${extension} but contains plain text`);
  return { mime: textType.mime, inline: false };
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
