import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant-context.ts';
import { importGudid, importGudidFile, type GudidImportSummary } from '../../../src/modules/gudid/import-gudid.ts';
import { readGudidFile, type GudidRecord } from '../../../src/modules/gudid/read-gudid.ts';
import { seedKnownManufacturers } from '../../../src/modules/manufacturers/seed-known.ts';
import { createTenantFixture, createTestApp, login, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { countRows } from '../../helpers/http.ts';
import { FIXTURES, htm as runHtm } from './helpers.ts';

const GUDID_ZIP = `${FIXTURES}gudid/gudid-sample-2016.zip`;

/** The primary GS1 DIs of the sample that fail the GS1 check digit (shared/fixtures/README.md names two of them). */
const BAD_PRIMARY_DIS = [
  '00729000000006',
  '00763003088567',
  '00812845020979',
  '00815612020043',
  '00817470002098',
  '00817703012624',
  '00821684057135',
  '00840118105406',
  '00841518100003',
];

let t: TestApp;
let tenant: TenantFixture;
let first: GudidImportSummary;

async function* firstRecords(records: AsyncIterable<GudidRecord>, count: number): AsyncGenerator<GudidRecord> {
  for await (const record of records) {
    yield record;
    if (--count === 0) return;
  }
}

const htm = (args: string[]) => runHtm(t, args);

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'gudid');
  await withTenant(t.db.app, { tenantId: tenant.id, actor: 'test' }, (trx) => seedKnownManufacturers(trx, tenant.id));
  first = await importGudidFile(t.db, tenant.id, GUDID_ZIP);
}, 240_000);
afterAll(() => t.close());

async function identifier(di: string) {
  return t.db.owner
    .selectFrom('model_identifiers as i')
    .innerJoin('models as m', 'm.id', 'i.model_id')
    .innerJoin('manufacturers as f', 'f.id', 'm.manufacturer_id')
    .select(['i.kind', 'i.issuing_agency', 'i.check_digit_valid', 'm.model_number', 'm.name', 'm.fda_product_code', 'f.name as manufacturer'])
    .where('i.tenant_id', '=', tenant.id)
    .where('i.device_identifier', '=', di)
    .executeTakeFirst();
}

