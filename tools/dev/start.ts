/**
 * `npm start`: the whole portal on one machine, with demo data.
 *
 * 1. PostgreSQL and Redis at DATABASE_URL / REDIS_URL (default: the local ones)
 *    when they answer; otherwise an embedded PostgreSQL and a private redis-server.
 * 2. Migrations and demo data (idempotent), through the API's operator command.
 * 3. The mail catcher (every e-mail the portal sends lands there, at
 *    http://127.0.0.1:1080/), the national eID stand-in (citizens sign in with a demo
 *    identity at http://127.0.0.1:4000/), the VNPAY stand-in (fees are paid with its test
 *    cards at http://127.0.0.1:4500/), the population registry stand-in (personal ID numbers for
 *    births, deaths recorded, at http://127.0.0.1:4600/), the API (which also serves the built web
 *    app) and the worker.
 * Ctrl-C stops everything; the data stays for the next start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  eidProviderAddress,
  ensureDatabase,
  mailCatcherAddresses,
  payGatewayAddress,
  populationRegistryAddress,
  probePostgres,
  probeRedis,
  startEmbeddedPostgres,
  startPrivateRedis,
  type Stoppable,
} from './services';

const root = resolve(__dirname, '../..');
const dataDir = resolve(process.env.PORTAL_DATA_DIR ?? join(root, '.data'));
const logDir = join(dataDir, 'logs');
const verbose = process.argv.includes('--verbose');
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';

const started: Stoppable[] = [];
const children: Array<{ name: string; process: ChildProcess }> = [];
let stopping = false;

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function backingServices(): Promise<{ databaseUrl: string; redisUrl: string }> {
  let databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/portal';
  let redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

  if ((await probePostgres(databaseUrl)) === 'answers') {
    const created = await ensureDatabase(databaseUrl);
    say(
      `• PostgreSQL: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}${created ? ' (database created)' : ''}`,
    );
  } else {
    const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'portal';
    say(`• PostgreSQL does not answer at ${new URL(databaseUrl).host}; starting an embedded one…`);
    const pg = await startEmbeddedPostgres(dataDir, database);
    started.push(pg);
    databaseUrl = pg.url;
    say(`• PostgreSQL: ${pg.description}`);
  }

  if ((await probeRedis(redisUrl)) === 'answers') {
    say(`• Redis: ${new URL(redisUrl).host}`);
  } else {
    say(`• Redis does not answer at ${new URL(redisUrl).host}; starting a private redis-server…`);
    const redis = await startPrivateRedis(dataDir);
    started.push(redis);
    redisUrl = redis.url;
    say(`• Redis: ${redis.description}`);
  }
  return { databaseUrl, redisUrl };
}

function runOnce(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, args, { env, stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    env,
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(log, { end: false });
    if (verbose) stream?.on('data', (chunk: Buffer) => process.stdout.write(`[${name}] ${chunk}`));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    say(`✗ ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${join(logDir, `${name}.log`)}`);
    void shutdown(1);
  });
  children.push({ name, process: child });
  return child;
}

async function waitForReady(url: string, timeoutMs: number, name: string, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s; see ${join(logDir, `${name}.log`)}`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('\nStopping the portal…');
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const service of started.reverse()) {
    await service.stop().catch((error: unknown) => say(`could not stop ${service.description}: ${String(error)}`));
  }
  say('Stopped. Your data is kept for the next start.');
  process.exit(code);
}

/** The portal's client secret at the eID stand-in: given, or a new one for this run (the stand-in forgets all at exit). */
function eidClientSecret(): string {
  return process.env.EID_CLIENT_SECRET || randomBytes(32).toString('hex');
}

/** One secret per installation, kept with its data so that sessions survive a restart. */
function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The portal's VNPAY hash secret, shared with the stand-in: given, or one per installation kept with its
 * data, as the stand-in keeps its payments there too and their notices must still verify after a restart.
 */
