import { readFileSync } from 'node:fs';
import {
  DEFAULT_RISK_POLICY,
  decodeCp1252,
  gtinCheckDigitValid,
  isHostname,
  KNOWN_MANUFACTURERS,
  normalizeIpAddress,
  normalizeMacAddress,
  normalizeManufacturerName,
  parseFdaClassification,
  parseUdi,
  scoreRisk,
  type RiskInputs,
} from '@openhtm/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Trx } from '../../../src/db/tenant-context.ts';
import { DEMO_DEVICE_TYPES } from '../../../src/modules/demo/device-types.ts';
import { DEMO_AS_OF } from '../../../src/modules/demo/load-inventory.ts';
import { DEMO_FACILITIES, DEMO_TENANT, DEMO_USERS, demoFacilities, loadDemo } from '../../../src/modules/demo/load-demo.ts';
import { DEMO_MODELS } from '../../../src/modules/demo/models.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { fixturePath } from '../../../../../test-support/fixtures.ts';

let database: TestDatabase;
let tenantId: string;
const FDA_FILE = fixturePath('fda/foiclass-2020.txt');

const asTenant = <T>(work: (trx: Trx) => Promise<T>) => withTenant(database.databases.app, { tenantId, actor: 'test' }, work);

interface DeviceRow {
  asset_tag: string;
  serial_number: string;
  udi: string | null;
  udi_di: string | null;
  status: string;
  out_of_service_reason: string | null;
  has_been_in_service: boolean;
  incoming_inspection_passed_at: Date | null;
  ownership: string;
  acquisition_date: string;
  acquisition_cost: string;
  connected: boolean;
  hostname: string | null;
  ip_address: string | null;
  mac_address: string | null;
  risk_inputs: RiskInputs;
  risk_score: number;
  high_risk: boolean;
  maintenance_strategy: string;
  strategy_decided_by: string | null;
}
let devices: DeviceRow[];

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await loadDemo(database.databases)).toBe(true);
  tenantId = (await database.databases.owner.selectFrom('tenants').select('id').where('slug', '=', DEMO_TENANT.slug).executeTakeFirstOrThrow()).id;
  devices = await asTenant((trx) => trx.selectFrom('devices').selectAll().orderBy('asset_tag').execute()) as unknown as DeviceRow[];
}, 180_000);
afterAll(() => database.drop());

