#!/usr/bin/env node
// `npm run bench`: the start-up and HTTP benchmarks, one after the other (each rewrites its section of RESULTS.md).
// `npm run bench -- --devices [DIR]` adds the million-device benchmark on a loaded data directory (see README.md).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const node = path.join(root, 'node_modules/node/bin/node');
const scripts = [['bench/startup.ts'], ['bench/http.ts']];
const at = process.argv.indexOf('--devices');
if (at >= 0) scripts.push(['bench/devices.ts', ...(process.argv[at + 1] ? ['--data-dir', process.argv[at + 1]] : [])]);
for (const [script, ...args] of scripts) {
  process.stdout.write(`\n== ${script} ==\n`);
  const result = spawnSync(node, [tsx, script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
