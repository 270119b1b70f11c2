import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { countRows, errorPaths, expectProblem, walkPages } from '../../helpers/http.ts';
import { FIXTURES, htm } from './helpers.ts';

const FDA_FILE = `${FIXTURES}fda/foiclass-2020.txt`;

let t: TestApp;
let tenant: TenantFixture;
let nurse: Session;

const get = (url: string, session = nurse) => t.app.inject({ method: 'GET', url, headers: session.headers });

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'fda');
  nurse = await login(t, tenant.users.clinician.email);
});
afterAll(() => t.close());

describe('htm import fda-classification', () => {
  it('loads all 6,617 product codes of the FDA file into the shared table', async () => {
    const { code, output } = await htm(t, ['import', 'fda-classification', FDA_FILE]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/records\s+6617/);
    expect(output).toMatch(/codes\s+6617 added, 0 updated, 0 unchanged/);
    expect(output).toMatch(/problems\s+0/);
    expect(await countRows(t.db.owner, 'fda_product_classes')).toBe(6617);
    const ventilator = await t.db.owner.selectFrom('fda_product_classes').selectAll().where('product_code', '=', 'CBK').executeTakeFirstOrThrow();
    expect(ventilator).toMatchObject({ device_name: 'Ventilator, Continuous, Facility Use', device_class: '2', regulation_number: '868.5895', life_sustaining: true, implant: false });
  });

  it('changes nothing when the file is loaded again', async () => {
    const { code, output } = await htm(t, ['import', 'fda-classification', FDA_FILE]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/codes\s+0 added, 0 updated, 6617 unchanged/);
  });

  it('refuses a file that is not a classification file, and a missing one', async () => {
    const binary = await htm(t, ['import', 'fda-classification', `${FIXTURES}gudid/gudid-sample-2016.zip`]);
    expect(binary.code).toBe(1);
    const missing = await htm(t, ['import', 'fda-classification', `${FIXTURES}fda/missing.txt`]);
    expect(missing.code).toBe(1);
    expect((await htm(t, ['import', 'fda-classification'])).code).toBe(1);
    expect(await countRows(t.db.owner, 'fda_product_classes')).toBe(6617);
  });
});

describe('GET /api/v1/fda-product-codes', () => {
  it('gives a code with its class and flags, to every role', async () => {
    const response = await get('/api/v1/fda-product-codes/LWS');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      productCode: 'LWS',
      deviceName: 'Implantable Cardioverter Defibrillator (Non-Crt)',
      deviceClass: '3',
      deviceClassLabel: 'Class III',
      regulationNumber: null,
      medicalSpecialty: null,
      reviewPanel: 'CV',
      implant: true,
      lifeSustaining: true,
      definition: 'These devices treat tachycardia (fast heartbeats) with RV defibrillation therapy as necessary.',
    });
    expect((await get('/api/v1/fda-product-codes/frn')).json()).toMatchObject({ productCode: 'FRN', deviceName: 'Pump, Infusion', deviceClass: '2', implant: false });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expectProblem(await get('/api/v1/fda-product-codes/ZZZ'), 404, 'not_found');
    expect(errorPaths(expectProblem(await get('/api/v1/fda-product-codes/TOOLONG'), 400, 'validation'))).toEqual(['/params/code']);
  });

  it('searches by code and device name', async () => {
    const byCode = (await get('/api/v1/fda-product-codes?q=cbk')).json().items.map((c: { productCode: string }) => c.productCode);
    expect(byCode).toEqual(['CBK']);
    const byName = (await get('/api/v1/fda-product-codes?q=ventilator&limit=500')).json().items.map((c: { productCode: string }) => c.productCode);
    expect(byName).toContain('CBK');
    expect(byName.length).toBeGreaterThan(5);
  });

  it('finds the codes that start with a prefix first, by code, then the device names containing it, by name', async () => {
    const codes = async (url: string) => (await get(url)).json().items.map((c: { productCode: string }) => c.productCode);
    const startingFr = ['FRA', 'FRC', 'FRF', 'FRG', 'FRI', 'FRJ', 'FRK', 'FRL', 'FRN', 'FRO', 'FRP', 'FRQ', 'FRR', 'FRT', 'FRW', 'FRZ'];
    expect(await codes('/api/v1/fda-product-codes?q=FR&limit=16')).toEqual(startingFr);
    expect(await codes('/api/v1/fda-product-codes?q=fr&limit=16')).toEqual(startingFr);
    expect((await codes('/api/v1/fda-product-codes?q=FRN'))[0]).toBe('FRN');

    // Every page continues the order: walked a few rows at a time, the search gives what one page gives.
    const all = (await get('/api/v1/fda-product-codes?q=FR&limit=500')).json().items as { productCode: string; deviceName: string }[];
    const byName = await t.db.owner
      .selectFrom('fda_product_classes')
      .select('product_code')
      .where('device_name', 'ilike', '%fr%')
      .where('product_code', 'not like', 'FR%')
      .orderBy('device_name')
      .orderBy('product_code')
      .execute();
    expect(all.slice(16).map((c) => c.productCode)).toEqual(byName.map((r) => r.product_code));
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/v1/fda-product-codes?q=FR&limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { productCode: string }[]; nextCursor: string | null };
      walked.push(...page.items.map((c) => c.productCode));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((c) => c.productCode));

    // Other orders stay available; the ranking exists only for a search that can be a code.
    expect(await codes('/api/v1/fda-product-codes?q=FR&sort=productCode&limit=500')).toEqual(all.map((c) => c.productCode).sort());
    expect(errorPaths(expectProblem(await get('/api/v1/fda-product-codes?q=ventilator&sort=relevance'), 400, 'validation'))).toEqual(['/querystring/sort']);
  });

  it('filters by flags and class, paging with a cursor', async () => {
    expect(await walkPages(t.app, nurse.headers, '/api/v1/fda-product-codes?lifeSustaining=true', 100)).toHaveLength(205);
    expect(await walkPages(t.app, nurse.headers, '/api/v1/fda-product-codes?implant=true', 250)).toHaveLength(640);
    const classThree = (await get('/api/v1/fda-product-codes?deviceClass=3&lifeSustaining=true&implant=true&limit=500')).json().items;
    expect(classThree.map((c: { productCode: string }) => c.productCode)).toEqual(expect.arrayContaining(['LWS', 'NVZ']));
    expect(classThree.every((c: { deviceClass: string; implant: boolean }) => c.deviceClass === '3' && c.implant)).toBe(true);
    expect(errorPaths(expectProblem(await get('/api/v1/fda-product-codes?deviceClass=7'), 400, 'validation'))).toEqual(['/querystring/deviceClass']);
  });
});
