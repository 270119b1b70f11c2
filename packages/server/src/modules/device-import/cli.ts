import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Databases } from '../../db/connection.ts';
import type { DeviceImport } from '../../db/schema.ts';
import { withTenant, type TenantContext } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import { tenantBySlug } from '../tenants/service.ts';
import { cleanMapping } from './map-columns.ts';
import type { ImportProblem } from './problems.ts';
import { updateMapping } from './queries.ts';
import { checkImport, commitImport, type ImportSummary } from './run-import.ts';
import { startImport } from './start-import.ts';
import { saveLocalFile } from './storage.ts';

export interface ImportDevicesInput {
  file: string | undefined;
  tenant: string;
  dryRun: boolean;
  /** A JSON file: {"asset_tag": "Asset #", …}, or the same under "mapping". */
  mappingFile: string | undefined;
  skipRowsWithErrors: boolean;
}

type Out = (line: string) => void;

async function readMappingFile(file: string, headers: readonly string[]) {
  const raw = JSON.parse(await fs.readFile(file, 'utf8').catch(() => {
    throw new AppError('validation', `--mapping ${file} cannot be read`);
  })) as Record<string, unknown>;
  const mapping = cleanMapping((typeof raw.mapping === 'object' && raw.mapping !== null ? raw.mapping : raw) as Record<string, unknown>);
  const unknown = Object.values(mapping).filter((header) => !headers.includes(header!));
  if (unknown.length > 0) throw new AppError('validation', `--mapping names columns the file does not have: ${unknown.join(', ')}`);
  return mapping;
}

function printProblems(problems: ImportProblem[], total: number, out: Out): void {
  for (const p of problems) {
    const column = p.column === null ? '' : `column "${p.column}"`;
    out(`  line ${String(p.line).padEnd(7)} ${column.padEnd(28)} ${p.severity.padEnd(7)} ${p.code}: ${p.message}`);
  }
  if (total > problems.length) out(`  … and ${total - problems.length} more (see GET /api/v1/device-imports/:id)`);
}

function printReport(row: DeviceImport, out: Out): void {
  const summary = row.summary as ImportSummary;
  const problems = (row.problems ?? []) as ImportProblem[];
  out(`problems  ${summary.errors} error(s), ${summary.warnings} warning(s) in ${summary.rowsWithErrors} of ${summary.rows} rows`);
  printProblems(problems, row.problem_count ?? problems.length, out);
  const models = summary.newModels > 0 ? `, ${summary.newModels} new model(s)` : '';
  out(`summary   create ${summary.create}, update ${summary.update}, unchanged ${summary.unchanged}, rows with errors ${summary.rowsWithErrors}${models}`);
}

/**
 * `htm import devices FILE --tenant SLUG [--dry-run] [--mapping JSON]`: the API's import flow from the command
 * line. Prints the problem report (line, column, problem) and a summary. Exit code 1 when the file cannot be
 * read, when a commit is refused because rows have errors, or when a dry run finds errors.
 */
export async function importDevicesCommand(db: Databases, config: Config, input: ImportDevicesInput, out: Out): Promise<number> {
  if (!input.file) throw new AppError('validation', 'Name the CSV or XLSX file to import');
  const file = input.file;
  const tenant = await tenantBySlug(db.owner, input.tenant);
  const context: TenantContext = { tenantId: tenant.id, actor: 'cli' };
  let started;
  try {
    started = await startImport(db.app, context, { dataDir: config.dataDir, fileName: path.basename(file), save: (target) => saveLocalFile(file, target) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    out(`cannot import ${file}: ${error.message}`);
    return 1;
  }
  let row = started.row;
  out(`file      ${file} (${row.format}${row.encoding ? `, ${row.encoding}` : ''}), import ${row.id}`);
  if (input.mappingFile) {
    const mapping = await readMappingFile(input.mappingFile, row.headers);
    row = await withTenant(db.app, context, (trx) => updateMapping(trx, { userId: null, facilityIds: null }, row.id, row.version, mapping));
  }
  const mapping = Object.entries(row.mapping).map(([field, header]) => `${header} → ${field}`);
  out(`mapping   ${mapping.join(', ') || '(none)'}`);
  const unmapped = row.headers.filter((header) => !Object.values(row.mapping).includes(header));
  if (unmapped.length > 0) out(`unmapped  ${unmapped.join(', ')}`);

  const options = { databaseUrl: db.url, dataDir: config.dataDir, context, facilityScope: null };
  if (input.dryRun) {
    row = await checkImport(row.id, options);
    printReport(row, out);
    const summary = row.summary as ImportSummary;
    out(`result    dry run: nothing written (${summary.seconds} s)`);
    return summary.rowsWithErrors > 0 ? 1 : 0;
  }
  const outcome = await commitImport(row.id, { ...options, skipRowsWithErrors: input.skipRowsWithErrors });
  printReport(outcome.row, out);
  const summary = outcome.row.summary as ImportSummary;
  if (outcome.refused) {
    out(`result    refused: ${summary.rowsWithErrors} row(s) have errors; nothing was written (fix them, or pass --skip-rows-with-errors)`);
    return 1;
  }
  const written = summary.written!;
  out(`result    committed: ${written.created} created, ${written.updated} updated, ${written.modelsCreated} model(s) created, ${written.skippedRows} row(s) skipped (${summary.seconds} s)`);
  return 0;
}