describe('GUDID import of the FDA sample (50,000 records)', () => {
  it('imports every record into the model catalog, matching manufacturers by name and alias', async () => {
    expect(first).toMatchObject({
      dryRun: false,
      records: 50_000,
      recordsSkipped: 0,
      manufacturers: { matched: 11, created: 135 },
      models: { created: 43_667, updated: 0, unchanged: 0 },
      identifiers: { created: 57_824, updated: 0, unchanged: 0, shared: 215, flagged: 12 },
    });
    expect(await countRows(t.db.owner, 'models', tenant.id)).toBe(43_667);
    expect(await countRows(t.db.owner, 'model_identifiers', tenant.id)).toBe(57_824);
    // Covidien LP is an alias of Medtronic among the known manufacturers; the GUDID company name is not a new manufacturer.
    expect(await identifier('00821684057135')).toMatchObject({ manufacturer: 'Medtronic', model_number: 'A35HPV05020135' });
    expect(first.manufacturers.createdNames).toContain('NEUROSTRUCTURES, INC');
    expect(first.manufacturers.createdNames).not.toContain('Covidien LP');
  });

  it('reports the 9 records whose primary GS1 DI fails its check digit, and keeps them flagged', async () => {
    const primary = first.problems.filter((p) => p.code === 'check_digit' && p.identifierKind === 'primary');
    expect(primary.map((p) => p.deviceIdentifier).sort()).toEqual(BAD_PRIMARY_DIS);
    expect(primary.find((p) => p.deviceIdentifier === '00841518100003')).toMatchObject({
      record: expect.any(Number),
      primaryDi: '00841518100003',
      companyName: 'NEUROSTRUCTURES, INC',
      modelNumber: '10-01-012',
      message: expect.stringContaining('the last digit should be 0, not 3'),
    });
    expect(primary.find((p) => p.deviceIdentifier === '00840118105406')).toMatchObject({ companyName: 'FLOWER ORTHOPEDICS CORPORATION', modelNumber: 'CSP 335' });
    for (const di of BAD_PRIMARY_DIS) expect(await identifier(di), di).toMatchObject({ kind: 'primary', issuing_agency: 'GS1', check_digit_valid: false });
    expect(await identifier('00844588018923')).toMatchObject({ check_digit_valid: true, model_number: '1107-0-3258', fda_product_code: 'OQG', name: 'CS2 Acet. Cup Sys. - VitalitE' });
    // The other three: a unit-of-use and a package DI failing the check digit, and a "HIBCC" primary DI that is a GTIN.
    const others = first.problems.filter((p) => !primary.includes(p)).map((p) => [p.code, p.identifierKind, p.deviceIdentifier]);
    expect(others).toEqual(
      expect.arrayContaining([
        ['check_digit', 'unit_of_use', '10815500020249'],
        ['check_digit', 'package', '1081463902131'],
        ['identifier_format', 'primary', '00841523106431'],
      ]),
    );
    expect(first.problemCount).toBe(12);
  });

  it('keeps a DI on the record whose primary DI it is, stores GTIN-14s and direct-marking DIs', async () => {
    // 00814112020005 is the primary DI of model 5150-0000 and a unit-of-use DI of model 5100-0011.
    expect(await identifier('00814112020005')).toMatchObject({ kind: 'primary', model_number: '5150-0000' });
    expect(first.sharedIdentifiers).toContainEqual(expect.objectContaining({ deviceIdentifier: '00814112020005', kind: 'unit_of_use', primaryDi: '00814112020029' }));
    expect(await identifier('01081463902131')).toMatchObject({ kind: 'package', check_digit_valid: false });
    expect(await identifier('00813024011538')).toMatchObject({ kind: 'direct_marking', check_digit_valid: true });
    expect(await identifier('H373VBJR062502A3F')).toMatchObject({ issuing_agency: 'HIBCC', kind: 'secondary', check_digit_valid: true });
  });

  it('changes nothing when the same file is imported again (htm import gudid)', async () => {
    const audit = await countRows(t.db.owner, 'audit_events', tenant.id);
    const { code, output } = await htm(['import', 'gudid', GUDID_ZIP, '--tenant', 'gudid']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/records\s+50000 \(0 skipped\)/);
    expect(output).toMatch(/manufacturers\s+146 matched, 0 created/);
    expect(output).toMatch(/models\s+0 created, 0 updated, 43667 unchanged/);
    expect(output).toMatch(/identifiers\s+0 created, 0 updated, 57824 unchanged, 12 flagged/);
    expect(output).toMatch(/problems\s+12/);
    expect(output).toContain('record 5832  00841518100003  NEUROSTRUCTURES, INC / 10-01-012  [check_digit]');
    expect(await countRows(t.db.owner, 'models', tenant.id)).toBe(43_667);
    expect(await countRows(t.db.owner, 'model_identifiers', tenant.id)).toBe(57_824);
    expect(await countRows(t.db.owner, 'audit_events', tenant.id)).toBe(audit);
  }, 180_000);

  it('reads each record of the zip as GUDID lists it, streaming', async () => {
    const records: GudidRecord[] = [];
    for await (const record of firstRecords(readGudidFile(GUDID_ZIP), 2)) records.push(record);
    expect(records.map((r) => r.index)).toEqual([1, 2]);
    expect(records[0]).toEqual({
      index: 1,
      primaryDi: '00844588018923',
      companyName: 'CONSENSUS ORTHOPEDICS, INC.',
      brandName: 'CS2 Acet. Cup Sys. - VitalitE',
      versionModelNumber: '1107-0-3258',
      catalogNumber: '1107-0-3258',
      identifiers: [{ deviceId: '00844588018923', type: 'Primary', agency: 'GS1' }],
      productCodes: ['OQG'],
    });
  });

  it('writes nothing on a dry run, yet counts what it would do', async () => {
    const other = await createTenantFixture(t, 'gudid-dry');
    const summary = await importGudid(t.db, other.id, firstRecords(readGudidFile(GUDID_ZIP), 2000), { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, records: 2000 });
    expect(summary.models.created).toBeGreaterThan(1000);
    expect(summary.identifiers.created).toBeGreaterThanOrEqual(2000);
    for (const table of ['manufacturers', 'models', 'model_identifiers']) expect(await countRows(t.db.owner, table, other.id), table).toBe(0);
  });

  it('shows imported models and their flagged identifiers through the API', async () => {
    const session = await login(t, tenant.users.auditor.email);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/models?deviceIdentifier=00841518100003', headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    const [model] = response.json().items;
    expect(model).toMatchObject({
      modelNumber: '10-01-012',
      source: 'gudid',
      manufacturer: { name: 'NEUROSTRUCTURES, INC' },
      identifiers: [{ issuingAgency: 'GS1', deviceIdentifier: '00841518100003', kind: 'primary', checkDigitValid: false }],
    });
  });

  it('refuses a file that is not GUDID XML or cannot be read, writing nothing', async () => {
    const before = await countRows(t.db.owner, 'models', tenant.id);
    await expect(importGudidFile(t.db, tenant.id, `${FIXTURES}fda/foiclass-2020.txt`)).rejects.toThrow(/not well-formed XML/);
    await expect(importGudidFile(t.db, tenant.id, `${FIXTURES}gudid/missing.zip`)).rejects.toThrow(/Cannot read/);
    const refused = await htm(['import', 'gudid', `${FIXTURES}gudid/missing.zip`, '--tenant', 'gudid']);
    expect(refused.code).toBe(1);
    expect((await htm(['import', 'gudid', GUDID_ZIP, '--tenant', 'no-such-tenant'])).code).toBe(1);
    expect(await countRows(t.db.owner, 'models', tenant.id)).toBe(before);
  });
});

