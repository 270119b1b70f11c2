/**
 * Query plans at scale: runs the server's own query functions in a transaction whose Kysely logs every statement,
 * then EXPLAINs (ANALYZE, BUFFERS) each captured statement with its parameters, as htm_app under row-level
 * security, and writes them to bench/plans/<name>.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../packages/server/src/db/schema.ts';
import { withTenant, type Trx } from '../packages/server/src/db/tenant-context.ts';
import type { AuthContext } from '../packages/server/src/modules/auth/sessions.ts';
import { loadDevicePage } from '../packages/server/src/modules/devices/device-page.ts';
import { allDevices, listDevices } from '../packages/server/src/modules/devices/queries.ts';
import type { DeviceListQuery } from '../packages/server/src/modules/devices/schema-query.ts';
import { deviceFacts } from '../packages/server/src/modules/fhir/queries.ts';
import { ROOT } from './lib.ts';

export interface BenchDatabase {
  pool: pg.Pool;
  app: Kysely<Database>;
  captured: CompiledQuery[];
  close(): Promise<void>;
}

/** A pool working as htm_app (like the server's) whose Kysely records every statement it runs. */
export function openBenchDatabase(url: string): BenchDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'openhtm-bench' });
  const captured: CompiledQuery[] = [];
  const app = new Kysely<Database>({
    dialect: new PostgresDialect({ pool, onCreateConnection: async (c) => void (await c.executeQuery(sql`set role htm_app`.compile(app))) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  return { pool, app, captured, close: () => app.destroy() };
}

export interface SampleIds {
  tenantId: string;
  adminId: string;
  deviceCount: number;
  facilityCount: number;
  facilityId: string;
  deviceTypeId: string;
  /** A manufacturer that makes no device of deviceTypeId: the two filters together match nothing. */
  otherManufacturerId: string;
  deviceIds: string[];
  assetTags: string[];
  serials: string[];
  udiDi: string;
}

/** Ids and identifiers to query with, drawn from the demo tenant (a random sample of devices). */
export async function sampleIds(db: BenchDatabase): Promise<SampleIds> {
  const client = await db.pool.connect();
  try {
    const tenant = (await client.query(`select id from tenants where slug = 'riverside'`)).rows[0].id as string;
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
    const one = async (text: string) => (await client.query(text)).rows[0];
    const devices = (await client.query(`select id, asset_tag, serial_number from devices tablesample system (1) repeatable (42) limit 200`)).rows;
    const result: SampleIds = {
      tenantId: tenant,
      adminId: (await one(`select id from users where email = 'admin@riverside.example'`)).id,
      deviceCount: Number((await one(`select count(*) from devices`)).count),
      facilityCount: Number((await one(`select count(*) from facilities`)).count),
      facilityId: (await one(`select id from facilities where code = 'RGH'`)).id,
      deviceTypeId: (await one(`select id from device_types where name = 'Infusion pump, large-volume'`)).id,
      otherManufacturerId: (await one(`
        select mf.id from manufacturers mf
        where exists (select 1 from devices d where d.manufacturer_id = mf.id)
          and not exists (select 1 from models m join device_types t on t.id = m.device_type_id
                          where m.manufacturer_id = mf.id and t.name = 'Infusion pump, large-volume')
        order by mf.name limit 1`)).id,
      deviceIds: devices.map((d) => d.id),
      assetTags: devices.map((d) => d.asset_tag),
      serials: devices.map((d) => d.serial_number),
      udiDi: (await one(`select udi_di from devices where udi_di is not null limit 1`)).udi_di,
    };
    await client.query('rollback');
    return result;
  } finally {
    client.release();
  }
}

/** Runs `work` and returns the statements it ran (besides the transaction's set_config). */
async function capture(db: BenchDatabase, ids: SampleIds, work: (trx: Trx) => Promise<unknown>): Promise<CompiledQuery[]> {
  db.captured.length = 0;
  await withTenant(db.app, { tenantId: ids.tenantId, actor: 'bench' }, work);
  // Data statements only: not the transaction's begin/commit, nor the set_config that names the tenant.
  return db.captured.filter((q) => /^\s*(select|with|insert|update|delete)\b/i.test(q.sql) && !/^\s*select\s+set_config/i.test(q.sql));
}

async function explain(db: BenchDatabase, ids: SampleIds, query: CompiledQuery): Promise<string> {
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role htm_app');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [ids.tenantId]);
    const result = await client.query(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
    await client.query('rollback');
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    client.release();
  }
}

/** Writes one plans file per scenario; returns the file names. */
export async function explainAll(db: BenchDatabase, ids: SampleIds): Promise<string[]> {
  const auth: AuthContext = { kind: 'session', tenantId: ids.tenantId, userId: ids.adminId, tokenId: null, role: 'admin', facilityIds: null, actorLabel: 'bench', sessionId: null, csrfToken: null };
  const list = (query: Partial<DeviceListQuery>) => (trx: Trx) => listDevices(trx, auth, { limit: 50, ...query } as DeviceListQuery);
  const scenarios: [string, (trx: Trx) => Promise<unknown>][] = [
    ['list-default', list({})],
    ['list-facility-in-service', list({ facilityId: [ids.facilityId], status: ['in_service'] })],
    ['list-type-high-risk', list({ deviceTypeId: [ids.deviceTypeId], highRisk: true })],
    ['list-connected-by-update', list({ connected: true, sort: '-updatedAt' })],
    ['list-no-match-combination', list({ deviceTypeId: [ids.deviceTypeId], manufacturerId: [ids.otherManufacturerId] })],
    ['list-rare-combination', list({ deviceTypeId: [ids.deviceTypeId], ownership: ['physician_owned'], status: ['out_of_service'] })],
    ['search-asset-tag', list({ q: ids.assetTags[0]! })],
    ['search-word', list({ q: 'alaris' })],
    ['search-two-words', list({ q: 'philips monitor' })],
    ['search-typo', list({ q: 'intelivue mx45' })],
    ['device-page', (trx) => loadDevicePage(trx, auth, ids.deviceIds[0]!)],
    ['export-first-batch', async () => {
      const run = <T>(work: (trx: Trx) => Promise<T>) => withTenant(db.app, { tenantId: ids.tenantId, actor: 'bench' }, work);
      for await (const batch of allDevices(run, auth, {})) return batch;
    }],
    ['fhir-device-by-asset-tag', (trx) => deviceFacts(trx, auth, [[{ column: 'asset_tag', values: [ids.assetTags[0]!] }, { column: 'serial_number', values: [ids.assetTags[0]!] }]], 51)],
    ['fhir-device-by-udi-di', (trx) => deviceFacts(trx, auth, [[{ column: 'udi_di', values: [ids.udiDi] }]], 51)],
  ];
  const dir = path.join(ROOT, 'bench/plans');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [name, work] of scenarios) {
    const queries = await capture(db, ids, work);
    const sections: string[] = [];
    for (const [i, query] of queries.entries()) {
      const plan = await explain(db, ids, query);
      sections.push(`-- statement ${i + 1} of ${queries.length}\n${query.sql.trim()}\n-- parameters: ${JSON.stringify(query.parameters)}\n\n${plan}`);
    }
    const file = `${name}.txt`;
    writeFileSync(path.join(dir, file), `${sections.join('\n\n' + '-'.repeat(100) + '\n\n')}\n`);
    files.push(file);
  }
  return files;
}
