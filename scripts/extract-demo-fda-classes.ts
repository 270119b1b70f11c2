/**
 * Writes fda-classes.ts, the demo's seed of the FDA classification, from FDA's classification file (public domain):
 *
 *   npx tsx scripts/extract-demo-fda-classes.ts ../shared/fixtures/fda/foiclass-2020.txt \
 *     > packages/server/src/modules/demo/fda-classes.ts
 *
 * It keeps the records of the product codes the demo's device types use, cut to the fields fda_product_classes stores.
 */
import { readFileSync } from 'node:fs';
import { decodeCp1252, parseFdaClassification } from '@openhtm/domain';
import { storedFdaClassification } from '../packages/server/src/modules/fda/import-classification.ts';
import { DEMO_DEVICE_TYPES } from '../packages/server/src/modules/demo/device-types.ts';

const file = process.argv[2];
if (!file) throw new Error('Name the FDA classification file (foiclass.txt)');
const codes = new Set(DEMO_DEVICE_TYPES.flatMap((t) => (t.fda ? [t.fda] : [])));
const records = parseFdaClassification(decodeCp1252(readFileSync(file)))
  .records.filter((r) => codes.has(r.productCode))
  .map(storedFdaClassification)
  .sort((a, b) => a.productCode.localeCompare(b.productCode));
const missing = [...codes].filter((code) => !records.some((r) => r.productCode === code));
if (missing.length) throw new Error(`Not in ${file}: ${missing.join(', ')}`);

/** A value as TypeScript source, strings in single quotes as the project writes them. */
const source = (value: unknown) =>
  typeof value === 'string' ? `'${JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'` : JSON.stringify(value);
const literal = (record: object) => `{ ${Object.entries(record).map(([key, value]) => `${key}: ${source(value)}`).join(', ')} }`;
process.stdout.write(`import type { StoredFdaClassification } from '../fda/import-classification.ts';

/**
 * FDA's classification of the product codes the demo's device types use, so that the demo's device pages show the
 * device class and the life-sustaining and implant flags before anyone imports the full file. Public-domain FDA data
 * (foiclass-2020.txt), written by scripts/extract-demo-fda-classes.ts; test/inventory/demo/demo-fda.test.ts checks it equals the file.
 */
export const DEMO_FDA_CLASSES: readonly StoredFdaClassification[] = [
${records.map((r) => `  ${literal(r)},`).join('\n')}
];
`);
