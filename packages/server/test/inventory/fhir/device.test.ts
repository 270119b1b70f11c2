import { parseUdi } from '@openhtm/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../helpers/app.ts';
import { asDemoTenant, createFhirFixture, fhirGet, type FhirFixture } from './fhir-app.ts';

let f: FhirFixture;
const ASSET_TAG_SYSTEM = 'https://openhtm.dev/fhir/sid/riverside/asset-tag';

interface DeviceRow {
  id: string;
  asset_tag: string;
  serial_number: string | null;
  udi: string | null;
  udi_di: string | null;
  status: string;
  facility_id: string;
  software_version: string | null;
  connected: boolean;
  model_number: string;
  manufacturer: string;
  type_name: string;
  facility_code: string;
}

let devices: DeviceRow[];

beforeAll(async () => {
  f = await createFhirFixture(250);
  devices = await asDemoTenant(f, async (trx) =>
    (
      await sql<DeviceRow>`
        select d.id, d.asset_tag, d.serial_number, d.udi, d.udi_di, d.status, d.facility_id, d.software_version, d.connected,
               m.model_number, mf.name as manufacturer, t.name as type_name, fa.code as facility_code
        from devices d join models m on m.id = d.model_id join manufacturers mf on mf.id = d.manufacturer_id
        join device_types t on t.id = d.device_type_id join facilities fa on fa.id = d.facility_id
        order by d.asset_tag`.execute(trx)
    ).rows,
  );
});
afterAll(() => f.t.close());

