import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { autoMapColumns } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import type { DeviceImport } from '../../db/schema.ts';
import { withTenant, type TenantContext } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import { headerLooksLikeData } from './map-columns.ts';
import { detectFile, readFileHead, type FileHead } from './read-file.ts';
import { importFilePath, importStorageKey } from './storage.ts';

export interface StartedImport {
  row: DeviceImport;
  head: FileHead;
  unmappedHeaders: string[];
}

export interface StartImportInput {
  dataDir: string;
  fileName: string;
  /** Writes the file to the path given and returns its size; the HTTP upload and the command line differ here. */
  save(target: string): Promise<number>;
}

/** Reads what the mapping step needs and refuses files that are not spreadsheets of devices, with a reason. */
async function inspect(filePath: string, fileName: string) {
  const detected = await detectFile(filePath, fileName);
  const head = await readFileHead(filePath, detected, fileName);
  if (head.sampleRows.length === 0) throw new AppError('validation', `${fileName} has a header row but no rows of devices after it`);
  if (headerLooksLikeData(head.headers, head.rawHeaders)) {
    throw new AppError(
      'validation',
      `${fileName} has no header row: its first row (${head.rawHeaders.slice(0, 4).join(', ')}…) reads as data. ` +
        'Add a first row that names the columns, e.g. Asset tag, Serial number, Manufacturer, Model',
    );
  }
  return { detected, head };
}

/**
 * Step one of an import: stores the file under the data directory (`imports/<tenant>/<id>`), detects format and
 * encoding, reads the header row and a sample, and proposes a column mapping from the headers. Nothing about
 * devices is read or written yet.
 */
export async function startImport(app: Db, context: TenantContext, input: StartImportInput): Promise<StartedImport> {
  const id = randomUUID();
  const storageKey = importStorageKey(context.tenantId, id);
  const filePath = importFilePath(input.dataDir, storageKey);
  try {
    await input.save(filePath);
    const { detected, head } = await inspect(filePath, input.fileName);
    const { mapping, unmapped } = autoMapColumns(head.headers);
    const row = await withTenant(app, context, (trx) =>
      trx
        .insertInto('device_imports')
        .values({
          tenant_id: context.tenantId,
          id,
          file_name: input.fileName.slice(0, 255),
          storage_key: storageKey,
          format: detected.format,
          encoding: detected.encoding,
          headers: JSON.stringify(head.headers),
          mapping: JSON.stringify(mapping),
          created_by: context.userId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return { row, head, unmappedHeaders: unmapped };
  } catch (error) {
    await fs.rm(filePath, { force: true });
    throw error;
  }
}
