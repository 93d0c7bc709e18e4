import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the real renderer and the real core, served by the dev/test bridge, driven in
 * Debian's Chromium (no browser download). The demo Sinch emulator listens on a fixed port so
 * specs can read its control API.
 */
const bridgePort = Number(process.env.E2E_PORT ?? 5190);
const sinchPort = Number(process.env.E2E_SINCH_PORT ?? 4790);
const welkinPort = Number(process.env.E2E_WELKIN_PORT ?? 4791);
process.env.FAXDESK_TEST_SINCH_URL = `http://127.0.0.1:${sinchPort}`;
process.env.FAXDESK_TEST_WELKIN_URL = `http://127.0.0.1:${welkinPort}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'faxdesk-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
// Every core of the run (the suite's dev:web and those specs start) logs here too: the last spec scans it for PHI.
process.env.FAXDESK_LOG_FILE ??= `${dataDir}.core.log`;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${bridgePort}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node_modules/.bin/tsx main/harness/devWeb.ts',
    url: `http://127.0.0.1:${bridgePort}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      PORT: String(bridgePort),
      FAXDESK_DATA_DIR: dataDir,
      FAXDESK_DEMO_SINCH_PORT: String(sinchPort),
      FAXDESK_DEMO_WELKIN_PORT: String(welkinPort),
      FAXDESK_DEMO_SPEED: '4',
      FAXDESK_LOG_FILE: process.env.FAXDESK_LOG_FILE,
    },
  },
});
