/**
 * Start-up: the first start on an empty data directory (embedded PostgreSQL initialised, migrations, demo health
 * system with 5,000 devices) and the second start on the same directory, each timed until /api/health answers;
 * the server's memory at idle and under load (16 clients listing devices).
 *
 *   npx tsx bench/startup.ts [--port 3490] [--pg-port 54490]
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ensureWebBuild } from '../packages/server/src/web-build.ts';
import { load, login, markdownTable, option, provenance, rssMiB, sampleRss, seconds, startServer, updateResults } from './lib.ts';

const port = Number(option('port', '3490'));
const pgPort = Number(option('pg-port', '54490'));
const dataDir = path.join(os.tmpdir(), `htm-bench-startup-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const startedIn = (output: string) => /started in ([\d.]+) s/.exec(output)?.[1];

try {
  // The web app is built once per source change, not per start: build it now so that the starts measure the server.
  const buildStarted = performance.now();
  await ensureWebBuild(pino({ level: 'warn' }));
  const buildMs = performance.now() - buildStarted;
  console.log(`first start on ${dataDir} …`);
  const first = await startServer({ dataDir, port, pgPort, env: { LOG_LEVEL: 'info' } });
  const firstOwn = startedIn(first.output());
  const demoLoad = /demo devices: ([\d,]+) in ([\d.]+) s/.exec(first.output());
  await sleep(5000);
  const idle = rssMiB(first.pid);
  await first.stop();

  // The load runs on the second start, which logs warnings only (request logs would weigh on the measurement).
  console.log('second start …');
  const second = await startServer({ dataDir, port, pgPort });
  const secondOwn = startedIn(second.output());
  await sleep(3000);
  const idleSecond = rssMiB(second.pid);
  const cookie = await login(second.url, 'admin@riverside.example', 'openhtm-demo');
  const sampler = sampleRss(second.pid);
  const list = await load('devices', `${second.url}/api/v1/devices?limit=50`, { connections: 16, seconds: 10, headers: { cookie } });
  const underLoad = sampler.stop();
  await second.stop();

  const rows = [
    ['first start (initdb, migrations, demo with 5,000 devices)', seconds(first.readyMs), firstOwn ? `${firstOwn} s` : '—', `${first.readyCpuS.toFixed(1)} s`],
    ['second start', seconds(second.readyMs), secondOwn ? `${secondOwn} s` : '—', `${second.readyCpuS.toFixed(1)} s`],
  ];
  if (demoLoad) rows.splice(1, 0, [`of which the demo inventory (catalog, sites, ${demoLoad[1]} devices), as the loader reports it`, '—', `${demoLoad[2]} s`, '—']);
  const memory = [
    ['idle after first start', `${idle.toFixed(0)} MiB`],
    ['idle after second start', `${idleSecond.toFixed(0)} MiB`],
    [`under load (16 clients × 10 s on GET /api/v1/devices, ${list.rps.toFixed(0)} req/s, ${list.non2xx} non-2xx)`, `${underLoad.max.toFixed(0)} MiB max`],
  ];
  const tables = [
    markdownTable(['start', 'until /api/health answers', "server's own count", 'CPU time (server + PostgreSQL)'], rows),
    markdownTable(['server RSS', 'MiB'], memory),
  ];
  console.log(tables.join('\n\n'));
  updateResults(
    'startup',
    [
      '## Start-up and memory (bench/startup.ts)',
      provenance('npx tsx bench/startup.ts'),
      'Times are wall clock from spawning `htm start` until GET /api/health answers 200; "server\'s own count" is the "started in" figure it prints (from process start to listening). ' +
        'CPU time is what the server process and its descendants (embedded PostgreSQL, its backends, initdb) had used by then: other work on the machine inflates wall-clock time, not CPU time. ' +
        `The web app build is not in these times: it happens once per change of its sources (${buildMs > 2000 ? `it took ${seconds(buildMs)} before this run` : 'it was current'}).`,
      ...tables,
    ].join('\n\n'),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
