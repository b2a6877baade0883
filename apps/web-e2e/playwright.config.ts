import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

/**
 * Browser journeys in Debian's Chromium against the built portal, started the
 * way `npm start` starts it, on a database and queue prefix of this run's own.
 */
const root = join(__dirname, '../..');
process.env.E2E_RUN_ID ??= `${Date.now().toString(36)}`;
const port = Number(process.env.E2E_PORT ?? 4310);
/** The mail catcher's web address in this run (its JSON API is under /api/messages). */
export const mailCatcherUrl = `http://127.0.0.1:${port + 70}`;
/** The national eID stand-in's address (its issuer) in this run. */
export const eidProviderUrl = `http://127.0.0.1:${port + 90}`;
/** The VNPAY stand-in's address in this run (its control API is open: no PAY_GATEWAY_CONTROL_TOKEN). */
export const payGatewayUrl = `http://127.0.0.1:${port + 50}`;
/**
 * The population registry stand-in's address in this run (its control API is open: no
 * POPULATION_REGISTRY_CONTROL_TOKEN). The API and the worker get it as POPULATION_REGISTRY_URL, with the
 * POPULATION_REGISTRY_TOKEN that tools/dev/start.ts keeps in this run's data folder.
 */
export const populationRegistryUrl = `http://127.0.0.1:${port + 60}`;
export const e2eDatabase = `portal_e2e_${process.env.E2E_RUN_ID}`;
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The portal's database in this run, for the few tests that set up a state no page can (a past due date). */
export const e2eDatabaseUrl = adminUrl.replace(/\/[^/]*$/, `/${e2eDatabase}`);

export default defineConfig({
  testDir: './src',
  outputDir: join(root, 'test-results', `e2e-${port}`),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  globalTeardown: './src/support/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node ${require.resolve('tsx/cli')} tools/dev/start.ts`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      DATABASE_URL: e2eDatabaseUrl,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `e2e-${process.env.E2E_RUN_ID}`,
      PORTAL_DATA_DIR: join(root, 'tmp/e2e-data'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MAIL_CATCHER_SMTP_PORT: String(port + 15),
      AGENCIES_PORT: String(port + 40),
      MAIL_CATCHER_HTTP_PORT: String(port + 70),
      EID_PROVIDER_PORT: String(port + 90),
      // The VNPAY stand-in: its payments in a folder of this run's own (payment references start again
      // with each run's database), an unanswered IPN retried every second rather than every 5 minutes.
      PAY_GATEWAY_PORT: String(port + 50),
      PAY_GATEWAY_DATA_DIR: join(root, 'tmp/e2e-data', `pay-gateway-${process.env.E2E_RUN_ID}`),
      PAY_GATEWAY_IPN_INTERVAL_MS: '1000',
      // The population registry stand-in: its people and numbers in a folder of this run's own (dossier
      // codes start again with each run's database, and a dossier code is answered with its first number).
      POPULATION_REGISTRY_PORT: String(port + 60),
      POPULATION_REGISTRY_URL: populationRegistryUrl,
      POPULATION_REGISTRY_DATA_DIR: join(root, 'tmp/e2e-data', `population-registry-${process.env.E2E_RUN_ID}`),
    },
  },
});