describe('demo health system', () => {
  it('keeps the tenant, its three facilities and one login per role, and loads once', async () => {
    const facilities = await asTenant((trx) => trx.selectFrom('facilities').select('code').orderBy('code').execute());
    expect(facilities.map((f) => f.code)).toEqual(DEMO_FACILITIES.map((f) => f.code).sort());
    const users = await asTenant((trx) => trx.selectFrom('users').select('email').execute());
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(await loadDemo(database.databases)).toBe(false);
  });

  it('has 5,000 devices over more than 60 device types from the catalog’s real model lines', async () => {
    expect(devices).toHaveLength(5000);
    const counts = await asTenant((trx) =>
      trx.selectFrom('devices').select([sql<number>`count(distinct device_type_id)::int`.as('types'), sql<number>`count(distinct model_id)::int`.as('models')]).executeTakeFirstOrThrow(),
    );
    expect(counts.types).toBeGreaterThanOrEqual(60);
    expect(counts.models).toBeGreaterThan(120);
    const types = new Set(DEMO_MODELS.map((m) => m.type));
    expect(DEMO_DEVICE_TYPES.filter((t) => !types.has(t.key)).map((t) => t.key)).toEqual([]);
  });

  it('uses FDA product codes that the FDA classification file defines', () => {
    const { records } = parseFdaClassification(decodeCp1252(readFileSync(FDA_FILE)));
    const known = new Set(records.map((r) => r.productCode));
    const codes = DEMO_DEVICE_TYPES.flatMap((t) => (t.fda ? [t.fda] : []));
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((c) => !known.has(c))).toEqual([]);
  });

  it('seeds the known manufacturers with their aliases', async () => {
    const names = await asTenant((trx) => trx.selectFrom('manufacturers').select('normalized_name').execute());
    const have = new Set(names.map((n) => n.normalized_name));
    expect(KNOWN_MANUFACTURERS.filter((m) => !have.has(normalizeManufacturerName(m.name))).map((m) => m.name)).toEqual([]);
    const phillips = await asTenant((trx) =>
      trx.selectFrom('manufacturer_aliases as a').innerJoin('manufacturers as m', 'm.id', 'a.manufacturer_id').select('m.name').where('a.normalized_alias', '=', normalizeManufacturerName('Phillips')).executeTakeFirst(),
    );
    expect(phillips?.name).toBe('Philips');
  });

  it('fills the search text through device_search_text and scores risk with the domain’s policy', async () => {
    const stale = await asTenant((trx) =>
      sql<{ n: number }>`
        select count(*)::int as n from devices d join models m on m.id = d.model_id join manufacturers mf on mf.id = d.manufacturer_id
        join device_types t on t.id = d.device_type_id
        where d.search_text <> device_search_text(d.asset_tag, d.serial_number, m.model_number, m.name, mf.name, t.name)`.execute(trx),
    );
    expect(stale.rows[0]!.n).toBe(0);
    for (const d of devices) {
      const assessment = scoreRisk(d.risk_inputs, DEFAULT_RISK_POLICY);
      expect([d.asset_tag, d.risk_score, d.high_risk]).toEqual([d.asset_tag, assessment.score, assessment.highRisk]);
    }
  });

  it('gives a share of devices valid GS1 UDIs', () => {
    const withUdi = devices.filter((d) => d.udi);
    expect(withUdi.length / devices.length).toBeGreaterThan(0.25);
    for (const d of withUdi) {
      const parsed = parseUdi(d.udi!);
      expect(parsed.valid, `${d.asset_tag}: ${JSON.stringify(parsed.problems)}`).toBe(true);
      expect(parsed.deviceIdentifier).toBe(d.udi_di);
      expect(parsed.serial).toBe(d.serial_number);
      expect(gtinCheckDigitValid(d.udi_di!)).toBe(true);
    }
  });

  it('connects about a third of the fleet with well-formed network identities', () => {
    const connected = devices.filter((d) => d.connected);
    expect(connected.length / devices.length).toBeGreaterThan(0.25);
    expect(connected.length / devices.length).toBeLessThan(0.45);
    for (const d of connected) {
      expect(isHostname(d.hostname!)).toBe(true);
      expect(normalizeIpAddress(d.ip_address!)).toBe(d.ip_address);
      expect(normalizeMacAddress(d.mac_address!)).toBe(d.mac_address);
    }
    expect(new Set(connected.map((d) => d.ip_address)).size).toBe(connected.length);
    expect(new Set(connected.map((d) => d.mac_address)).size).toBe(connected.length);
  });

  it('follows the lifecycle: mostly in service, some out of service with a reason, a few retired, inspected before use', () => {
    const share = (status: string) => devices.filter((d) => d.status === status).length / devices.length;
    expect(share('in_service')).toBeGreaterThan(0.85);
    expect(share('out_of_service')).toBeGreaterThan(0.02);
    expect(share('retired')).toBeGreaterThan(0.01);
    for (const d of devices) {
      expect(d.out_of_service_reason !== null).toBe(d.status === 'out_of_service');
      expect(d.has_been_in_service).toBe(d.status !== 'received');
      expect(d.incoming_inspection_passed_at !== null).toBe(d.status !== 'received');
    }
  });

  it('holds leased, rented, vendor-maintained, physician-owned and loaner equipment, acquired over 15 years', () => {
    const ownerships = new Set(devices.map((d) => d.ownership));
    expect([...ownerships].sort()).toEqual(['leased', 'loaner', 'owned', 'physician_owned', 'rented', 'vendor_maintained']);
    const oldest = devices.reduce((min, d) => (d.acquisition_date < min ? d.acquisition_date : min), DEMO_AS_OF);
    expect(Number(DEMO_AS_OF.slice(0, 4)) - Number(oldest.slice(0, 4))).toBeGreaterThanOrEqual(14);
    expect(devices.every((d) => d.acquisition_date < DEMO_AS_OF && Number(d.acquisition_cost) > 0)).toBe(true);
    const aem = devices.filter((d) => d.maintenance_strategy === 'aem');
    expect(aem.length).toBeGreaterThan(0);
    expect(aem.every((d) => !d.high_risk && d.strategy_decided_by === 'engineer@riverside.example')).toBe(true);
  });

  it('records a created event and an audit record for every device', async () => {
    const { created, inspected, audited } = await asTenant(async (trx) => ({
      created: Number((await trx.selectFrom('device_events').select(sql<number>`count(*)`.as('n')).where('kind', '=', 'created').executeTakeFirstOrThrow()).n),
      inspected: Number((await trx.selectFrom('device_events').select(sql<number>`count(*)`.as('n')).where('kind', '=', 'incoming_inspection').executeTakeFirstOrThrow()).n),
      audited: Number((await trx.selectFrom('audit_events').select(sql<number>`count(*)`.as('n')).where('entity', '=', 'device').where('action', '=', 'create').executeTakeFirstOrThrow()).n),
    }));
    expect(created).toBe(5000);
    expect(inspected).toBe(devices.filter((d) => d.status !== 'received').length);
    expect(audited).toBe(5000);
  });

  it('spreads a benchmark-sized fleet over ten facilities', () => {
    expect(demoFacilities(5000).map((f) => f.code)).toEqual(['RGH', 'NCH', 'LOC']);
    expect(demoFacilities(1_000_000)).toHaveLength(10);
    expect(new Set(demoFacilities(1_000_000).map((f) => f.code)).size).toBe(10);
  });
});
