/**
 * HTTP throughput: 16 concurrent connections for 10 s per endpoint against the real server (demo data), beside a
 * bare Fastify "hello" app on the same Node, in a process of its own, as the ceiling of what this machine serves.
 *
 *   npx tsx bench/http.ts [--data-dir DIR] [--port 3491] [--pg-port 54491] [--seconds 10] [--connections 16]
 *
 * Without --data-dir a fresh directory gets the default demo (first start); with one, its data is used as is.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, login, markdownTable, ms, option, provenance, startHelloServer, startServer, updateResults, type LoadResult } from './lib.ts';

const port = Number(option('port', '3491'));
const pgPort = Number(option('pg-port', '54491'));
const durationS = Number(option('seconds', '10'));
const connections = Number(option('connections', '16'));
const givenDir = option('data-dir', '');
const dataDir = givenDir || path.join(os.tmpdir(), `htm-bench-http-${process.pid}`);
if (!givenDir) rmSync(dataDir, { recursive: true, force: true });

const hello = await startHelloServer();
const helloUrl = hello.url;

const server = await startServer({ dataDir, port, pgPort });
try {
  const cookie = await login(server.url, 'admin@riverside.example', 'openhtm-demo');
  const devicesAvailable = (await fetch(`${server.url}/api/v1/devices?limit=1`, { headers: { cookie } })).status === 200;
  const runs: [string, string, Record<string, string> | undefined][] = [
    ['bare Fastify GET /hello (ceiling, same Node, own process)', `${helloUrl}/hello`, undefined],
    ['GET /api/health', `${server.url}/api/health`, undefined],
    ['GET /api/v1/users (signed in)', `${server.url}/api/v1/users`, { cookie }],
    ...(devicesAvailable ? [['GET /api/v1/devices?limit=50 (signed in)', `${server.url}/api/v1/devices?limit=50`, { cookie }] as [string, string, Record<string, string>]] : []),
  ];
  const results: LoadResult[] = [];
  for (const [name, url, headers] of runs) {
    console.log(`${name} …`);
    results.push(await load(name, url, { connections, seconds: durationS, headers }));
  }
  const ceiling = results[0]!.rps;
  const table = markdownTable(
    ['endpoint', 'req/s', 'of ceiling', 'p50', 'p95', 'p99', 'errors / non-2xx'],
    results.map((r) => [r.name, r.rps.toFixed(0), `${((100 * r.rps) / ceiling).toFixed(0)}%`, ms(r.p50), ms(r.p95), ms(r.p99), `${r.errors} / ${r.non2xx}`]),
  );
  console.log(table);
  const deviceCount = givenDir ? `the data in ${givenDir}` : 'a fresh demo (5,000 devices)';
  updateResults(
    'http',
    [
      '## HTTP throughput (bench/http.ts)',
      provenance(`npx tsx bench/http.ts${givenDir ? ` --data-dir ${givenDir}` : ''}`),
      `${connections} concurrent connections for ${durationS} s per endpoint (autocannon), server and load generator on the same machine, against ${deviceCount}. ` +
        'Latency percentiles are computed from every response time.',
      table,
    ].join('\n\n'),
  );
} finally {
  await server.stop();
  hello.close();
  if (!givenDir) rmSync(dataDir, { recursive: true, force: true });
}
