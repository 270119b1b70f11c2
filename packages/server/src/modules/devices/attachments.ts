import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { may } from '@openhtm/domain';
import type { Attachment } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  cleanFileName,
  receiveFile,
  sniffContentType,
  storageKeyOf,
  storagePathOf,
} from './attachment-files.ts';
import { deviceForChange, visibleDevice } from './device-access.ts';

/**
 * Attaches the uploaded file (multipart field `file`; an optional `description` field before it) to a device.
 * The bytes go to a temporary file first; their type is sniffed; the row is inserted and the file renamed into
 * place in one transaction. Whatever fails, no file stays behind and no row is written.
 */
export async function addDeviceAttachment(request: FastifyRequest, deviceId: string): Promise<Attachment> {
  const auth = authOf(request);
  const dataDir = request.server.deps.config.dataDir;
  await tx(request, (trx) => deviceForChange(trx, auth, deviceId, 'device.write'));
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named file');
  const upload = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 }, throwFileSizeLimit: false });
  if (!upload) throw new AppError('validation', 'No file was sent', { fields: [{ path: '/body/file', message: 'is required' }] });

  const id = randomUUID();
  const storageKey = storageKeyOf(auth.tenantId, id);
  const finalPath = storagePathOf(dataDir, storageKey);
  const received = await receiveFile(upload.file, finalPath);
  try {
    if (received.sizeBytes === 0) throw new AppError('validation', 'The file is empty', { fields: [{ path: '/body/file', message: 'is empty' }] });
    const fileName = cleanFileName(upload.filename);
    const type = await sniffContentType(received.tempPath, fileName);
    const descriptionField = upload.fields.description;
    const description =
      descriptionField && !Array.isArray(descriptionField) && descriptionField.type === 'field' ? String(descriptionField.value).slice(0, 1000) : null;
    return await tx(request, async (trx) => {
      await deviceForChange(trx, auth, deviceId, 'device.write');
      const row = await trx
        .insertInto('attachments')
        .values({
          tenant_id: auth.tenantId,
          id,
          entity: 'device',
          entity_id: deviceId,
          file_name: fileName,
          content_type: type.mime,
          size_bytes: received.sizeBytes,
          sha256: received.sha256,
          storage_key: storageKey,
          description: description?.trim() || null,
          uploaded_by: auth.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await fs.rename(received.tempPath, finalPath);
      return row;
    });
  } catch (error) {
    await fs.rm(received.tempPath, { force: true });
    await fs.rm(finalPath, { force: true });
    throw error;
  }
}

/** The attachment and the device it belongs to, if the actor may see that device (404 otherwise). */
export async function visibleAttachment(trx: Trx, auth: AuthContext, id: string): Promise<Attachment> {
  const row = await trx.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.entity !== 'device') throw notFound('The attachment');
  await visibleDevice(trx, auth, row.entity_id).catch(() => {
    throw notFound('The attachment');
  });
  return row;
}

/** Whether a browser may show the attachment in place (photos, PDF) rather than download it. */
export const showsInline = (contentType: string) => ATTACHMENT_TYPES.some((t) => t.mime === contentType && t.inline);

/** Removes an attachment's row; its file is removed once the transaction has committed (see removeAttachmentFile). */
export async function deleteAttachment(trx: Trx, auth: AuthContext, id: string): Promise<Attachment> {
  const row = await visibleAttachment(trx, auth, id);
  const device = await visibleDevice(trx, auth, row.entity_id);
  if (!may(auth, 'device.write', { facilityId: device.facility_id })) throw new AppError('forbidden');
  await trx.deleteFrom('attachments').where('id', '=', id).execute();
  return row;
}

export async function removeAttachmentFile(dataDir: string, row: Attachment): Promise<void> {
  await fs.rm(storagePathOf(dataDir, row.storage_key), { force: true });
}
