import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { decodeCp1252, parseFdaClassification, type FdaParseProblem, type FdaProductClassification } from '@openhtm/domain';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';

export interface FdaImportResult {
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  problems: FdaParseProblem[];
}

const BATCH = 1000;

const rowOf = (r: FdaProductClassification) => ({
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
  const rows = [...byCode.values()].map(rowOf);
  let inserted = 0;
  let updated = 0;
  await owner.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      const written = await trx
        .insertInto('fda_product_classes')
        .values(rows.slice(start, start + BATCH))
        .onConflict((oc) =>
          oc
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
  });
  return { records: records.length, inserted, updated, unchanged: rows.length - inserted - updated, problems };
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
