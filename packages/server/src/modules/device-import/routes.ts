import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { DeviceImport } from '../../db/schema.ts';
import type { TenantContext } from '../../db/tenant-context.ts';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { cleanMapping } from './map-columns.ts';
import { presentImport, presentImportDetail } from './presenter.ts';
import { getImport, listImports, problemPage, updateMapping, type ImportViewer } from './queries.ts';
import { readFileHead, storedFile, type FileHead } from './read-file.ts';
import { checkImport, commitImport, type ImportRunOptions } from './run-import.ts';
import { CommitBody, DeviceImportDetailOut, DeviceImportOut, IdParams, ImportDetailQuery, ImportListQuery, MappingBody } from './schema.ts';
import { startImport } from './start-import.ts';
import { importFilePath, MAX_IMPORT_BYTES, saveUpload } from './storage.ts';
import { userNamesByIds } from '../users/names.ts';

const tags = ['device imports'];
const action = 'device.import' as const;

function contextOf(request: FastifyRequest): TenantContext {
  const auth = authOf(request);
  return { tenantId: auth.tenantId, userId: auth.userId, tokenId: auth.tokenId, actor: auth.actorLabel, requestId: request.id, clientIp: request.ip };
}

function viewerOf(request: FastifyRequest): ImportViewer {
  const auth = authOf(request);
  return { userId: auth.userId, facilityIds: auth.facilityIds };
}

function runOptions(request: FastifyRequest): ImportRunOptions {
  const { db, config } = request.server.deps;
  return { databaseUrl: db.url, dataDir: config.dataDir, context: contextOf(request), facilityScope: authOf(request).facilityIds };
}

/** The sample rows of a stored file; an unreadable or removed file shows none rather than failing the read. */
async function headOf(request: FastifyRequest, row: DeviceImport): Promise<FileHead | null> {
  const filePath = importFilePath(request.server.deps.config.dataDir, row.storage_key);
  return readFileHead(filePath, storedFile(row), row.file_name).catch(() => null);
}

export const deviceImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });

  app.post(
    '/device-imports',
    {
      config: { action },
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file of devices (multipart field "file"): detects format and encoding, proposes a column mapping',
        consumes: ['multipart/form-data'],
        response: { 201: DeviceImportDetailOut },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file"');
      const part = await request.file();
      if (!part) throw new AppError('validation', 'No file was sent', { fields: [{ path: '/body/file', message: 'is required' }] });
      const started = await startImport(request.server.deps.db.app, contextOf(request), {
        dataDir: request.server.deps.config.dataDir,
        fileName: part.filename || 'upload.csv',
        save: (target) => saveUpload(part.file, target),
      });
      const uploaders = await tx(request, (trx) => userNamesByIds(trx, [started.row.created_by]));
      setEtag(reply, started.row.version);
      return reply.status(201).send(presentImportDetail(started.row, uploaders, started.head, { items: [], nextCursor: null }));
    },
  );

  app.get(
    '/device-imports',
    { config: { action }, schema: { tags, summary: 'Import history, newest first', querystring: ImportListQuery, response: { 200: pageOf(DeviceImportOut) } } },
    async (request) => {
      const { page, uploaders } = await tx(request, async (trx) => {
        const page = await listImports(trx, viewerOf(request), request.query);
        return { page, uploaders: await userNamesByIds(trx, page.items.map((row) => row.created_by)) };
      });
      return { items: page.items.map((row) => presentImport(row, uploaders)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/device-imports/:id',
    {
      config: { action },
      schema: { tags, summary: 'One import: status, summary, sample rows and a page of its problems in file order', params: IdParams, querystring: ImportDetailQuery, response: { 200: DeviceImportDetailOut } },
    },
    async (request, reply) => {
      const { row, uploaders, problems } = await tx(request, async (trx) => {
        const row = await getImport(trx, viewerOf(request), request.params.id);
        return { row, uploaders: await userNamesByIds(trx, [row.created_by]), problems: await problemPage(trx, row.id, request.query) };
      });
      setEtag(reply, row.version);
      return presentImportDetail(row, uploaders, await headOf(request, row), problems);
    },
  );

  app.put(
    '/device-imports/:id/mapping',
    {
      config: { action },
      schema: { tags, summary: 'Set which column feeds which field (If-Match required)', params: IdParams, body: MappingBody, response: { 200: DeviceImportDetailOut } },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const { row, uploaders } = await tx(request, async (trx) => {
        const row = await updateMapping(trx, viewerOf(request), request.params.id, version, cleanMapping(request.body.mapping));
        return { row, uploaders: await userNamesByIds(trx, [row.created_by]) };
      });
      setEtag(reply, row.version);
      return presentImportDetail(row, uploaders, await headOf(request, row), { items: [], nextCursor: null });
    },
  );

  app.post(
    '/device-imports/:id/check',
    {
      config: { action },
      schema: { tags, summary: 'Dry run: check every row and report every problem by line and column; writes no device', params: IdParams, response: { 200: DeviceImportDetailOut } },
    },
    async (request, reply) => {
      await tx(request, (trx) => getImport(trx, viewerOf(request), request.params.id));
      const row = await checkImport(request.params.id, runOptions(request));
      const { uploaders, problems } = await tx(request, async (trx) => ({
        uploaders: await userNamesByIds(trx, [row.created_by]),
        problems: await problemPage(trx, row.id, { limit: 100 }),
      }));
      setEtag(reply, row.version);
      return presentImportDetail(row, uploaders, null, problems);
    },
  );

  app.post(
    '/device-imports/:id/commit',
    {
      config: { action },
      schema: {
        tags,
        summary: 'Write the checked rows in one transaction; refused (422, nothing written) while rows have errors unless skipRowsWithErrors',
        params: IdParams,
        body: CommitBody,
        response: { 200: DeviceImportDetailOut },
      },
    },
    async (request, reply) => {
      await tx(request, (trx) => getImport(trx, viewerOf(request), request.params.id));
      const outcome = await commitImport(request.params.id, { ...runOptions(request), skipRowsWithErrors: request.body.skipRowsWithErrors ?? false });
      const { uploaders, problems } = await tx(request, async (trx) => ({
        uploaders: await userNamesByIds(trx, [outcome.row.created_by]),
        problems: await problemPage(trx, outcome.row.id, { limit: 100, severity: outcome.refused ? 'error' : undefined }),
      }));
      if (outcome.refused) {
        const summary = outcome.row.summary as { rowsWithErrors: number };
        throw new AppError('unprocessable', `${summary.rowsWithErrors} row(s) have errors; nothing was written. Fix them, or commit with skipRowsWithErrors`, {
          extensions: { importId: outcome.row.id, problemCount: outcome.row.problem_count, summary: outcome.row.summary, problems: problems.items },
        });
      }
      setEtag(reply, outcome.row.version);
      return presentImportDetail(outcome.row, uploaders, null, problems);
    },
  );
};
