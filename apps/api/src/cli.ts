import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { demoAccounts, demoPassword, IdentitySeeder } from '@portal/server/identity';
import { buildDataSourceOptions, loadConfigOrExit } from '@portal/server/platform';
import { DataSource } from 'typeorm';
import { explainStartupFailure } from './bootstrap-error';
import { SigningKeys } from '@portal/server/results';
import { SeedModule } from './seed.module';

/**
 * Operator commands, run once per deployment rather than by every replica:
 *   node dist/apps/api/cli.js migrate   apply pending migrations
 *   node dist/apps/api/cli.js seed      put the demo data in place (idempotent)
 *   node dist/apps/api/cli.js demo-accounts   list the demo logins
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

async function listDemoAccounts(): Promise<void> {
  console.log(`  Demo accounts (password for all: ${demoPassword}):`);
  for (const account of demoAccounts) {
    const unit = account.unitCode ? ` (unit ${account.unitCode})` : '';
    console.log(`    ${account.roles.join(', ').padEnd(8)} ${account.email.padEnd(36)} ${account.fullName}${unit}`);
  }
}

const commands: Record<string, () => Promise<void>> = { migrate, seed, 'demo-accounts': listDemoAccounts };

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
