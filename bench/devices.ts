/**
 * The inventory at scale (issue #3, read side): a data directory loaded with a million demo devices over ten
 * facilities, device list and search p95 at 8 concurrent clients, the device page, FHIR reads, and the streamed
 * CSV export of every device with the server's memory sampled during it. The query plans it relies on go to
 * bench/plans/*.txt (EXPLAIN ANALYZE, BUFFERS, run as the application role under row-level security).
 *
 *   HTM_DATA_DIR=/tmp/htm-bench-1m HTM_EMBEDDED_PG_PORT=54472 npx htm demo --devices 1000000   # once, to load
 *   npx tsx bench/devices.ts [--data-dir /tmp/htm-bench-1m] [--port 3492] [--pg-port 54492] [--seconds 10] [--skip-export] [--plans-only]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, login, markdownTable, ms, option, provenance, sampleRss, seconds, startHelloServer, startServer, updateResults, type LoadResult } from './lib.ts';
import { explainAll, openBenchDatabase, sampleIds } from './plans.ts';

const dataDir = option('data-dir', '/tmp/htm-bench-1m');
const port = Number(option('port', '3492'));
const pgPort = Number(option('pg-port', '54492'));
const durationS = Number(option('seconds', '10'));
const CONNECTIONS = 8;
/** The samples at each tenth of the run: a flat series means constant memory, a rising one a leak. */
const deciles = (samples: number[]) => Array.from({ length: 10 }, (_, i) => samples[Math.min(samples.length - 1, Math.floor(((i + 1) * samples.length) / 10) - 1)] ?? NaN);
if (!existsSync(path.join(dataDir, 'pg'))) {
  console.error(`${dataDir} holds no database: load it first with HTM_DATA_DIR=${dataDir} npx htm demo --devices 1000000`);
  process.exit(2);
}

