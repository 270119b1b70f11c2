import { sql } from 'kysely';
import type { DeviceImport } from '../../db/schema.ts';
import type { TenantContext, Trx } from '../../db/tenant-context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { createRowChecker, type NewModel } from './check-rows.ts';
import { writeDevices, type WrittenChanges } from './commit-import.ts';
import { matchExistingDevices, plannedChanges, runDatabaseChecks, type PlannedChanges } from './database-checks.ts';
import { withImportSession, type ImportSession } from './import-session.ts';
import { cleanMapping, identifierGap } from './map-columns.ts';
import { ProblemLog } from './problems.ts';
import { openImportFile, storedFile } from './read-file.ts';
import { loadReferences } from './references.ts';
import { copyIntoStaging, copyLine, createStagingTables } from './staging.ts';
import { importFilePath } from './storage.ts';

export interface ImportRunOptions {
  /** The connection string the import session opens its own connection with. */
  databaseUrl: string;
  dataDir: string;
  context: TenantContext;
  /** Facilities the actor may import into; null for all. */
  facilityScope: readonly string[] | null;
}

export interface ImportSummary extends PlannedChanges {
  errors: number;
  warnings: number;
  problemCounts: Record<string, number>;
  newModels: number;
  /** The first new models, for the report. */
  modelsToCreate: { manufacturer: string; modelNumber: string; firstLine: number }[];
  written?: WrittenChanges & { skippedRows: number };
  seconds: number;
  /** Seconds per phase: read (parse, check, COPY to staging), match, checks (against the inventory), plan, write. */
  timings: Record<string, number>;
}

export interface ImportOutcome {
  row: DeviceImport;
  /** True when the commit was refused because rows have errors; nothing was written. */
  refused: boolean;
}

async function lockImport(trx: Trx, id: string): Promise<DeviceImport> {
  const row = await trx.selectFrom('device_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('The import');
  if (row.status === 'committed') throw new AppError('conflict', 'This import is committed already; upload the file again to re-import it');
  return row;
}

/**
 * Reads every row of the file, checks it, and stages it in `import_rows`; then the checks against the existing
 * inventory run set-based. Rows stream from the file through the row checker into COPY, so memory stays flat.
 */
async function stageAndCheck(session: ImportSession, row: DeviceImport, options: ImportRunOptions) {
  const mapping = cleanMapping(row.mapping);
  const gap = identifierGap(mapping);
  if (gap) throw new AppError('unprocessable', gap);
  const file = await openImportFile(importFilePath(options.dataDir, row.storage_key), storedFile(row));
  if (!file) throw new AppError('unprocessable', 'The stored file has no rows any more');
  const problems = new ProblemLog(mapping);
  const checker = createRowChecker({
    headers: file.headers,
    mapping,
    references: await loadReferences(session.trx),
    problems,
    facilityScope: options.facilityScope,
    today: new Date().toISOString().slice(0, 10),
  });
  await createStagingTables(session.trx);
  async function* lines() {
    for await (const raw of file!.rows) yield copyLine(checker.check(raw));
  }
  const timings = new Timings();
  await timings.time('read', () => copyIntoStaging(session.client, lines()));
  const matches = await timings.time('match', () => matchExistingDevices(session.trx));
  await timings.time('checks', () => runDatabaseChecks(session.trx, problems, options.facilityScope));
  const planned = await timings.time('plan', () => plannedChanges(session.trx));
  return { problems, planned, newModels: checker.newModels(), timings, matches };
}

/** Seconds spent per phase of a run, for the summary. */
class Timings {
  readonly seconds: Record<string, number> = {};

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.seconds[phase] = Math.round((performance.now() - started) / 10) / 100;
    }
  }
}

function summarize(problems: ProblemLog, planned: PlannedChanges, newModels: NewModel[], timings: Timings, started: number): ImportSummary {
  return {
    ...planned,
    errors: problems.errors,
    warnings: problems.warnings,
    problemCounts: problems.counts,
    newModels: newModels.length,
    modelsToCreate: newModels.slice(0, 100).map((m) => ({ manufacturer: m.manufacturerName, modelNumber: m.modelNumber, firstLine: m.firstLine })),
    seconds: Math.round((performance.now() - started) / 10) / 100,
    timings: timings.seconds,
  };
}

async function record(trx: Trx, id: string, status: DeviceImport['status'], problems: ProblemLog, summary: ImportSummary): Promise<DeviceImport> {
  return trx
    .updateTable('device_imports')
    .set({
      status,
      row_count: summary.rows,
      problem_count: problems.total,
      problems: JSON.stringify(problems.sorted()),
      summary: JSON.stringify(summary),
      committed_at: status === 'committed' ? sql`now()` : null,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The dry run: checks every row and records the problems and what a commit would do; writes no device. */
export async function checkImport(id: string, options: ImportRunOptions): Promise<DeviceImport> {
  const started = performance.now();
  return withImportSession(options.databaseUrl, options.context, async (session) => {
    const row = await lockImport(session.trx, id);
    const { problems, planned, newModels, timings } = await stageAndCheck(session, row, options);
    return record(session.trx, id, 'checked', problems, summarize(problems, planned, newModels, timings, started));
  });
}

/**
 * Checks every row again (the inventory may have changed since the dry run) and, when no row has an error or
 * the person chose to skip the rows that do, writes the rest in the same transaction. A refused commit records
 * why and writes nothing else.
 */
export async function commitImport(id: string, options: ImportRunOptions & { skipRowsWithErrors: boolean }): Promise<ImportOutcome> {
  const started = performance.now();
  return withImportSession(options.databaseUrl, options.context, async (session) => {
    const row = await lockImport(session.trx, id);
    const { problems, planned, newModels, timings, matches } = await stageAndCheck(session, row, options);
    if (planned.rowsWithErrors > 0 && !options.skipRowsWithErrors) {
      return { row: await record(session.trx, id, 'refused', problems, summarize(problems, planned, newModels, timings, started)), refused: true };
    }
    const written = await timings.time('write', () => writeDevices(session.trx, options.context.tenantId, newModels, matches));
    const summary = { ...summarize(problems, planned, newModels, timings, started), written: { ...written, skippedRows: planned.rowsWithErrors } };
    return { row: await record(session.trx, id, 'committed', problems, summary), refused: false };
  });
}
