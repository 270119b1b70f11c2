/**
 * Device import at scale: `npx tsx bench/import-devices.ts --rows 1000000 [--db postgres://postgres@127.0.0.1:5432/htm_bench_import]`.
 *
 * Builds a scratch database with the demo health system's reference data over ten facilities (catalog, sites,
 * vendors: the demo module's own loaders), writes a CSV export of `--rows` realistic devices (the demo generator's
 * fleet, written the way a CMMS exports it: names, codes, mixed date formats, manufacturer aliases), then runs the
 * import exactly as the API does (start → dry run → commit: parse, validate, resolve, COPY to staging, set-based
 * write, audit). The ceiling is a raw COPY of the same rows, as stored, into a table identical to `devices`
 * (`like devices including all`: same columns, defaults, checks and indexes, the GIN trigram index included;
 * no foreign keys, row-level security or audit trigger). Prints both, the ratio, and the peak RSS of this process.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { connectDatabases, type Databases } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { DEMO_AS_OF, DEMO_SEED } from '../packages/server/src/modules/demo/load-inventory.ts';
import { demoFacilities } from '../packages/server/src/modules/demo/load-demo.ts';
import { checkImport, commitImport, type ImportSummary } from '../packages/server/src/modules/device-import/run-import.ts';
import { startImport } from '../packages/server/src/modules/device-import/start-import.ts';
import { saveLocalFile } from '../packages/server/src/modules/device-import/storage.ts';
import { createTenant } from '../packages/server/src/modules/tenants/service.ts';
import { loadBenchReference, writeBenchCsv } from './import-devices-csv.ts';
import { markdownTable, provenance, updateResults } from './lib.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/htm_bench_import' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'htm-bench-import') },
    // The dry run checks every row once more before the commit (which checks them again); its time is reported apart.
    'dry-run': { type: 'boolean', default: false },
    // The CSV is deterministic (the demo generator's seed): an existing one of the same size is reused.
    'reuse-csv': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const url = values.db!;
const dir = values.dir!;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const log = (line: string) => process.stdout.write(line + '\n');

async function freshDatabase(): Promise<Databases> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  // The plans of the import's slow statements go to the server log (EXPLAIN without ANALYZE: no overhead).
  await client.query(`alter database ${name} set session_preload_libraries = 'auto_explain'`);
  await client.query(`alter database ${name} set auto_explain.log_min_duration = '3s'`);
  await client.end();
  const db = connectDatabases(url, { appPoolSize: 4 });
  await migrateToLatest(db.owner);
  return db;
}

/** The same rows as the import stored them, dumped (untimed), then COPYed (timed) into an identical scratch table. */
async function rawCopyCeiling(db: Databases, tenantId: string): Promise<number> {
  const columns = (await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_name = 'devices' and table_schema = 'public' and is_generated = 'NEVER' order by ordinal_position`.execute(db.owner)).rows.map((r) => r.column_name).join(', ');
  const dump = path.join(dir, 'devices.copy');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(client.query(copyTo(`copy (select ${columns} from devices where tenant_id = '${tenantId}') to stdout`)), createWriteStream(dump));
    await client.query('drop table if exists devices_copy_ceiling');
    await client.query('create table devices_copy_ceiling (like devices including all)');
    await client.query('checkpoint');
    const started = performance.now();
    await client.query('begin');
    await pipeline(createReadStream(dump, { highWaterMark: 1024 * 1024 }), client.query(copyFrom(`copy devices_copy_ceiling (${columns}) from stdin`)));
    await client.query('commit');
    const elapsed = performance.now() - started;
    await client.query('drop table devices_copy_ceiling');
    return elapsed;
  } finally {
    await client.end();
    await fs.rm(dump, { force: true });
  }
}

async function main(): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.rm(path.join(dir, 'imports'), { recursive: true, force: true });
  log(`device import benchmark: ${rows.toLocaleString('en-US')} rows, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const db = await freshDatabase();
  try {
    const tenant = await createTenant(db.owner, { slug: 'bench-import', name: 'Import Benchmark Health' });
    const plan = demoFacilities(1_000_000);
    const facilities = await db.owner.insertInto('facilities').values(plan.map((f) => ({ tenant_id: tenant.id, code: f.code, name: f.name }))).returning(['id', 'code']).execute();
    const withIds = plan.map((f) => ({ ...f, id: facilities.find((r) => r.code === f.code)!.id }));
    const reference = await loadBenchReference(db, tenant.id, withIds);
    log(`reference data: ${withIds.length} facilities, ${reference.departments.length} departments, ${reference.models.length} models`);
    const csvPath = path.join(dir, `devices-${rows}.csv`);
    let started = performance.now();
    const existing = values['reuse-csv'] ? await fs.stat(csvPath).catch(() => null) : null;
    const size = existing?.size ?? (await writeBenchCsv(db, tenant.id, csvPath, reference, { rows, seed: DEMO_SEED, asOf: DEMO_AS_OF, facilities: withIds }));
    log(`csv: ${csvPath}, ${(size / 2 ** 20).toFixed(0)} MiB, ${existing ? 'reused' : `written in ${seconds(performance.now() - started)} s`} (not timed below)`);
    await sql`checkpoint`.execute(db.owner);

    // The import's own memory, sampled: the process peak also holds what generating the CSV took.
    let importRss = 0;
    const sampler = setInterval(() => (importRss = Math.max(importRss, process.memoryUsage().rss)), 100);
    const cpuBefore = process.cpuUsage();
    const context = { tenantId: tenant.id, actor: 'bench' };
    const options = { databaseUrl: url, dataDir: dir, context, facilityScope: null };
    started = performance.now();
    const upload = await startImport(db.app, context, { dataDir: dir, fileName: path.basename(csvPath), save: (target) => saveLocalFile(csvPath, target) });
    const uploadMs = performance.now() - started;
    log(`upload (copy, detect encoding, head): ${seconds(uploadMs)} s`);
    let checkMs = Number.NaN;
    if (values['dry-run']) {
      started = performance.now();
      const checked = await checkImport(upload.row.id, options);
      checkMs = performance.now() - started;
      const checkSummary = checked.summary as ImportSummary;
      log(`dry run: ${seconds(checkMs)} s (${JSON.stringify(checkSummary.timings)}), ${checkSummary.rowsWithErrors} rows with errors, ${checked.problem_count} problems`);
      await sql`checkpoint`.execute(db.owner);
    }

    started = performance.now();
    const outcome = await commitImport(upload.row.id, { ...options, skipRowsWithErrors: false });
    const commitMs = performance.now() - started;
    const summary = outcome.row.summary as ImportSummary;
    const importMs = uploadMs + commitMs;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuS = (cpu.user + cpu.system) / 1e6;
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_events where tenant_id = ${tenant.id} and entity = 'device'`.execute(db.owner);
    if ((summary.rowsWithErrors ?? 0) > 0) log(JSON.stringify(outcome.row.problems).slice(0, 2000));
    log(`commit: ${seconds(commitMs)} s (${JSON.stringify(summary.timings)}); written ${JSON.stringify(summary.written)}; audit events ${audited.rows[0]!.n}`);

    await sql`checkpoint`.execute(db.owner);
    const ceilingMs = await rawCopyCeiling(db, tenant.id);
    const rss = process.resourceUsage().maxRSS / 1024;
    log('');
    log(`import end to end (upload + commit: parse, validate, normalize, write, audit): ${seconds(importMs)} s`);
    log(`raw COPY of the same ${rows.toLocaleString('en-US')} rows into an identical table (ceiling):   ${seconds(ceilingMs)} s`);
    log(`ratio import / raw COPY: ${(importMs / ceilingMs).toFixed(1)}×${values['dry-run'] ? `; dry run alone ${seconds(checkMs)} s` : ''}`);
    log(`CPU time of this process over upload, dry run and commit: ${nodeCpuS.toFixed(1)} s`);
    log(`peak RSS during the import (sampled): ${(importRss / 2 ** 20).toFixed(0)} MiB; of the whole process (CSV generation included): ${rss.toFixed(0)} MiB; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const phases = Object.entries(summary.timings).map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(', ');
    updateResults('import-devices', [
      `## Device import: ${rows.toLocaleString('en-US')} rows of CSV over ${withIds.length} facilities`,
      '',
      provenance(`npx tsx bench/import-devices.ts ${process.argv.slice(2).join(" ")}`),
      '',
      markdownTable(['measure', 'result'], [
        ['import end to end (upload + commit: parse, validate, normalize, write, audit)', `${seconds(importMs)} s`],
        ['raw COPY of the same rows into an identical table (ceiling)', `${seconds(ceilingMs)} s`],
        ['ratio import / raw COPY', `${(importMs / ceilingMs).toFixed(1)}×`],
        ['dry run (every row checked, nothing written)', values['dry-run'] ? `${seconds(checkMs)} s` : 'not run (--dry-run)'],
        ['commit phases', phases],
        ['devices written / audit events', `${summary.written?.created} created, ${summary.written?.updated} updated / ${audited.rows[0]!.n}`],
        ['peak RSS during the import (sampled) / whole process incl. CSV generation', `${(importRss / 2 ** 20).toFixed(0)} MiB / ${rss.toFixed(0)} MiB`],
        ['CPU time of the Node process (upload + dry run + commit)', `${nodeCpuS.toFixed(1)} s`],
        ['load average at the end', os.loadavg().map((l) => l.toFixed(1)).join(' ')],
      ]),
      '',
      'Target: ≤ 30 s end to end. Query plans of the slow statements (auto_explain): `bench/plans/import-devices.txt`.',
    ].join('\n'));
  } finally {
    await db.close();
  }
}

await main();
