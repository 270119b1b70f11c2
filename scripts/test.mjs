// `npm test`: unit and integration tests (Vitest, real PostgreSQL), then browser tests (Playwright with Debian's
// Chromium). Ends with one line "N passed, N failed" over all runners; exits non-zero when anything failed or could
// not run, except browser tests on a machine without Chromium, which are reported as not run — never as passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.test-results');
mkdirSync(results, { recursive: true });
const chromium = process.env.HTM_CHROMIUM_PATH || '/usr/bin/chromium';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

// Vitest: the domain unit tests and the server integration tests.
const vitestJson = path.join(results, 'vitest.json');
const vitestStatus = run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  lines.push(`unit + integration (vitest): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  totals.failed += 1;
  lines.push('unit + integration (vitest): did not report results (crashed?)');
}

// Playwright: browser tests against the real server, with Debian's Chromium (never a downloaded browser).
let browserNote = '';
if (existsSync(chromium)) {
  const playwrightJson = path.join(results, 'playwright.json');
  const status = run(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test'], { HTM_CHROMIUM_PATH: chromium });
  const report = readJson(playwrightJson);
  if (report?.stats) {
    const passed = report.stats.expected + report.stats.flaky;
    const failed = report.stats.unexpected + (status !== 0 && report.stats.unexpected === 0 ? 1 : 0);
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += report.stats.skipped;
    lines.push(`browser (playwright): ${passed} passed, ${failed} failed`);
  } else {
    totals.failed += 1;
    lines.push('browser (playwright): did not report results (crashed?)');
  }
} else {
  browserNote =
    `Browser tests did NOT run: no Chromium at ${chromium}.\n` +
    '  Install Debian\'s Chromium (sudo apt-get install -y chromium) or point HTM_CHROMIUM_PATH at a Chromium binary, then run npm test again.';
  lines.push('browser (playwright): NOT RUN (no Chromium)');
}

writeFileSync(path.join(results, 'summary.json'), JSON.stringify({ ...totals, browserRan: !browserNote }, null, 2));
process.stdout.write(`\n${lines.join('\n')}\n`);
if (browserNote) process.stdout.write(`\n${browserNote}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
