import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Attachment } from '../../db/schema.ts';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { keysetPage, pageOf, PageQuery } from '../../http/pagination.ts';
import { ATTACHMENT_MAX_BYTES, contentDisposition, storagePathOf } from './attachment-files.ts';
import { addDeviceAttachment, deleteAttachment, removeAttachmentFile, showsInline, visibleAttachment } from './attachments.ts';
import { visibleDevice } from './device-access.ts';
import { IdParams, IsoDateTime, Nullable, Uuid } from './schema.ts';

const tags = ['device attachments'];

const AttachmentOut = Type.Object(
  {
    id: Uuid,
    deviceId: Uuid,
    fileName: Type.String(),
    contentType: Type.String({ description: 'As sniffed from the bytes, not as declared by the uploader' }),
    sizeBytes: Type.Integer(),
    sha256: Type.String({ description: 'SHA-256 of the content, hex' }),
    description: Nullable(Type.String()),
    uploadedBy: Nullable(Uuid),
    createdAt: IsoDateTime,
    contentUrl: Type.String({ description: 'GET it for the file itself' }),
  },
  { $id: 'Attachment' },
);

function presentAttachment(row: Attachment) {
  return {
    id: row.id,
    deviceId: row.entity_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    description: row.description,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
    contentUrl: `/api/v1/attachments/${row.id}/content`,
  };
}

/** Photos and documents of a device: upload (multipart, registered for these routes only), list, download, delete. */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

  app.post(
    '/devices/:id/attachments',
    {
      config: { action: 'device.write' },
      schema: {
        tags,
        summary: 'Attach a photo or document to a device',
        description:
          `multipart/form-data with the file in field \`file\` (an optional \`description\` field before it). At most ` +
          `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB (413). The type is sniffed from the bytes: JPEG, PNG, WebP, HEIC, PDF, ` +
          'plain text, CSV, DOCX, XLSX are accepted; anything else, or content that contradicts the file extension, is 415.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: AttachmentOut },
      },
    },
    async (request, reply) => reply.status(201).send(presentAttachment(await addDeviceAttachment(request, request.params.id))),
  );

  app.get(
    '/devices/:id/attachments',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: "A device's attachments, newest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AttachmentOut) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const page = await tx(request, async (trx) => {
        await visibleDevice(trx, auth, request.params.id);
        const qb = trx.selectFrom('attachments').selectAll().where('entity', '=', 'device').where('entity_id', '=', request.params.id);
        return keysetPage(qb, { query: request.query, sortFields: { createdAt: 'created_at', fileName: 'file_name' }, defaultSort: '-createdAt', idColumn: 'id' });
      });
      return { items: page.items.map(presentAttachment), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/attachments/:id',
    {
      config: { action: 'inventory.read' },
      schema: { tags, summary: 'One attachment (metadata)', params: IdParams, response: { 200: AttachmentOut } },
    },
    async (request) => {
      const auth = authOf(request);
      return presentAttachment(await tx(request, (trx) => visibleAttachment(trx, auth, request.params.id)));
    },
  );

  app.get(
    '/attachments/:id/content',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Download an attachment',
        description:
          'The file with its sniffed content type; photos and PDF inline, other types as a download (?download=true forces ' +
          'a download). Sent with X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy.',
        params: IdParams,
        querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }),
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const row = await tx(request, (trx) => visibleAttachment(trx, auth, request.params.id));
      const file = storagePathOf(request.server.deps.config.dataDir, row.storage_key);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat) {
        request.log.error({ attachmentId: row.id, file }, 'attachment file is missing');
        throw notFound('The file of this attachment');
      }
      const kind = showsInline(row.content_type) && !request.query.download ? 'inline' : 'attachment';
      return reply
        .type(row.content_type)
        .header('content-length', stat.size)
        .header('content-disposition', contentDisposition(kind, row.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, max-age=0')
        .header('etag', `"${row.sha256}"`)
        .send(createReadStream(file));
    },
  );

  app.delete(
    '/attachments/:id',
    {
      config: { action: 'device.write' },
      schema: { tags, summary: 'Delete an attachment', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const row = await tx(request, (trx) => deleteAttachment(trx, auth, request.params.id));
      await removeAttachmentFile(request.server.deps.config.dataDir, row).catch((error: unknown) => {
        request.log.warn({ err: error, attachmentId: row.id }, 'attachment row deleted but its file could not be removed');
      });
      return reply.status(204).send(null);
    },
  );
};
