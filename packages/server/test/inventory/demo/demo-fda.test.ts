import { readFileSync } from 'node:fs';
import { decodeCp1252, parseFdaClassification } from '@openhtm/domain';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FdaProductClassTable } from '../../../src/db/schema.ts';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { DEMO_DEVICE_TYPES } from '../../../src/modules/demo/device-types.ts';
import { DEMO_FDA_CLASSES } from '../../../src/modules/demo/fda-classes.ts';
import { DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, loadDemo } from '../../../src/modules/demo/load-demo.ts';
import { storedFdaClassification, type StoredFdaClassification } from '../../../src/modules/fda/import-classification.ts';
import { createTestApp, login, type TestApp } from '../../helpers/app.ts';
import { fixturePath } from '../../../../../test-support/fixtures.ts';

const FDA_FILE = fixturePath('fda/foiclass-2020.txt');
const DEMO_CODES = [...new Set(DEMO_DEVICE_TYPES.flatMap((t) => (t.fda ? [t.fda] : [])))].sort();
/** A code an import of a newer FDA file loaded before the demo: the demo's seed must leave it as it is. */
const IMPORTED = { product_code: 'FRN', device_name: 'Pump, Infusion (newer FDA file)', device_class: '2', regulation_number: '880.5725' };

let t: TestApp;
let tenantId: string;

const storedOf = (row: Selectable<FdaProductClassTable>) =>
  ({
    productCode: row.product_code,
    deviceName: row.device_name,
    deviceClass: row.device_class,
    regulationNumber: row.regulation_number,
    medicalSpecialty: row.medical_specialty,
    reviewPanel: row.review_panel,
    implant: row.implant,
    lifeSustaining: row.life_sustaining,
    definition: row.definition,
  }) as StoredFdaClassification;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.owner.insertInto('fda_product_classes').values(IMPORTED).execute();
  expect(await loadDemo(t.db, { devices: 300 })).toBe(true);
  tenantId = (await t.db.owner.selectFrom('tenants').select('id').where('slug', '=', DEMO_TENANT.slug).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => t.close());

describe('the demo’s FDA classification', () => {
  it('is the FDA file’s records of exactly the product codes the demo uses', () => {
    const { records } = parseFdaClassification(decodeCp1252(readFileSync(FDA_FILE)));
    const expected = records.filter((r) => DEMO_CODES.includes(r.productCode)).map(storedFdaClassification);
    expect(DEMO_FDA_CLASSES.map((r) => r.productCode).sort()).toEqual(DEMO_CODES);
    expect([...DEMO_FDA_CLASSES].sort((a, b) => a.productCode.localeCompare(b.productCode))).toEqual(
      expected.sort((a, b) => a.productCode.localeCompare(b.productCode)),
    );
  });

  it('gives every demo model’s product code a classification row, leaving an imported one as it was', async () => {
    const unclassified = await withTenant(t.db.app, { tenantId, actor: 'test' }, (trx) =>
      trx
        .selectFrom('models as m')
        .leftJoin('fda_product_classes as c', 'c.product_code', 'm.fda_product_code')
        .select(['m.model_number', 'm.fda_product_code'])
        .where('m.fda_product_code', 'is not', null)
        .where('c.product_code', 'is', null)
        .execute(),
    );
    expect(unclassified).toEqual([]);
    const rows = await t.db.owner.selectFrom('fda_product_classes').selectAll().orderBy('product_code').execute();
    expect(rows.map((r) => r.product_code)).toEqual(DEMO_CODES);
    expect(rows.find((r) => r.product_code === IMPORTED.product_code)).toMatchObject(IMPORTED);
    const seeded = rows.filter((r) => r.product_code !== IMPORTED.product_code).map(storedOf);
    expect(seeded).toEqual(DEMO_FDA_CLASSES.filter((r) => r.productCode !== IMPORTED.product_code));
  });

  it('shows the FDA class and the life-sustaining flag on a demo device’s page', async () => {
    const ventilator = await withTenant(t.db.app, { tenantId, actor: 'test' }, (trx) =>
      trx
        .selectFrom('devices as d')
        .innerJoin('models as m', 'm.id', 'd.model_id')
        .select('d.id')
        .where('m.fda_product_code', '=', 'CBK')
        .orderBy('d.asset_tag')
        .executeTakeFirstOrThrow(),
    );
    const nurse = await login(t, DEMO_USERS.find((u) => u.role === 'clinician')!.email, DEMO_PASSWORD);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/devices/${ventilator.id}`, headers: nurse.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().fdaClassification).toEqual({
      productCode: 'CBK',
      deviceName: 'Ventilator, Continuous, Facility Use',
      deviceClass: '2',
      regulationNumber: '868.5895',
      medicalSpecialty: 'AN',
      lifeSustaining: true,
      implant: false,
    });
  });
});
