import type { Databases } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { importFdaClassificationFile } from './import-classification.ts';

/** `htm import fda-classification FILE`: loads the shared FDA product classification as the schema owner. */
export async function fdaClassificationCommand(db: Databases, file: string | undefined, out: (line: string) => void): Promise<number> {
  if (!file) throw new AppError('validation', 'Name the FDA classification file (foiclass.txt)');
  const started = Date.now();
  const result = await importFdaClassificationFile(db.owner, file);
  out(`FDA product classification from ${file}`);
  out(`records   ${result.records}`);
  out(`codes     ${result.inserted} added, ${result.updated} updated, ${result.unchanged} unchanged`);
  out(`problems  ${result.problems.length}`);
  for (const p of result.problems) out(`  line ${p.line}${p.field ? ` (${p.field})` : ''}: ${p.message}`);
  out(`time      ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