function paymentHashSecret(): string {
  if (process.env.PAYMENT_HASH_SECRET) return process.env.PAYMENT_HASH_SECRET;
  const file = join(dataDir, 'payment-hash-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The portal's bearer token at the population registry stand-in: given, or one per installation kept with
 * its data (like the registry's people), so a registry left running keeps answering a restarted portal.
 */
function populationRegistryToken(): string {
  if (process.env.POPULATION_REGISTRY_TOKEN) return process.env.POPULATION_REGISTRY_TOKEN;
  const file = join(dataDir, 'population-registry-token');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The secret that seals the wards' signing keys in the database: given, or one per installation kept with
 * its data (the keys sealed under it stay readable after a restart).
 */
function documentKeySecret(): string {
  if (process.env.DOCUMENT_KEY_SECRET) return process.env.DOCUMENT_KEY_SECRET;
  const file = join(dataDir, 'document-key-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  for (const file of [
    'dist/apps/api/main.js',
    'dist/apps/api/cli.js',
    'dist/apps/worker/main.js',
    'dist/apps/mail-catcher/main.js',
    'dist/apps/eid-provider/main.js',
    'dist/apps/agencies-mock/main.js',
    'dist/apps/pay-gateway/main.js',
    'dist/apps/population-registry/main.js',
    'dist/apps/web/browser/index.html',
  ]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: build first (npm run build)`);
  }
  mkdirSync(logDir, { recursive: true });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  say('Starting Cổng Dịch vụ công…');
  const { databaseUrl, redisUrl } = await backingServices();
  const mailCatcher = mailCatcherAddresses(process.env);
  const eidProvider = eidProviderAddress(process.env);
  const agenciesPort = process.env.AGENCIES_PORT || '4100';
  const payGateway = payGatewayAddress(process.env);
  const tmnCode = process.env.PAYMENT_TMN_CODE || 'DVCPORT1';
  const populationRegistry = populationRegistryAddress(process.env);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: port,
    HOST: host,
    WEB_ROOT: join(root, 'dist/apps/web/browser'),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    SMTP_URL: process.env.SMTP_URL || mailCatcher.smtpUrl,
    SESSION_SECRET: sessionSecret(),
    DOCUMENT_KEY_SECRET: documentKeySecret(),
    EID_ISSUER_URL: process.env.EID_ISSUER_URL || eidProvider.issuer,
    EID_CLIENT_SECRET: eidClientSecret(),
    // The partner agencies of the linked procedure: their stand-in, on AGENCIES_PORT (default 4100).
    AGENCIES_URL: process.env.AGENCIES_URL || `http://127.0.0.1:${agenciesPort}`,
    AGENCIES_TOKEN: process.env.AGENCIES_TOKEN || randomBytes(24).toString('hex'),
    // /api/metrics is not public in production: Prometheus would present this bearer token.
    METRICS_TOKEN: process.env.METRICS_TOKEN || randomBytes(24).toString('hex'),
    // Fees are paid through VNPAY: the stand-in on PAY_GATEWAY_PORT unless PAYMENT_GATEWAY_URL names another.
    PAYMENT_GATEWAY_URL: process.env.PAYMENT_GATEWAY_URL || payGateway.url,
    PAYMENT_TMN_CODE: tmnCode,
    PAYMENT_HASH_SECRET: paymentHashSecret(),
    // Personal ID numbers for births and deaths recorded, at the signing of a dossier (the API and the
    // worker both get this env): the stand-in on POPULATION_REGISTRY_PORT unless POPULATION_REGISTRY_URL
    // names another.
    POPULATION_REGISTRY_URL: process.env.POPULATION_REGISTRY_URL || populationRegistry.url,
    POPULATION_REGISTRY_TOKEN: populationRegistryToken(),
  };

  runOnce(['dist/apps/api/cli.js', 'migrate'], env);
  runOnce(['dist/apps/api/cli.js', 'seed'], env);
  // A few hundred dossiers over the past year, in every state, so that the office and the reports show life.
  runOnce(['dist/apps/api/cli.js', 'demo-data'], env);

  launch('mail-catcher', 'dist/apps/mail-catcher/main.js', env);
  await waitForReady(`${mailCatcher.webUrl}api/messages`, 15_000, 'mail-catcher', 'the mail catcher');
  // The stand-in is always its own issuer; the API uses EID_ISSUER_URL when that names another provider.
  launch('eid-provider', 'dist/apps/eid-provider/main.js', {
    ...env,
    EID_PROVIDER_PORT: eidProvider.port,
    EID_ISSUER_URL: eidProvider.issuer,
  });
  await waitForReady(
    `${eidProvider.issuer}/.well-known/openid-configuration`,
    15_000,
    'eid-provider',
    'the eID stand-in',
  );
  launch('agencies-mock', 'dist/apps/agencies-mock/main.js', { ...env, AGENCIES_PORT: agenciesPort });
  await waitForReady(
    `http://127.0.0.1:${agenciesPort}/health`,
    15_000,
    'agencies-mock',
    'the partner agencies stand-in',
  );
  // The stand-in knows the portal as merchant PAYMENT_TMN_CODE and tells the API's IPN address of each
  // payment's end, server to server.
  launch('pay-gateway', 'dist/apps/pay-gateway/main.js', {
    ...env,
    PAY_GATEWAY_PORT: payGateway.port,
    PAY_GATEWAY_DATA_DIR: process.env.PAY_GATEWAY_DATA_DIR || join(dataDir, 'pay-gateway'),
    PAY_GATEWAY_MERCHANTS: JSON.stringify([
      {
        tmnCode,
        secret: env.PAYMENT_HASH_SECRET,
        ipnUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/api/payments/vnpay/ipn`,
        name: 'Cổng Dịch vụ công',
      },
    ]),
  });
  await waitForReady(`${payGateway.url}/health`, 15_000, 'pay-gateway', 'the VNPAY stand-in');
  // The stand-in answers the portal's POPULATION_REGISTRY_TOKEN and keeps its people with the portal's data.
  launch('population-registry', 'dist/apps/population-registry/main.js', {
    ...env,
    POPULATION_REGISTRY_PORT: populationRegistry.port,
    POPULATION_REGISTRY_DATA_DIR: process.env.POPULATION_REGISTRY_DATA_DIR || join(dataDir, 'population-registry'),
  });
  await waitForReady(
    `${populationRegistry.url}/health`,
    15_000,
    'population-registry',
    'the population registry stand-in',
  );
  launch('api', 'dist/apps/api/main.js', env);
  launch('worker', 'dist/apps/worker/main.js', env);
  await waitForReady(`http://127.0.0.1:${port}/api/health/ready`, 60_000, 'api', 'the API');

  const url = env.PUBLIC_URL as string;
  say('');
  say(`✓ The portal is running: ${url}/`);
  say(`  API documentation: ${url}/api/docs · health: ${url}/api/health/ready · metrics: ${url}/api/metrics`);
  say(
    env.SMTP_URL === mailCatcher.smtpUrl
      ? `  E-mail the portal sends (mail catcher): ${mailCatcher.webUrl}`
      : `  E-mail goes to SMTP_URL; the mail catcher at ${mailCatcher.webUrl} stays empty`,
  );
  say(
    env.EID_ISSUER_URL === eidProvider.issuer
      ? `  National eID sign-in (stand-in, demo identities and password on its page): ${eidProvider.issuer}/`
      : `  National eID sign-in goes to EID_ISSUER_URL; the stand-in at ${eidProvider.issuer}/ is unused`,
  );
  say(`  Partner agencies (residence, health insurance) stand-in: ${env.AGENCIES_URL}`);
  say(
    env.PAYMENT_GATEWAY_URL === payGateway.url
      ? `  Payments (VNPAY stand-in, merchant ${tmnCode}; test cards on its checkout page): ${payGateway.url}/`
      : `  Payments go to PAYMENT_GATEWAY_URL; the VNPAY stand-in at ${payGateway.url}/ is unused`,
  );
  say(
    env.POPULATION_REGISTRY_URL === populationRegistry.url
      ? `  Population registry (stand-in: personal ID numbers, deaths recorded): ${populationRegistry.url}/`
      : `  The population registry is POPULATION_REGISTRY_URL; the stand-in at ${populationRegistry.url}/ is unused`,
  );
  say(
    `  Logs: ${logDir}/{api,worker,mail-catcher,eid-provider,agencies-mock,pay-gateway,population-registry}.log (or start with --verbose)`,
  );
  say('');
  runOnce(['dist/apps/api/cli.js', 'demo-accounts'], env);
  say('');
  say('  Press Ctrl-C to stop.');
}

main().catch(async (error: unknown) => {
  say(`✗ ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
