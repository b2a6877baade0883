import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import { DataSource } from 'typeorm';

const root = join(__dirname, '../..');
// Jest runs the global setup outside its module system, so the path aliases need registering here.
register({
  baseUrl: root,
  paths: JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths,
});

/** Makes this run's database (migrated) and Redis prefix, and hands them to the tests through the environment. */
export default async function globalSetup(): Promise<void> {
  const { buildDataSourceOptions } = await import('@portal/server/platform');
  const { createDatabase, newRunId, testRedisUrl } = await import('@portal/testing');
  const runId = newRunId();
  const databaseName = `portal_test_${runId}`;
  const databaseUrl = await createDatabase(databaseName);
  const dataSource = new DataSource(
    buildDataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 }, 'test-setup'),
  );
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();

  process.env.TEST_DATABASE_NAME = databaseName;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = testRedisUrl();
  process.env.QUEUE_PREFIX = `test-${runId}`;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
}
