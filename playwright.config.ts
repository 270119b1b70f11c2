import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real server (`htm start`) on a fresh embedded database per run, with Debian's
 * Chromium — never a downloaded browser. The config is loaded again by each worker; the data directory is
 * chosen once and handed down through the environment.
 */
process.env.HTM_E2E_DATA_DIR ??= path.join(os.tmpdir(), `openhtm-e2e-${Date.now()}`);
// Overridable so that two checkouts on one machine can run their suites at the same time.
const PORT = Number(process.env.HTM_E2E_PORT ?? 3197);
const PG_PORT = process.env.HTM_E2E_PG_PORT ?? '54397';
const chromium = process.env.HTM_CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.test-results/playwright-artifacts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'npx htm start',
    cwd: import.meta.dirname,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGINT lets the server stop its embedded PostgreSQL.
    gracefulShutdown: { signal: 'SIGINT', timeout: 20_000 },
    env: {
      HTM_DATA_DIR: process.env.HTM_E2E_DATA_DIR,
      PORT: String(PORT),
      HTM_EMBEDDED_PG_PORT: PG_PORT,
      // Every test signs in; the production limit of 20 sign-ins a minute per address would throttle the suite.
      HTM_LOGIN_RATE_LIMIT: '10000',
      LOG_LEVEL: 'warn',
    },
  },
});
