import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/helpers/chromiumLaunch';

const E2E_PORT = Number(process.env.SITREP_E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
/** A fresh data folder per run (workers inherit the variable, so they do not make their own). */
process.env.SITREP_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'sitrep-e2e-data-'));

/** The live room's key in the browser tests (a test value, never used outside them). */
export const E2E_LIVE_PRESENTER_KEY = 'e2e-live-presenter-key-not-a-secret-0123456';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium unless SITREP_CHROMIUM_PATH says otherwise (tests/helpers/chromiumLaunch.ts).
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: {
    command: 'node --import tsx server.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // A fast live room: a day per second, no quiet gap longer than half a second, a short hold at the end.
      SITREP_LIVE_RATE: '86400',
      SITREP_MAX_GAP_MS: '500',
      SITREP_LOOP_HOLD_MS: '4000',
      SITREP_PRESENTER_KEY: E2E_LIVE_PRESENTER_KEY,
      SITREP_CONTROLS_PER_SECOND: '50',
      // The browser tests create many rooms from one address within a minute.
      SITREP_ROOMS_PER_MINUTE: '10000',
      SITREP_DATA_DIR: process.env.SITREP_E2E_DATA_DIR,
    },
  },
});
