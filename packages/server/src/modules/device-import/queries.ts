import { sql } from 'kysely';
import type { DeviceImportMapping } from '@openhtm/domain';
import type { DeviceImport } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { keysetPage, type Page, type PageQuery } from '../../http/pagination.ts';
import { identifierGap, mappingProblems } from './map-columns.ts';
import type { ImportProblem, ImportProblemCode } from './problems.ts';

/** Who sees which imports: everyone with the action sees all, a facility-scoped actor only their own uploads. */
export interface ImportViewer {
  userId: string | null;
  facilityIds: readonly string[] | null;
}

const visibleTo = (viewer: ImportViewer) => (row: DeviceImport) => viewer.facilityIds === null || row.created_by === viewer.userId;

export async function listImports(trx: Trx, viewer: ImportViewer, query: PageQuery & { status?: DeviceImport['status'] }): Promise<Page<DeviceImport>> {
  let qb = trx.selectFrom('device_imports').selectAll();
  if (viewer.facilityIds !== null) qb = viewer.userId ? qb.where('created_by', '=', viewer.userId) : qb.where(sql<boolean>`false`);
  if (query.status) qb = qb.where('status', '=', query.status);
  return keysetPage(qb, { query, sortFields: { createdAt: 'created_at', fileName: 'file_name' }, defaultSort: '-createdAt', idColumn: 'id' });
}

export async function getImport(trx: Trx, viewer: ImportViewer, id: string): Promise<DeviceImport> {
  const row = await trx.selectFrom('device_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !visibleTo(viewer)(row)) throw notFound('The import');
  return row;
}

export interface ProblemQuery {
  limit?: number;
  cursor?: string;
  severity?: 'error' | 'warning';
  code?: ImportProblemCode;
}

const badCursor = () => new AppError('validation', 'The cursor is not one this API handed out', { fields: [{ path: '/querystring/cursor', message: 'is not a valid cursor' }] });

/**
 * One page of an import's problems in file order, of one severity or kind (code) when asked. The cursor is the
 * position of the last problem shown, so pages stay put; problems are replaced as a whole by the next check.
 */
export async function problemPage(trx: Trx, id: string, query: ProblemQuery): Promise<Page<ImportProblem>> {
  const after = query.cursor === undefined ? 0 : Number(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(after) || after < 0) throw badCursor();
  const limit = query.limit ?? 50;
  const { rows } = await sql<{ problem: ImportProblem; n: number }>`
    select p.problem, p.n::int as n
    from device_imports i, jsonb_array_elements(coalesce(i.problems, '[]')) with ordinality as p(problem, n)
    where i.id = ${id} and p.n > ${after}
      and (${query.severity ?? null}::text is null or p.problem ->> 'severity' = ${query.severity ?? null})
      and (${query.code ?? null}::text is null or p.problem ->> 'code' = ${query.code ?? null})
    order by p.n
    limit ${limit + 1}`.execute(trx);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map((r) => r.problem), nextCursor: rows.length > limit && last ? Buffer.from(String(last.n)).toString('base64url') : null };
}

/** Sets the column mapping a person chose; a changed mapping needs a new check before its result means anything. */
export async function updateMapping(trx: Trx, viewer: ImportViewer, id: string, version: number, mapping: DeviceImportMapping): Promise<DeviceImport> {
  const current = await getImport(trx, viewer, id);
  if (current.version !== version) {
    throw new AppError('precondition_failed', `The import was changed by someone else (now version ${current.version})`, { extensions: { currentVersion: current.version } });
  }
  if (current.status === 'committed') throw new AppError('conflict', 'This import is committed already; its mapping cannot change');
  const problems = mappingProblems(mapping, current.headers);
  const gap = identifierGap(mapping);
  if (gap) problems.push({ path: '/body/mapping/asset_tag', message: gap });
  if (problems.length > 0) throw invalid(problems, 'The mapping names columns the file does not have');
  return trx
    .updateTable('device_imports')
    .set({ mapping: JSON.stringify(mapping), status: 'uploaded', version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();
}
