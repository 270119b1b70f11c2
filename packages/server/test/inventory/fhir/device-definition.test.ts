import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFdaClassificationFile } from '../../../src/modules/fda/import-classification.ts';
import { asDemoTenant, createFhirFixture, fhirGet, type FhirFixture } from './fhir-app.ts';
import { fixturePath } from '../../../../../test-support/fixtures.ts';

let f: FhirFixture;
const FDA_FILE = fixturePath('fda/foiclass-2020.txt');

interface ModelRow {
  id: string;
  model_number: string;
  name: string;
  manufacturer: string;
  fda_product_code: string | null;
  device_identifier: string;
  type_name: string;
  life_support: boolean;
}
let models: ModelRow[];

beforeAll(async () => {
  f = await createFhirFixture(0);
  await importFdaClassificationFile(f.t.db.owner, FDA_FILE);
  models = await asDemoTenant(f, async (trx) =>
    (
      await sql<ModelRow>`
        select m.id, m.model_number, m.name, mf.name as manufacturer, m.fda_product_code, mi.device_identifier, t.name as type_name, t.life_support
        from models m join manufacturers mf on mf.id = m.manufacturer_id join device_types t on t.id = m.device_type_id
        join model_identifiers mi on mi.model_id = m.id and mi.kind = 'primary'
        order by m.model_number`.execute(trx)
    ).rows,
  );
});
afterAll(() => f.t.close());

describe('GET /fhir/r4/DeviceDefinition', () => {
  it('answers every catalog model as a valid R4 DeviceDefinition', async () => {
    expect(models.length).toBeGreaterThan(150);
    for (const model of models) {
      const definition = await fhirGet(f, `/fhir/r4/DeviceDefinition/${model.id}`, f.admin, 200, 'DeviceDefinition');
      expect(definition.modelNumber).toBe(model.model_number);
      expect(definition.manufacturerString).toBe(model.manufacturer);
      expect(definition.deviceName).toEqual([{ name: model.name, type: 'model-name' }]);
      expect(definition.type.text).toBe(model.type_name);
      expect(definition.udiDeviceIdentifier).toEqual([
        { deviceIdentifier: model.device_identifier, issuer: 'http://hl7.org/fhir/NamingSystem/gs1-di', jurisdiction: 'http://hl7.org/fhir/NamingSystem/fda-udi' },
      ]);
      expect(definition.safety !== undefined).toBe(model.life_support);
      if (model.fda_product_code) {
        const fda = definition.property.find((p: { type: { text: string } }) => p.type.text === 'FDA product code');
        expect(fda.valueCode[0].text).toMatch(new RegExp(`^${model.fda_product_code} \\(.+, class [123]\\)$`));
      }
    }
  }, 180_000);

  it('names the FDA product class from the imported FDA file', async () => {
    const pump = models.find((m) => m.model_number === '8015')!;
    const definition = await fhirGet(f, `/fhir/r4/DeviceDefinition/${pump.id}`, f.admin, 200, 'DeviceDefinition');
    expect(definition.property).toContainEqual({ type: { text: 'FDA product code' }, valueCode: [{ text: 'FRN (Pump, Infusion, class 2)' }] });
    expect(definition.property).toContainEqual({ type: { text: 'Expected life' }, valueQuantity: [{ value: 10, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' }] });
  });

  it('finds models by UDI device identifier or model number', async () => {
    const model = models[0]!;
    for (const token of [model.device_identifier, `http://hl7.org/fhir/NamingSystem/gs1-di|${model.device_identifier}`, `https://openhtm.dev/fhir/sid/riverside/model-number|${model.model_number}`]) {
      const bundle = await fhirGet(f, `/fhir/r4/DeviceDefinition?identifier=${encodeURIComponent(token)}`, f.admin, 200, 'Bundle');
      expect(bundle.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([model.id]);
      expect(bundle.entry[0].fullUrl).toMatch(new RegExp(`/fhir/r4/DeviceDefinition/${model.id}$`));
    }
    const unknown = await fhirGet(f, `/fhir/r4/DeviceDefinition?identifier=${encodeURIComponent(`urn:example:x|${model.device_identifier}`)}`, f.admin, 200, 'Bundle');
    expect(unknown.total).toBe(0);
  });

  it('answers OperationOutcomes for a missing model and a search without identifier', async () => {
    await fhirGet(f, '/fhir/r4/DeviceDefinition/00000000-0000-4000-8000-000000000000', f.admin, 404, 'OperationOutcome');
    await fhirGet(f, '/fhir/r4/DeviceDefinition', f.admin, 400, 'OperationOutcome');
    await fhirGet(f, `/fhir/r4/DeviceDefinition/${models[0]!.id}`, null, 401, 'OperationOutcome');
  });

  it('keeps one tenant’s catalog from another', async () => {
    const { login } = await import('../../helpers/app.ts');
    const stranger = await login(f.t, f.other.users.auditor.email);
    await fhirGet(f, `/fhir/r4/DeviceDefinition/${models[0]!.id}`, stranger, 404, 'OperationOutcome');
  });
});
