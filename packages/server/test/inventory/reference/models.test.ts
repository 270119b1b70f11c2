import type { Role } from '@openhtm/domain';
import { computeGs1CheckDigit, computeHibcCheckCharacter } from '@openhtm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFdaClassificationFile } from '../../../src/modules/fda/import-classification.ts';
import { createTenantFixture, createTestApp, type TenantFixture, type TestApp } from '../../helpers/app.ts';
import { countRows, errorPaths, expectProblem, expectUnchanged, walkPages } from '../../helpers/http.ts';
import { clientsOf, deviceRow, FIXTURES, insertDevice, type Client } from './helpers.ts';

let t: TestApp;
let tenant: TenantFixture;
let as: Record<Role, Client>;
let bd: string;
let draeger: string;
let pumpType: string;
let ventilatorType: string;

/** A GTIN-14 with a correct check digit. */
const gtin = (body13: string) => `${body13}${computeGs1CheckDigit(body13)}`;
const PUMP_DI = gtin('0088540380155');

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenantFixture(t, 'models');
  as = await clientsOf(t, tenant);
  await importFdaClassificationFile(t.db.owner, `${FIXTURES}fda/foiclass-2020.txt`);
  const created = async (url: string, body: object) => {
    const response = await as.clinical_engineer.post(url, body);
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.body}`);
    return response.json().id as string;
  };
  bd = await created('/api/v1/manufacturers', { name: 'BD', aliases: ['CareFusion', 'Alaris'] });
  draeger = await created('/api/v1/manufacturers', { name: 'Drägerwerk' });
  pumpType = await created('/api/v1/device-types', { name: 'Infusion pump', riskInputs: { function: 'surgical_intensive_care', physicalRisk: 'injury', maintenanceRequirement: 'average' } });
  ventilatorType = await created('/api/v1/device-types', { name: 'Ventilator', riskInputs: { function: 'life_support', physicalRisk: 'patient_death', maintenanceRequirement: 'extensive' }, lifeSupport: true });
});
afterAll(() => t.close());

const PUMP = () => ({
  manufacturerId: bd,
  modelNumber: '8015',
  name: 'Alaris PC unit',
  deviceTypeId: pumpType,
  fdaProductCode: 'FRN',
  expectedLifeYears: 10,
  endOfSupport: '2030-12-31',
  ifuUrl: 'https://www.bd.com/ifu/8015.pdf',
  defaultActivities: [
    { activity: 'Preventive maintenance', intervalMonths: 12, procedure: 'Service manual §5' },
    { activity: 'Electrical safety test', intervalMonths: 24 },
  ],
  identifiers: [{ issuingAgency: 'GS1', deviceIdentifier: PUMP_DI }],
});

describe('models', () => {
  it('are created with their catalog fields, identifiers and FDA classification', async () => {
    const response = await as.clinical_engineer.post('/api/v1/models', PUMP());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"v1"');
    expect(response.json()).toMatchObject({
      manufacturer: { id: bd, name: 'BD' },
      deviceType: { id: pumpType, name: 'Infusion pump' },
      modelNumber: '8015',
      name: 'Alaris PC unit',
      fdaProductCode: 'FRN',
      fdaClassification: { productCode: 'FRN', deviceName: 'Pump, Infusion', deviceClass: '2', deviceClassLabel: 'Class II', implant: false, lifeSustaining: false },
      expectedLifeYears: 10,
      endOfSupport: '2030-12-31',
      ifuUrl: 'https://www.bd.com/ifu/8015.pdf',
      defaultActivities: PUMP().defaultActivities,
      identifiers: [{ issuingAgency: 'GS1', deviceIdentifier: PUMP_DI, kind: 'primary', checkDigitValid: true }],
      source: 'manual',
      version: 1,
    });
    const ventilator = await as.clinical_engineer.post('/api/v1/models', {
      manufacturerId: draeger,
      modelNumber: 'Evita V500',
      deviceTypeId: ventilatorType,
      fdaProductCode: 'CBK',
      identifiers: [
        { issuingAgency: 'GS1', deviceIdentifier: gtin('404853300158'), kind: 'primary' },
        { issuingAgency: 'HIBCC', deviceIdentifier: '+D123EV5001', kind: 'secondary' },
      ],
    });
    expect(ventilator.statusCode, ventilator.body).toBe(201);
    expect(ventilator.json().fdaClassification).toMatchObject({ deviceClass: '2', lifeSustaining: true });
    // A GTIN-13 is kept as GTIN-14, as in AI (01) of a scanned UDI; the HIBCC DI without its "+".
    expect(ventilator.json().identifiers.map((i: { deviceIdentifier: string }) => i.deviceIdentifier).sort()).toEqual(['D123EV5001', `0${gtin('404853300158')}`].sort());
  });

  it('name every bad field and write nothing', async () => {
    const response = await expectUnchanged(t.db.owner, tenant.id, () =>
      as.clinical_engineer.post('/api/v1/models', {
        ...PUMP(),
        modelNumber: '8100',
        fdaProductCode: 'frn',
        expectedLifeYears: -1,
        ifuUrl: 'not a url',
        defaultActivities: [{ activity: 'PM', intervalMonths: 0 }],
      }),
    );
    expect(errorPaths(expectProblem(response, 400, 'validation')).sort()).toEqual([
      '/body/defaultActivities/0/intervalMonths',
      '/body/expectedLifeYears',
      '/body/fdaProductCode',
      '/body/ifuUrl',
    ]);
    const references = await as.clinical_engineer.post('/api/v1/models', {
      manufacturerId: '00000000-0000-4000-8000-000000000000',
      deviceTypeId: '00000000-0000-4000-8000-000000000000',
      modelNumber: '8100',
      fdaProductCode: 'ZZZ',
      defaultActivities: [{ activity: 'PM', intervalMonths: 12 }, { activity: 'pm', intervalMonths: 6 }],
      identifiers: [
        { issuingAgency: 'GS1', deviceIdentifier: '00841518100003' },
        { issuingAgency: 'GS1', deviceIdentifier: '12345' },
        { issuingAgency: 'HIBCC', deviceIdentifier: '1234' },
      ],
    });
    const problem = expectProblem(references, 400, 'validation');
    expect(errorPaths(problem).sort()).toEqual([
      '/body/defaultActivities/1/activity',
      '/body/deviceTypeId',
      '/body/fdaProductCode',
      '/body/identifiers/0/deviceIdentifier',
      '/body/identifiers/1/deviceIdentifier',
      '/body/identifiers/2/deviceIdentifier',
      '/body/manufacturerId',
    ]);
    expect(problem.errors!.find((e) => e.path === '/body/identifiers/0/deviceIdentifier')!.message).toContain('should be 0, not 3');
    expectProblem(await as.technician.post('/api/v1/models', { manufacturerId: bd, modelNumber: 'x' }), 403, 'forbidden');
  });

  it('refuse a model number the manufacturer has, and a DI another model has', async () => {
    expect(errorPaths(expectProblem(await as.clinical_engineer.post('/api/v1/models', { manufacturerId: bd, modelNumber: '8015' }), 409, 'conflict'))).toEqual(['/body/modelNumber']);
    const taken = await as.clinical_engineer.post('/api/v1/models', { manufacturerId: bd, modelNumber: '8100', identifiers: [{ issuingAgency: 'GS1', deviceIdentifier: PUMP_DI.slice(1) }] });
    const problem = expectProblem(taken, 409, 'conflict');
    expect(problem.errors).toEqual([{ path: '/body/identifiers/0/deviceIdentifier', message: 'is already the DI of model 8015' }]);
    const elsewhere = await as.clinical_engineer.post('/api/v1/models', { manufacturerId: draeger, modelNumber: '8015' });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it('gain and lose identifiers one by one', async () => {
    const pump = (await as.auditor.get('/api/v1/models?q=8015&manufacturerId=' + bd)).json().items[0];
    const hibcc = `A123ALARIS8015${'1'}`;
    const withCheck = `${hibcc}${computeHibcCheckCharacter(`+${hibcc}`)}`;
    const added = await as.clinical_engineer.post(`/api/v1/models/${pump.id}/identifiers`, { issuingAgency: 'HIBCC', deviceIdentifier: withCheck, kind: 'secondary' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().version).toBe(pump.version + 1);
    expect(errorPaths(expectProblem(await as.clinical_engineer.post(`/api/v1/models/${pump.id}/identifiers`, { issuingAgency: 'GS1', deviceIdentifier: '00885403801550' }), 400, 'validation'))).toEqual(['/body/deviceIdentifier']);
    expectProblem(await as.clinical_engineer.post(`/api/v1/models/${pump.id}/identifiers`, { issuingAgency: 'HIBCC', deviceIdentifier: withCheck }), 409, 'conflict');
    const identifier = added.json().identifiers.find((i: { issuingAgency: string }) => i.issuingAgency === 'HIBCC');
    const removed = await as.clinical_engineer.del(`/api/v1/models/${pump.id}/identifiers/${identifier.id}`);
    expect(removed.json().identifiers).toHaveLength(1);
    expectProblem(await as.clinical_engineer.del(`/api/v1/models/${pump.id}/identifiers/${identifier.id}`), 404, 'not_found');
    expectProblem(await as.clinical_engineer.post('/api/v1/models/00000000-0000-4000-8000-000000000000/identifiers', { issuingAgency: 'GS1', deviceIdentifier: gtin('0088540380999') }), 404, 'not_found');
  });

  it('list with filters, typo-tolerant search and a cursor', async () => {
    const numbers = async (query: string) => (await as.auditor.get(`/api/v1/models?${query}`)).json().items.map((m: { modelNumber: string }) => m.modelNumber);
    expect(await numbers('')).toEqual(['8015', '8015', 'Evita V500']);
    expect(await numbers(`manufacturerId=${draeger}`)).toEqual(['8015', 'Evita V500']);
    expect(await numbers(`deviceTypeId=${ventilatorType}`)).toEqual(['Evita V500']);
    expect(await numbers('fdaProductCode=FRN')).toEqual(['8015']);
    expect(await numbers('q=alaris')).toEqual(['8015']);
    expect(await numbers('q=evitta')).toEqual(['Evita V500']);
    expect(await numbers(`deviceIdentifier=${PUMP_DI.slice(1)}`)).toEqual(['8015']);
    expect(await numbers('source=gudid')).toEqual([]);
    const hits = (await as.clinician.get('/api/v1/search?q=alaris')).json().items.filter((h: { kind: string }) => h.kind === 'model');
    expect(hits).toEqual([{ kind: 'model', id: expect.any(String), title: '8015 — Alaris PC unit', subtitle: 'BD', href: expect.stringMatching(/^\/models\//) }]);
    const byManufacturer = await walkPages(t.app, as.auditor.headers, '/api/v1/models?sort=-manufacturer', 500);
    expect(await walkPages(t.app, as.auditor.headers, '/api/v1/models?sort=-manufacturer', 1)).toEqual(byManufacturer);
    expect(errorPaths(expectProblem(await as.auditor.get('/api/v1/models?sort=name'), 400, 'validation'))).toEqual(['/querystring/sort']);
  });

  it('change with If-Match, and their devices follow a new manufacturer, type or name', async () => {
    const pump = (await as.auditor.get(`/api/v1/models?fdaProductCode=FRN`)).json().items[0];
    const device = await insertDevice(t, tenant.id, { assetTag: 'IV-0001', modelId: pump.id, facilityId: tenant.facilities[0]!.id, serialNumber: '12345678' });
    const url = `/api/v1/models/${pump.id}`;
    expectProblem(await as.clinical_engineer.patch(url, { name: 'x' }), 428, 'precondition_required');
    const changed = await as.clinical_engineer.patch(url, { manufacturerId: draeger, modelNumber: '8015-B', deviceTypeId: ventilatorType, expectedLifeYears: 7.5, endOfSupport: null }, `"v${pump.version}"`);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ manufacturer: { id: draeger }, modelNumber: '8015-B', expectedLifeYears: 7.5, endOfSupport: null, version: pump.version + 1 });
    expect(await deviceRow(t, device)).toMatchObject({ manufacturer_id: draeger, device_type_id: ventilatorType, search_text: expect.stringContaining('8015-b') });
    const stale = await expectUnchanged(t.db.owner, tenant.id, () => as.clinical_engineer.patch(url, { name: 'Late' }, `"v${pump.version}"`));
    expect(expectProblem(stale, 412, 'precondition_failed').currentVersion).toBe(pump.version + 1);
    expectProblem(await as.clinical_engineer.patch(url, { modelNumber: '8015' }, `"v${pump.version + 1}"`), 409, 'conflict');
    expectProblem(await as.clinical_engineer.del(url, `"v${pump.version + 1}"`), 409, 'conflict');
  });

  it('are deleted with their identifiers when no device is of the model', async () => {
    const evita = (await as.auditor.get('/api/v1/models?q=evita')).json().items[0];
    const before = await countRows(t.db.owner, 'model_identifiers', tenant.id);
    expect((await as.clinical_engineer.del(`/api/v1/models/${evita.id}`, `"v${evita.version}"`)).statusCode).toBe(204);
    expect(await countRows(t.db.owner, 'model_identifiers', tenant.id)).toBe(before - 2);
    expectProblem(await as.auditor.get(`/api/v1/models/${evita.id}`), 404, 'not_found');
  });
});
