import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDemoTenant, createFhirFixture, fhirGet, type FhirFixture } from './fhir-app.ts';
import { expectValidFhir } from './validate.ts';

let f: FhirFixture;
const ASSET_TAG_SYSTEM = 'https://openhtm.dev/fhir/sid/riverside/asset-tag';
let sample: { id: string; asset_tag: string; serial_number: string; udi: string; udi_di: string };
let second: { id: string; asset_tag: string };

beforeAll(async () => {
  f = await createFhirFixture(150);
  [sample, second] = await asDemoTenant(f, async (trx) =>
    (await sql<typeof sample>`select id, asset_tag, serial_number, udi, udi_di from devices where udi is not null order by asset_tag limit 2`.execute(trx)).rows,
  ) as [typeof sample, typeof sample];
});
afterAll(() => f.t.close());

const ids = (bundle: { entry?: { resource: { id: string } }[] }) => (bundle.entry ?? []).map((e) => e.resource.id);

describe('GET /fhir/r4/Device?…', () => {
  it('finds a device by its asset tag, bare or with the asset-tag system, in a valid searchset bundle', async () => {
    for (const token of [sample.asset_tag, `${ASSET_TAG_SYSTEM}|${sample.asset_tag}`]) {
      const bundle = await fhirGet(f, `/fhir/r4/Device?identifier=${encodeURIComponent(token)}`, f.admin, 200, 'Bundle');
      expect(bundle.type).toBe('searchset');
      expect(bundle.total).toBe(1);
      expect(ids(bundle)).toEqual([sample.id]);
      expect(bundle.entry[0].fullUrl).toBe(`http://localhost:80/fhir/r4/Device/${sample.id}`);
      expect(bundle.entry[0].search.mode).toBe('match');
      expect(bundle.link[0].relation).toBe('self');
    }
  });

  it('finds a device by serial number as an identifier without a system', async () => {
    const bare = await fhirGet(f, `/fhir/r4/Device?identifier=${sample.serial_number}`, f.admin, 200, 'Bundle');
    expect(ids(bare)).toContain(sample.id);
    const noSystem = await fhirGet(f, `/fhir/r4/Device?identifier=${encodeURIComponent(`|${sample.serial_number}`)}`, f.admin, 200, 'Bundle');
    expect(ids(noSystem)).toContain(sample.id);
    // The serial number is not an asset tag: under the asset-tag system it matches nothing.
    const wrongSystem = await fhirGet(f, `/fhir/r4/Device?identifier=${encodeURIComponent(`${ASSET_TAG_SYSTEM}|${sample.serial_number}`)}`, f.admin, 200, 'Bundle');
    expect(wrongSystem.total).toBe(0);
  });

  it('reads comma-separated values as alternatives and repeated parameters as all required', async () => {
    const either = await fhirGet(f, `/fhir/r4/Device?identifier=${sample.asset_tag},${second.asset_tag}`, f.admin, 200, 'Bundle');
    expect(ids(either).sort()).toEqual([sample.id, second.id].sort());
    const both = await fhirGet(f, `/fhir/r4/Device?identifier=${sample.asset_tag}&identifier=${second.asset_tag}`, f.admin, 200, 'Bundle');
    expect(both.total).toBe(0);
    const limited = await fhirGet(f, `/fhir/r4/Device?identifier=${sample.asset_tag},${second.asset_tag}&_count=1`, f.admin, 200, 'Bundle');
    expect(limited.entry).toHaveLength(1);
    expect(limited.total).toBeUndefined();
  });

  it('matches nothing under a system it does not know', async () => {
    const bundle = await fhirGet(f, `/fhir/r4/Device?identifier=${encodeURIComponent(`urn:example:other|${sample.asset_tag}`)}`, f.admin, 200, 'Bundle');
    expect(bundle.total).toBe(0);
    expect(bundle.entry).toEqual([]);
  });

  it('finds devices by UDI device identifier, given alone or as a whole UDI', async () => {
    const byDi = await fhirGet(f, `/fhir/r4/Device?udi-di=${sample.udi_di}`, f.admin, 200, 'Bundle');
    expect(ids(byDi)).toContain(sample.id);
    expect(byDi.entry.every((e: { resource: { udiCarrier: { deviceIdentifier: string }[] } }) => e.resource.udiCarrier[0]!.deviceIdentifier === sample.udi_di)).toBe(true);
    const byUdi = await fhirGet(f, `/fhir/r4/Device?udi-di=${encodeURIComponent(sample.udi)}`, f.admin, 200, 'Bundle');
    expect(ids(byUdi)).toEqual(ids(byDi));
    const combined = await fhirGet(f, `/fhir/r4/Device?udi-di=${sample.udi_di}&identifier=${sample.asset_tag}`, f.admin, 200, 'Bundle');
    expect(ids(combined)).toEqual([sample.id]);
  });

  it('refuses a search without criteria or with parameters it does not support', async () => {
    const none = await fhirGet(f, '/fhir/r4/Device', f.admin, 400, 'OperationOutcome');
    expect(none.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
    const unknown = await fhirGet(f, `/fhir/r4/Device?identifier=${sample.asset_tag}&name=pump`, f.admin, 400, 'OperationOutcome');
    expect(unknown.issue[0].diagnostics).toContain('name');
    const empty = await fhirGet(f, `/fhir/r4/Device?identifier=${encodeURIComponent('urn:x|')}`, f.admin, 400, 'OperationOutcome');
    expect(empty.issue[0].diagnostics).toContain('identifier');
    await fhirGet(f, '/fhir/r4/Device?identifier=x&_format=xml', f.admin, 400, 'OperationOutcome');
  });
});

describe('GET /fhir/r4/metadata', () => {
  it('describes the endpoint in a valid CapabilityStatement, without signing in', async () => {
    const statement = await fhirGet(f, '/fhir/r4/metadata', null, 200, 'CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const resources = statement.rest[0].resource.map((r: { type: string; searchParam: { name: string }[] }) => [r.type, r.searchParam.map((p) => p.name)]);
    expect(resources).toEqual([
      ['Device', ['identifier', 'udi-di']],
      ['DeviceDefinition', ['identifier']],
    ]);
  });
});

describe('the validation these tests rely on', () => {
  it('refuses resources that break R4: structure (medplum) and bound codes (R4 code systems)', () => {
    expect(() => expectValidFhir({ resourceType: 'Device', deviceName: [{ name: 'x' }] })).toThrow(/Missing required property/);
    expect(() => expectValidFhir({ resourceType: 'Device', status: 'in_service' })).toThrow(/not a code of http:\/\/hl7.org\/fhir\/device-status/);
    expect(() => expectValidFhir({ resourceType: 'Device', statusReason: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/device-status-reason', code: 'broken' }] }] })).toThrow(/broken/);
    expect(() => expectValidFhir({ resourceType: 'Device', contained: [{ resourceType: 'Organization', id: 'owner', name: 'x' }] })).toThrow(/dom-3/);
    expect(expectValidFhir({ resourceType: 'Device', status: 'active', owner: { reference: '#owner' }, contained: [{ resourceType: 'Organization', id: 'owner', name: 'x' }] })).toEqual([]);
  });
});
