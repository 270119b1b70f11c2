/**
 * The demo loader at scale: `htm demo --devices N` into a fresh data directory (embedded PostgreSQL initialised,
 * migrations, catalog, sites, N devices with their lifecycle events and audit records, then VACUUM ANALYZE), timed
 * wall clock and in CPU seconds of the command and its PostgreSQL. The directory is kept for bench/devices.ts.
 *
 *   npx tsx bench/demo-load.ts [--devices 1000000] [--data-dir /tmp/htm-bench-1m] [--pg-port 54472]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { markdownTable, option, provenance, ROOT, seconds, treeCpuSeconds, updateResults } from './lib.ts';

const devices = Number(option('devices', '1000000'));
const dataDir = option('data-dir', '/tmp/htm-bench-1m');
const pgPort = option('pg-port', '54472');
if (existsSync(dataDir)) {
  console.error(`${dataDir} exists: the loader needs a fresh directory (remove it, or name another with --data-dir)`);
  process.exit(2);
}

const started = performance.now();
const child = spawn(process.execPath, [path.join(ROOT, 'packages/server/bin/htm.js'), 'demo', '--devices', String(devices)], {
  cwd: ROOT,
  env: { ...process.env, HTM_DATA_DIR: dataDir, HTM_EMBEDDED_PG_PORT: pgPort, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk.toString();
  process.stdout.write(chunk);
});
// The embedded PostgreSQL is a descendant of the command; its CPU is read while it lives.
let cpu = 0;
const timer = setInterval(() => (cpu = Math.max(cpu, treeCpuSeconds(child.pid!))), 1000);
const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
clearInterval(timer);
const wallMs = performance.now() - started;
if (code !== 0) {
  console.error(`htm demo exited with ${code}`);
  process.exit(1);
}
const devicesLine = /demo devices: ([\d,]+) in ([\d.]+) s/.exec(output);
const table = markdownTable(
  ['measure', 'value'],
  [
    ['devices', devices.toLocaleString('en-US')],
    ['whole command (initdb, migrations, catalog, sites, devices, VACUUM ANALYZE)', seconds(wallMs)],
    ['devices phase as the loader reports it', devicesLine ? `${devicesLine[2]} s` : '—'],
    ['devices per second (devices phase)', devicesLine ? Math.round(devices / Number(devicesLine[2])).toLocaleString('en-US') : '—'],
    ['CPU time of the command and its PostgreSQL (sampled each second)', `${cpu.toFixed(0)} s`],
  ],
);
console.log(table);
updateResults(
  `demo-load-${devices}`,
  [
    `## Demo load of ${devices.toLocaleString('en-US')} devices (bench/demo-load.ts)`,
    provenance(`npx tsx bench/demo-load.ts --devices ${devices} --data-dir ${dataDir}`),
    'Runs `htm demo --devices N` on an empty data directory: generated in batches of 10,000 (2,500 below 20,000 devices), two batches at a time, ' +
      'each one INSERT … SELECT from arrays that joins the catalog in SQL (search text through device_search_text) and writes the lifecycle events; ' +
      'the statement-level audit trigger records every device. CPU time is not inflated by other work on the machine the way wall-clock time is.',
    table,
  ].join('\n\n'),
);
