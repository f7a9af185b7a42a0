import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.ts';
import { BASE_URL_ENV } from './tests/e2e/testEnv.ts';

// Workers load this file again after globalSetup has set the server's URL in the environment,
// so the tests see the real baseURL (the main process, which only lists tests, does not need it).
const baseURL = process.env[BASE_URL_ENV];

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  // One server and one embedded database for the whole run: tests share them, so run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...(baseURL ? { baseURL } : {}),
    trace: 'off',
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
      },
    },
  ],
});
