import type { DataSourceOptions } from 'typeorm';
import { migrations } from '@portal/migrations';
import type { AppConfig } from '../config/config';

/**
 * The one definition of the database connection, used by the API, the worker,
 * the migration command and the integration tests. `synchronize` is never on:
 * the schema changes only through the reviewed migrations in `migrations/`.
 */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  applicationName = 'portal',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMS: 5000,
    extra: { max: config.DATABASE_POOL_SIZE },
  };
}

/** A short, password-free description of where the database is, for messages. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}
