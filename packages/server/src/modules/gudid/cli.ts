import type { Databases } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { tenantBySlug } from '../tenants/service.ts';
import { importGudidFile, type GudidImportSummary } from './import-gudid.ts';

type Out = (line: string) => void;

export function printGudidSummary(summary: GudidImportSummary, out: Out): void {
  const { manufacturers: mf, models, identifiers: ids } = summary;
  out(`records        ${summary.records} (${summary.recordsSkipped} skipped)`);
  out(`manufacturers  ${mf.matched} matched, ${mf.created} created`);
  out(`models         ${models.created} created, ${models.updated} updated, ${models.unchanged} unchanged`);
  out(`identifiers    ${ids.created} created, ${ids.updated} updated, ${ids.unchanged} unchanged, ${ids.flagged} flagged as failing their check`);
  out(`               ${ids.shared} listed by several records, kept on the record whose primary DI they are (or the first)`);
  out(`problems       ${summary.problemCount}${summary.problemCount > summary.problems.length ? ` (first ${summary.problems.length} listed)` : ''}`);
  for (const p of summary.problems) {
    out(`  record ${p.record}  ${p.primaryDi}  ${p.companyName} / ${p.modelNumber}  [${p.code}] ${p.message}`);
  }
  out(`time           ${(summary.ms / 1000).toFixed(1)} s${summary.dryRun ? ' — dry run: nothing was written' : ''}`);
}

/** `htm import gudid FILE --tenant SLUG [--dry-run] [--json]` */
export async function gudidImportCommand(
  db: Databases,
  input: { file: string | undefined; tenant: string; dryRun: boolean; json: boolean },
  out: Out,
): Promise<number> {
  if (!input.file) throw new AppError('validation', 'Name the GUDID file (a zip of XML files, or one XML file)');
  const tenant = await tenantBySlug(db.owner, input.tenant);
  const summary = await importGudidFile(db, tenant.id, input.file, { dryRun: input.dryRun, actor: 'cli:import gudid' });
  if (input.json) out(JSON.stringify(summary, null, 2));
  else {
    out(`GUDID import of ${input.file} into ${tenant.slug}`);
    printGudidSummary(summary, out);
  }
  return 0;
}