const hello = await startHelloServer();
const helloUrl = hello.url;
const server = await startServer({ dataDir, port, pgPort });
const database = openBenchDatabase(`postgres://postgres:${encodeURIComponent(readFileSync(path.join(dataDir, '.pg-password'), 'utf8').trim())}@127.0.0.1:${pgPort}/openhtm`);
try {
  const ids = await sampleIds(database);
  console.log(`${ids.deviceCount.toLocaleString('en-US')} devices in ${ids.facilityCount} facilities`);
  const cookie = await login(server.url, 'admin@riverside.example', 'openhtm-demo');
  const headers = { cookie };
  const firstPage = await (await fetch(`${server.url}/api/v1/devices?limit=50`, { headers })).json() as { nextCursor: string | null };

  const list = '/api/v1/devices';
  const q = (text: string) => `${list}?q=${encodeURIComponent(text)}&limit=50`;
  const scenarios: [string, string[]][] = [
    ['list, default sort (asset tag)', [`${list}?limit=50`]],
    ['list, next page (cursor)', [`${list}?limit=50&cursor=${encodeURIComponent(firstPage.nextCursor ?? '')}`]],
    ['list, facility + in service', [`${list}?facilityId=${ids.facilityId}&status=in_service&limit=50`]],
    ['list, device type + high risk', [`${list}?deviceTypeId=${ids.deviceTypeId}&highRisk=true&limit=50`]],
    ['list, connected, newest changes first', [`${list}?connected=true&sort=-updatedAt&limit=50`]],
    ['list, leased, by status', [`${list}?ownership=leased&sort=status&limit=50`]],
    ['list, type + manufacturer that match nothing together', [`${list}?deviceTypeId=${ids.deviceTypeId}&manufacturerId=${ids.otherManufacturerId}&limit=50`]],
    ['list, rare combination (type, physician-owned, out of service)', [`${list}?deviceTypeId=${ids.deviceTypeId}&ownership=physician_owned&status=out_of_service&limit=50`]],
    ['search, exact asset tag', ids.assetTags.slice(0, 50).map(q)],
    ['search, exact serial number', ids.serials.slice(0, 50).map(q)],
    ['search, one word ("alaris")', [q('alaris')]],
    ['search, two words ("philips monitor")', [q('philips monitor')]],
    ['search, typo ("intellivue mx45" as "intelivue mx45")', [q('intelivue mx45')]],
    ['search, typo in a manufacturer ("dreager evita")', [q('dreager evita')]],
    ['home dashboard GET /api/v1/devices/summary (one count of a million, about 0.4 s, then shared for 30 s)', [`${list}/summary`]],
    ['device page GET /api/v1/devices/:id', ids.deviceIds.map((id) => `${list}/${id}`)],
    ['device timeline GET /api/v1/devices/:id/timeline', ids.deviceIds.map((id) => `${list}/${id}/timeline`)],
    ['FHIR GET /fhir/r4/Device/:id', ids.deviceIds.map((id) => `/fhir/r4/Device/${id}`)],
    ['FHIR GET /fhir/r4/Device?identifier=asset tag', ids.assetTags.slice(0, 50).map((t) => `/fhir/r4/Device?identifier=${encodeURIComponent(t)}`)],
  ];
  // The machine's state during this run: the bare Fastify ceiling and the health check at the same concurrency.
  const results: LoadResult[] = [
    await load('reference: bare Fastify GET /hello (same Node, own process)', `${helloUrl}/hello`, { connections: CONNECTIONS, seconds: durationS }),
    await load('reference: GET /api/health', `${server.url}/api/health`, { connections: CONNECTIONS, seconds: durationS }),
  ];
  for (const [name, paths] of scenarios) {
    if (process.argv.includes('--plans-only')) break;
    console.log(`${name} …`);
    results.push(await load(name, server.url, { connections: CONNECTIONS, seconds: durationS, headers, paths }));
  }
  const table = markdownTable(
    ['scenario', 'req/s', 'p50', 'p95', 'p99', 'p95 ≤ 50 ms', 'errors / non-2xx'],
    results.map((r) => [r.name, r.rps.toFixed(0), ms(r.p50), ms(r.p95), ms(r.p99), r.p95 <= 50 ? 'yes' : '**no**', `${r.errors} / ${r.non2xx}`]),
  );
  console.log(table);

  let exportTable = '_Export skipped (--skip-export)._';
  if (!process.argv.includes('--skip-export') && !process.argv.includes('--plans-only')) {
    console.log('export of every device as CSV …');
    const sampler = sampleRss(server.pid, 250);
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v1/devices/export?format=csv`, { headers });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      sampler.tick();
      bytes += chunk.byteLength;
      for (let i = 0; i < chunk.byteLength; i++) if (chunk[i] === 10) lines++;
    }
    const elapsed = performance.now() - started;
    const memory = sampler.stop();
    exportTable = markdownTable(
      ['export', 'value'],
      [
        ['HTTP status', response.status],
        ['rows (lines − header)', (lines - 1).toLocaleString('en-US')],
        ['bytes', `${(bytes / 2 ** 20).toFixed(0)} MiB`],
        ['time', seconds(elapsed)],
        ['rows/s', Math.round(((lines - 1) * 1000) / elapsed).toLocaleString('en-US')],
        ['server RSS during export (min / max, sampled every 250 ms)', `${memory.min.toFixed(0)} / ${memory.max.toFixed(0)} MiB over ${memory.samples.length} samples`],
        ['server RSS at 10%, 20%, … 100% of the export', deciles(memory.samples).map((v) => v.toFixed(0)).join(', ') + ' MiB'],
      ],
    );
    console.log(exportTable);
  }

  console.log('query plans …');
  const plans = await explainAll(database, ids);
  if (!process.argv.includes('--plans-only')) updateResults(
    'devices',
    [
      '## Devices at a million (bench/devices.ts)',
      provenance(`npx tsx bench/devices.ts --data-dir ${dataDir}`),
      `${ids.deviceCount.toLocaleString('en-US')} devices over ${ids.facilityCount} facilities, loaded with \`HTM_DATA_DIR=${dataDir} npx htm demo --devices 1000000\`; ` +
        `signed in as the demo administrator (every facility); ${CONNECTIONS} concurrent clients for ${durationS} s per scenario; ` +
        'scenarios with several paths rotate through them (50 asset tags, 50 serials, 200 device ids). Target: p95 ≤ 50 ms.',
      table,
      '### Streamed CSV export of every device',
      exportTable,
      '### Query plans',
      `EXPLAIN (ANALYZE, BUFFERS) of the queries behind the scenarios, captured from the server's own query functions and run as htm_app under row-level security: ${plans.map((p) => `[${p}](plans/${p})`).join(', ')}.`,
    ].join('\n\n'),
  );
} finally {
  await database.close();
  await server.stop();
  hello.close();
}
