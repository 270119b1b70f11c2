import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { decodeCp1252, parseFdaClassification, type FdaParseProblem, type FdaProductClassification } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';

export interface FdaImportResult {
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  problems: FdaParseProblem[];
}

const BATCH = 1000;

/** The fields of a classification record that fda_product_classes keeps. */
export type StoredFdaClassification = Pick<
  FdaProductClassification,
  'productCode' | 'deviceName' | 'deviceClass' | 'regulationNumber' | 'medicalSpecialty' | 'reviewPanel' | 'implant' | 'lifeSustaining' | 'definition'
>;

/** A record cut down to the fields the table keeps. */
export const storedFdaClassification = (r: StoredFdaClassification): StoredFdaClassification => ({
  productCode: r.productCode,
  deviceName: r.deviceName,
  deviceClass: r.deviceClass,
  regulationNumber: r.regulationNumber,
  medicalSpecialty: r.medicalSpecialty,
  reviewPanel: r.reviewPanel,
  implant: r.implant,
  lifeSustaining: r.lifeSustaining,
  definition: r.definition,
});

const rowOf = (r: StoredFdaClassification) => ({
  product_code: r.productCode,
  device_name: r.deviceName,
  device_class: r.deviceClass,
  regulation_number: r.regulationNumber,
  medical_specialty: r.medicalSpecialty,
  review_panel: r.reviewPanel,
  implant: r.implant,
  life_sustaining: r.lifeSustaining,
  definition: r.definition,
});

/**
 * Writes classification records (one per product code) to the shared fda_product_classes table within `trx`, which
 * runs as the schema owner. A code already present is updated where the record differs (`existing: 'update'`, an
 * import of FDA's file) or left as it is (`'keep'`, a seed that must not overwrite a fuller import).
 */
export async function writeFdaProductClasses(
  trx: Trx,
  records: readonly StoredFdaClassification[],
  existing: 'update' | 'keep',
): Promise<{ inserted: number; updated: number }> {
  const rows = records.map(rowOf);
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const written = await trx
      .insertInto('fda_product_classes')
      .values(rows.slice(start, start + BATCH))
      .onConflict((oc) =>
        existing === 'keep'
          ? oc.column('product_code').doNothing()
          : oc
              .column('product_code')
              .doUpdateSet((eb) => ({
                device_name: eb.ref('excluded.device_name'),
                device_class: eb.ref('excluded.device_class'),
                regulation_number: eb.ref('excluded.regulation_number'),
                medical_specialty: eb.ref('excluded.medical_specialty'),
                review_panel: eb.ref('excluded.review_panel'),
                implant: eb.ref('excluded.implant'),
                life_sustaining: eb.ref('excluded.life_sustaining'),
                definition: eb.ref('excluded.definition'),
                imported_at: sql`now()`,
              }))
              .where(
                sql<boolean>`(fda_product_classes.device_name, fda_product_classes.device_class, fda_product_classes.regulation_number,
                  fda_product_classes.medical_specialty, fda_product_classes.review_panel, fda_product_classes.implant,
                  fda_product_classes.life_sustaining, fda_product_classes.definition)
                is distinct from (excluded.device_name, excluded.device_class, excluded.regulation_number, excluded.medical_specialty,
                  excluded.review_panel, excluded.implant, excluded.life_sustaining, excluded.definition)`,
              ),
      )
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute();
    for (const row of written) row.inserted ? inserted++ : updated++;
  }
  return { inserted, updated };
}

/**
 * Loads FDA's product classification file (`foiclass.txt`: pipe-delimited, windows-1252, CRLF) into the shared
 * fda_product_classes table in one transaction, as the schema owner: it is public reference data of every tenant.
 * Codes already present are updated when FDA changed them; codes missing from the file stay.
 */
export async function importFdaClassification(owner: Db, bytes: Uint8Array): Promise<FdaImportResult> {
  const { records, problems } = parseFdaClassification(decodeCp1252(bytes));
  if (records.length === 0) {
    const detail = problems.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`).join('; ');
    throw new AppError('validation', `No FDA product classification records found${detail ? ` (${detail})` : ''}`);
  }
  const byCode = new Map(records.map((r) => [r.productCode, r]));
  const { inserted, updated } = await owner.transaction().execute((trx) => writeFdaProductClasses(trx, [...byCode.values()], 'update'));
  return { records: records.length, inserted, updated, unchanged: byCode.size - inserted - updated, problems };
}

export async function importFdaClassificationFile(owner: Db, file: string): Promise<FdaImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new AppError('validation', `Cannot read ${file}: ${(error as Error).message}`);
  }
  return importFdaClassification(owner, bytes);
}
