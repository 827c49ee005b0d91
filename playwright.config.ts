import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HANDHELD } from './test/helpers/chromium.js';

export default defineConfig({
  // Browser journeys (test/e2e) and the browser part of the reliability suite (test/reliability).
  testDir: 'test',
  testMatch: /(e2e|reliability)\/.*\.spec\.ts$/,
  globalSetup: './test/e2e/global-setup.ts',
  // Each spec file starts its own server on its own data directory; files run one at a time on 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One retry in CI: a journey that passes only on retry is reported as flaky in the output, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    ...HANDHELD,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