describe('GET /fhir/r4/Device/{id}', () => {
  it('answers every demo device as a valid R4 Device that carries the inventory fields', async () => {
    expect(devices.length).toBe(250);
    for (const row of devices) {
      const device = await fhirGet(f, `/fhir/r4/Device/${row.id}`, f.admin, 200, 'Device');
      expect(device.id).toBe(row.id);
      expect(device.identifier[0]).toMatchObject({ system: ASSET_TAG_SYSTEM, value: row.asset_tag });
      expect(device.identifier[1]).toMatchObject({ type: { coding: [{ code: 'SNO' }] }, value: row.serial_number });
      expect(device.serialNumber).toBe(row.serial_number);
      expect(device.manufacturer).toBe(row.manufacturer);
      expect(device.modelNumber).toBe(row.model_number);
      expect(device.type.text).toBe(row.type_name);
      expect(device.status).toBe({ in_service: 'active', out_of_service: 'inactive', retired: 'inactive', received: 'inactive' }[row.status]);
      expect(device.owner.reference).toBe('#owner');
      expect(device.contained.map((r: { resourceType: string }) => r.resourceType)).toEqual(['Organization', 'Location']);
      if (row.software_version) expect(device.version).toContainEqual({ type: { text: 'software' }, value: row.software_version });
      if (row.connected) expect(device.property.map((p: { type: { text: string } }) => p.type.text)).toContain('IP address');
      if (row.udi) {
        expect(device.udiCarrier).toEqual([
          {
            deviceIdentifier: row.udi_di,
            issuer: 'http://hl7.org/fhir/NamingSystem/gs1-di',
            jurisdiction: 'http://hl7.org/fhir/NamingSystem/fda-udi',
            carrierHRF: row.udi,
            entryType: 'unknown',
          },
        ]);
        expect(device.manufactureDate).toBe(parseUdi(row.udi).manufactureDate);
      } else {
        expect(device.udiCarrier).toBeUndefined();
      }
    }
  }, 180_000);

  it('links the device to its model as a DeviceDefinition', async () => {
    const device = await fhirGet(f, `/fhir/r4/Device/${devices[0]!.id}`, f.admin, 200, 'Device');
    const definitionId = device.definition.reference.split('/')[1];
    const definition = await fhirGet(f, `/fhir/r4/DeviceDefinition/${definitionId}`, f.admin, 200, 'DeviceDefinition');
    expect(definition.modelNumber).toBe(devices[0]!.model_number);
  });

  it('maps lot, expiry and manufacture date from the UDI of the FHIR specification example', async () => {
    // device-example-udi1 of the FHIR R4 specification (shared/fixtures/gs1/fhir-udi-examples.txt), in its HRF form.
    const udi = '(01)00844588003288(17)141120(10)7654321D(21)10987654d321';
    const target = devices[1]!;
    await asDemoTenant(f, (trx) => trx.updateTable('devices').set({ udi, udi_di: '00844588003288' }).where('id', '=', target.id).execute());
    const device = await fhirGet(f, `/fhir/r4/Device/${target.id}`, f.admin, 200, 'Device');
    expect(device.udiCarrier[0]).toMatchObject({ deviceIdentifier: '00844588003288', carrierHRF: udi, issuer: 'http://hl7.org/fhir/NamingSystem/gs1-di' });
    expect(device.lotNumber).toBe('7654321D');
    expect(device.expirationDate).toBe('2014-11-20');
  });

  it('names the HIBCC issuer for the HIBCC example even though its check character is wrong', async () => {
    const udi = '+H123PARTNO1234567890120/$$420020216LOT123456789012345/SXYZ456789012345678/16D20130202C';
    const target = devices[2]!;
    await asDemoTenant(f, (trx) => trx.updateTable('devices').set({ udi, udi_di: null }).where('id', '=', target.id).execute());
    const device = await fhirGet(f, `/fhir/r4/Device/${target.id}`, f.admin, 200, 'Device');
    expect(device.udiCarrier[0].issuer).toBe('http://hl7.org/fhir/NamingSystem/hibcc-di');
    expect(device.udiCarrier[0].carrierHRF).toBe(udi);
  });

  it('reports a missing device, a malformed id and an unsupported resource as OperationOutcomes', async () => {
    const missing = await fhirGet(f, '/fhir/r4/Device/00000000-0000-4000-8000-000000000000', f.admin, 404, 'OperationOutcome');
    expect(missing.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    expect((await fhirGet(f, '/fhir/r4/Device/not-a-uuid', f.admin, 404, 'OperationOutcome')).issue[0].code).toBe('not-found');
    expect((await fhirGet(f, '/fhir/r4/Device/bad%20id!', f.admin, 400, 'OperationOutcome')).issue[0].code).toBe('invalid');
    expect((await fhirGet(f, '/fhir/r4/Patient/123', f.admin, 404, 'OperationOutcome')).issue[0].code).toBe('not-found');
  });

  it('asks for authentication with an OperationOutcome and accepts an API token', async () => {
    const outcome = await fhirGet(f, `/fhir/r4/Device/${devices[0]!.id}`, null, 401, 'OperationOutcome');
    expect(outcome.issue[0].code).toBe('login');
    const bad = await f.t.app.inject({ method: 'GET', url: `/fhir/r4/Device/${devices[0]!.id}`, headers: { authorization: 'Bearer htm_nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().resourceType).toBe('OperationOutcome');
    const created = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: f.admin.headers,
      payload: { name: 'FHIR client', role: 'auditor' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await f.t.app.inject({ method: 'GET', url: `/fhir/r4/Device/${devices[0]!.id}`, headers: { authorization: `Bearer ${created.json().token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(devices[0]!.id);
  });

  it('hides devices outside the facility scope and other tenants’ devices', async () => {
    const elsewhere = devices.find((d) => d.facility_code !== 'RGH')!;
    const home = devices.find((d) => d.facility_code === 'RGH')!;
    await fhirGet(f, `/fhir/r4/Device/${home.id}`, f.technician, 200, 'Device');
    await fhirGet(f, `/fhir/r4/Device/${elsewhere.id}`, f.technician, 404, 'OperationOutcome');
    const bundle = await fhirGet(f, `/fhir/r4/Device?identifier=${elsewhere.asset_tag}`, f.technician, 200, 'Bundle');
    expect(bundle.total).toBe(0);
    const stranger = await login(f.t, f.other.users.admin.email);
    await fhirGet(f, `/fhir/r4/Device/${home.id}`, stranger, 404, 'OperationOutcome');
  });
});
