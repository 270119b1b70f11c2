import type { DeviceImport } from '../../db/schema.ts';
import type { Page } from '../../http/pagination.ts';
import type { UserName } from '../users/names.ts';
import { cleanMapping, IMPORT_FIELDS } from './map-columns.ts';
import type { ImportProblem } from './problems.ts';
import type { FileHead } from './read-file.ts';
import type { DeviceImportDetailOut, DeviceImportOut } from './schema.ts';

/** `uploaders`: the names of the users who uploaded (userNamesByIds), to name the uploader beside the id. */
export function presentImport(row: DeviceImport, uploaders: ReadonlyMap<string, UserName>): DeviceImportOut {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    status: row.status,
    headers: row.headers,
    mapping: cleanMapping(row.mapping),
    rowCount: row.row_count,
    problemCount: row.problem_count,
    summary: (row.summary as Record<string, unknown> | null) ?? null,
    createdBy: row.created_by,
    createdByName: row.created_by ? (uploaders.get(row.created_by)?.displayName ?? null) : null,
    createdAt: row.created_at.toISOString(),
    committedAt: row.committed_at?.toISOString() ?? null,
    version: row.version,
  };
}

/** An import with what the mapping step and the problem report need: fields, sample rows, a page of problems. */
export function presentImportDetail(
  row: DeviceImport,
  uploaders: ReadonlyMap<string, UserName>,
  head: Pick<FileHead, 'sampleRows'> | null,
  problems: Page<ImportProblem>,
): DeviceImportDetailOut {
  const mapped = new Set(Object.values(cleanMapping(row.mapping)));
  return {
    ...presentImport(row, uploaders),
    fields: IMPORT_FIELDS,
    unmappedHeaders: row.headers.filter((header) => !mapped.has(header)),
    sampleRows: head?.sampleRows ?? [],
    problems,
  };
}
