import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { demoAccounts, demoPassword, IdentitySeeder } from '@portal/server/identity';
import { buildDataSourceOptions, loadConfigOrExit } from '@portal/server/platform';
import { DataSource } from 'typeorm';
import { explainStartupFailure } from './bootstrap-error';
import { DemoDataSeeder } from '@portal/server/demo-data';
import { checkReportAggregates, describeDifference } from '@portal/server/reports';
import { SigningKeys } from '@portal/server/results';
import { SeedModule } from './seed.module';

/**
 * Operator commands, run once per deployment rather than by every replica:
 *   node dist/apps/api/cli.js migrate   apply pending migrations
 *   node dist/apps/api/cli.js seed      put the demo data in place (idempotent)
 *   node dist/apps/api/cli.js demo-data [n]   a demonstration's dossiers: n (320) over the past year, once
 *   node dist/apps/api/cli.js demo-accounts   list the demo logins
 *   node dist/apps/api/cli.js partitions      make dossier_event's monthly partitions for the next 12 months
 *   node dist/apps/api/cli.js reports-check   compare the report aggregates with a direct count (exit 1 on a difference)
 */
async function migrate(): Promise<void> {
  const config = loadConfigOrExit();
  const dataSource = new DataSource(buildDataSourceOptions(config, 'portal-migrate'));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(explainStartupFailure(error, config.DATABASE_URL));
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length
        ? `Applied migrations: ${applied.map((m) => m.name).join(', ')}`
        : 'Database schema is up to date.',
    );
  } finally {
    await dataSource.destroy();
  }
}

async function seed(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const identity = await app.get(IdentitySeeder).seed();
    const catalogue = await app.get(CatalogueSeeder).seed();
    // The demonstration CA and a signing certificate per ward, for the signed electronic results.
    const keys = await app.get(SigningKeys).seed();
    console.log(
      `Demo data in place: ${identity.units} administrative units, ${catalogue.procedures} procedures, ` +
        `${identity.accounts} new demo accounts, signing certificates for ${keys.wards} wards.`,
    );
  } finally {
    await app.close();
  }
}

/** Demonstration dossiers (never in production): once per database; `npm start` runs it. */
async function demoData(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const count = process.argv[3] ? Number(process.argv[3]) : undefined;
    if (count !== undefined && !(Number.isInteger(count) && count > 0 && count <= 100_000)) {
      throw new Error(`demo-data takes a number of dossiers from 1 to 100000, not ${process.argv[3]}`);
    }
    const started = Date.now();
    const outcome = await app.get(DemoDataSeeder).seed(count ? { dossiers: count } : {});
    console.log(
      outcome.alreadyThere
        ? 'Demonstration dossiers already in place.'
        : `Demonstration dossiers in place: ${outcome.dossiers} over the past 12 months (${Date.now() - started} ms); ` +
            "the worker issues the recent ones' signed results.",
    );
  } finally {
    await app.close();
  }
}

async function listDemoAccounts(): Promise<void> {
  console.log(`  Demo accounts (password for all: ${demoPassword}):`);
  for (const account of demoAccounts) {
    const unit = account.unitCode ? ` (unit ${account.unitCode})` : '';
    console.log(`    ${account.roles.join(', ').padEnd(8)} ${account.email.padEnd(36)} ${account.fullName}${unit}`);
  }
}

/** A connection of the operator's own, for the commands that are plain SQL. */
async function withDatabase<T>(name: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit();
  const dataSource = new DataSource(buildDataSourceOptions(config, name));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(explainStartupFailure(error, config.DATABASE_URL));
  }
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function partitions(): Promise<void> {
  const [{ made }] = await withDatabase('portal-partitions', (dataSource) =>
    dataSource.query(
      `SELECT dossier_event_add_partitions(report_day(now()), report_day(now() + interval '12 months')) AS made`,
    ),
  );
  console.log(`dossier_event: ${made} new monthly partition(s), the next 12 months all in place.`);
}

async function reportsCheck(): Promise<void> {
  const started = Date.now();
  const differences = await withDatabase('portal-reports-check', checkReportAggregates);
  for (const difference of differences.slice(0, 100)) console.log(describeDifference(difference));
  if (differences.length > 100) console.log(`… and ${differences.length - 100} more`);
  console.log(
    differences.length
      ? `The report aggregates differ from a direct count in ${differences.length} place(s).`
      : `The report aggregates equal a direct count over the dossiers (${Date.now() - started} ms).`,
  );
  if (differences.length) process.exitCode = 1;
}

const commands: Record<string, () => Promise<void>> = {
  migrate,
  seed,
  'demo-data': demoData,
  'demo-accounts': listDemoAccounts,
  partitions,
  'reports-check': reportsCheck,
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const command = commands[name];
  if (!command) {
    console.error(`Usage: cli.js <${Object.keys(commands).join('|')}>`);
    process.exit(2);
  }
  await command();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
