/**
 * The national-scale data set the report benchmarks run on (`npm run seed:volume -- --dossiers N`):
 * a database of its own (`portal_volume`, or --database), made afresh with every migration and the
 * seed, then N dossiers over two years across the country's 3,321 communes (loadVolume), the report
 * counters rebuilt in one pass, and the tables analysed. Prints each phase's rate.
 */
import 'reflect-metadata';
import { loadVolume } from '@portal/server/demo-data';
import { audit } from '@portal/server/identity';
import { checkReportAggregates, describeDifference, rebuildReportAggregates } from '@portal/server/reports';
import { adminDatabaseUrl, databaseUrlFor } from '@portal/testing';
import { Client } from 'pg';
import { startApi, type ApiUnderTest } from '../src/testing/api-under-test';
import { migratedDatabase } from '../src/testing/volume';

export interface VolumeArgs {
  dossiers: number;
  database: string;
  wards: number;
}

/** The audit event that says how many dossiers the volume database was seeded with. */
export const VOLUME_SEEDED = 'bench.volume-seeded';

const seconds = (since: number) => (performance.now() - since) / 1000;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

/** The API on the volume database (its seeders run, idempotent), quiet, with a queue prefix of its own. */
export function volumeApi(database: string, url: string): Promise<ApiUnderTest> {
  return startApi({ config: { DATABASE_URL: url, QUEUE_PREFIX: `volume-${database}`, LOG_LEVEL: 'silent' } });
}

export async function seedVolume(args: VolumeArgs): Promise<{ url: string; api: ApiUnderTest }> {
  console.log(`seed:volume — ${thousands(args.dossiers)} dossiers into the database ${args.database}`);
  let at = performance.now();
  const url = await migratedDatabase(args.database);
  const api = await volumeApi(args.database, url);
  console.log(`  schema and seed: ${seconds(at).toFixed(1)} s`);
  at = performance.now();
  let shown = 0;
  const loaded = await loadVolume(api.dataSource, {
    dossiers: args.dossiers,
    wards: args.wards,
    onIndex: (name, s) => console.log(`  index ${name} built again: ${s.toFixed(1)} s`),
    onProgress: (n) => {
      if (n - shown < 250_000 && n < args.dossiers) return;
      shown = n;
      console.log(`  ${thousands(n)} dossiers, ${thousands(n / seconds(at))}/s`);
    },
  });
  const load = seconds(at);
  console.log(
    `  loaded ${thousands(loaded.dossiers)} dossiers, ${thousands(loaded.events)} events, ${thousands(loaded.ratings)} ratings ` +
      `across ${thousands(loaded.wards)} wards in ${load.toFixed(1)} s: ${thousands(loaded.dossiers / load)} dossiers/s, ` +
      `${thousands((loaded.dossiers + loaded.events + loaded.ratings) / load)} rows/s`,
  );
  at = performance.now();
  const counters = await rebuildReportAggregates(api.dataSource);
  console.log(`  report counters rebuilt: ${thousands(counters)} rows in ${seconds(at).toFixed(1)} s`);
  at = performance.now();
  await api.dataSource.query(`VACUUM (ANALYZE) dossier`);
  await api.dataSource.query(`ANALYZE`);
  console.log(`  vacuumed and analysed: ${seconds(at).toFixed(1)} s`);
  // The mark bench:reports looks for before it reuses the database.
  await audit(api.dataSource.manager, {
    actorId: null,
    action: VOLUME_SEEDED,
    details: { dossiers: loaded.dossiers, events: loaded.events, wards: loaded.wards },
  });
  const [{ size }] = await api.dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
  console.log(`  database size: ${size}`);
  return { url, api };
}

/** How many dossiers the volume database was seeded with (its mark), or null when it is missing or unmarked. */
export async function existingDossiers(database: string): Promise<number | null> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (!found.rowCount) return null;
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: databaseUrlFor(database) });
  await client.connect();
  try {
    const done = await client.query(`SELECT details FROM audit_event WHERE action = $1 LIMIT 1`, [VOLUME_SEEDED]);
    return done.rowCount ? Number(done.rows[0].details.dossiers) : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/**
 * The API on the volume database when it holds `--dossiers` (newer migrations applied to it first, timed),
 * else on a database seeded afresh (checked with `--check`); `--reseed` always seeds.
 */
export async function volumeDatabase(
  args: VolumeArgs & Record<string, string | boolean | number>,
): Promise<ApiUnderTest> {
  const held = args['reseed'] ? null : await existingDossiers(args.database);
  if (held !== args.dossiers) {
    const { api } = await seedVolume(args);
    if (args['check']) await checkVolume(api, 'after the seeder');
    return api;
  }
  console.log(`reusing ${args.database}, ${args.dossiers.toLocaleString('en-US')} dossiers`);
  const api = await volumeApi(args.database, databaseUrlFor(args.database));
  const at = performance.now();
  const applied = await api.dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) console.log(`  applied ${applied.map((m) => m.name).join(', ')} (${seconds(at).toFixed(1)} s)`);
  return api;
}

/** `reports:check` on the volume database: exit code 1 on a difference. */
export async function checkVolume(api: ApiUnderTest, when: string): Promise<boolean> {
  const at = performance.now();
  const differences = await checkReportAggregates(api.dataSource);
  for (const d of differences.slice(0, 20)) console.log(`    ${describeDifference(d)}`);
  console.log(
    differences.length
      ? `  reports:check ${when}: ${differences.length} difference(s) (${seconds(at).toFixed(1)} s)`
      : `  reports:check ${when}: no difference from a direct count (${seconds(at).toFixed(1)} s)`,
  );
  if (differences.length) process.exitCode = 1;
  return differences.length === 0;
}

export function volumeArgs(argv: string[]): VolumeArgs & Record<string, string | boolean | number> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[arg.slice(2)] = true;
    else out[arg.slice(2)] = argv[++i];
  }
  const dossiers = Number(String(out['dossiers'] ?? '100000').replace(/_/g, ''));
  if (!Number.isInteger(dossiers) || dossiers < 1 || dossiers > 50_000_000)
    throw new Error(`--dossiers takes a whole number from 1 to 50000000, not ${out['dossiers']}`);
  const wards = Number(out['wards'] ?? 3321);
  const database = String(out['database'] ?? 'portal_volume');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`--database takes a plain name, not ${database}`);
  return { ...out, dossiers, wards, database };
}

if (require.main === module) {
  const args = volumeArgs(process.argv.slice(2));
  seedVolume(args)
    .then(async ({ api }) => {
      if (args['check']) await checkVolume(api, 'after the seeder');
      await api.stop();
      console.log(
        `Done. Benchmark it: npm run bench:reports -- --dossiers ${args.dossiers} (reuses ${args.database}).`,
      );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
