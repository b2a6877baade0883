import { buildDataSourceOptions } from '@portal/server/platform';
import { createDatabase, deleteRedisKeys, dropDatabase, newRunId, testRedisUrl } from '@portal/testing';
import { DataSource } from 'typeorm';

/** Makes this run's database (migrated) and Redis prefix, and hands them to the tests through the environment. */
export async function setUpTestRun(): Promise<void> {
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

/** Removes this run's database and Redis keys. */
export async function tearDownTestRun(): Promise<void> {
  if (process.env.TEST_DATABASE_NAME) await dropDatabase(process.env.TEST_DATABASE_NAME);
  if (process.env.QUEUE_PREFIX?.startsWith('test-')) await deleteRedisKeys(process.env.QUEUE_PREFIX);
}
