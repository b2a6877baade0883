import { DemoPeople, procedureDemos, seededRandom, todayInVietnam } from '@portal/contracts';
import { codePrefix } from '@portal/server/dossiers';
import { workingDaysBetween, type HolidayCalendar } from '@portal/server/workflow';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { dossierRow, eventRows, insertRows, type DemoActors } from './dossier-rows';
import { planDemoDossier, type DemoDossierPlan, type DemoProcedure, type DemoUnit, type PlanInput } from './demo-plan';

export interface VolumeOptions {
  /** How many dossiers to add. */
  dossiers: number;
  /** Communes (wards) in the country: 3,321 since the reorganisation of July 2025. */
  wards?: number;
  /** Provinces: 34 since July 2025. */
  provinces?: number;
  /** How many months back the dossiers go. */
  months?: number;
  seed?: number;
  now?: Date;
  /** Dossiers per statement. */
  batch?: number;
  /** Called after each batch with the dossiers written so far. */
  onProgress?: (written: number) => void;
  /** Called as each index put aside for the load is built again. */
  onIndex?: (name: string, seconds: number) => void;
}

export interface VolumeOutcome {
  dossiers: number;
  events: number;
  ratings: number;
  wards: number;
}

/** The wards of the demonstration (Hà Nội's) take this many times a made-up ward's share: big urban wards. */
const DEMO_WARD_WEIGHT = 20;

/**
 * Dossiers by the million for the national-scale benchmarks (`npm run seed:volume`): the
 * demonstration's stories (demo-plan.ts) over two years across the whole country — made-up
 * provinces and communes beside the demonstration's, to the country's count — each with its
 * history, written a few thousand rows per statement.
 *
 * It writes with `session_replication_role = replica` on its own connection: no trigger fires
 * and no foreign key is checked for these rows (they are made consistent here), so the report
 * counters are NOT kept while it runs — call `rebuildReportAggregates` afterwards. The flags the
 * triggers would set (supplement asked, paid online, result issued, processing days, eID,
 * uploaded papers, dissatisfied) are written directly; the payments, files and signed results
 * behind them are not made (the reports and the inbox read only the flags). Needs a superuser.
 */
export async function loadVolume(dataSource: DataSource, options: VolumeOptions): Promise<VolumeOutcome> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    return await load(runner, options);
  } finally {
    await runner.query(`RESET session_replication_role`).catch(() => undefined);
    await runner.release();
  }
}

async function load(runner: QueryRunner, options: VolumeOptions): Promise<VolumeOutcome> {
  const now = options.now ?? new Date();
  const months = options.months ?? 24;
  const batch = options.batch ?? 5000;
  const wards = await nationalUnits(runner, options.provinces ?? 34, options.wards ?? 3321);
  const procedures = (
    (await runner.query(
      `SELECT code, time_limit_amount AS "timeLimitDays", fees FROM procedure WHERE code = ANY($1) ORDER BY code`,
      [Object.keys(procedureDemos)],
    )) as DemoProcedure[]
  ).map((p) => ({ ...p, timeLimitDays: Number(p.timeLimitDays) }));
  if (!procedures.length) throw new Error('seed the procedures first (cli.js seed)');
  const holidays: HolidayCalendar = new Set<string>(
    (await runner.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holiday`)).map((h: { day: string }) => h.day),
  );
  const staff = (await runner.query(
    `SELECT id, unit_code, roles FROM app_user WHERE unit_code IS NOT NULL ORDER BY created_at`,
  )) as { id: string; unit_code: string; roles: string[] }[];
  const staffOf = (unit: string, role: string) =>
    staff.find((s) => s.unit_code === unit && s.roles.includes(role))?.id ?? null;
  await runner.query(`SELECT dossier_event_add_partitions(($1::date - ($2 || ' months')::interval)::date, $1::date)`, [
    todayInVietnam(now),
    months + 1,
  ]);

  const input: PlanInput = {
    now,
    units: wards,
    procedures,
    holidays,
    months,
    // Level 4 for the whole period: every approved dossier's result was electronic.
    electronicResultDays: months * 31,
    // Evenly over the months (three weeks of 24 months).
    recentShare: 0.03,
  };
  const people = new DemoPeople(seededRandom(options.seed ?? 20_261_202));
  const serials = new Map<string, number>();
  let made = 0;
  const outcome: VolumeOutcome = { dossiers: 0, events: 0, ratings: 0, wards: new Set(wards.map((w) => w.code)).size };
  const next = async (size: number): Promise<DossierRows> => {
    const rows = new DossierRows();
    for (let i = 0; i < size; i++) {
      // Now and then the event loop's turn: the batch being written goes on meanwhile.
      if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
      const plan = delivered(planDemoDossier(people, input), now);
      const prefix = codePrefix(plan.provinceCode, plan.submittedAt);
      const serial = (serials.get(prefix) ?? 0) + 1;
      serials.set(prefix, serial);
      rows.add(plan, `${prefix}-${String(serial).padStart(6, '0')}`, holidays, made++, {
        citizen: null,
        clerk: staffOf(plan.unitCode, 'clerk'),
        leader: staffOf(plan.unitCode, 'leader'),
        system: null,
      });
    }
    return rows;
  };
  const deferred = await dropIndexes(runner);
  try {
    // The next batch is made up while the database writes this one: both cores busy.
    let rows = await next(Math.min(batch, options.dossiers));
    while (rows.size) {
      const writing = rows.write(runner);
      const following = await next(Math.min(batch, options.dossiers - outcome.dossiers - rows.size));
      await writing;
      outcome.dossiers += rows.size;
      outcome.events += rows.events.length;
      outcome.ratings += rows.ratings.length;
      options.onProgress?.(outcome.dossiers);
      rows = following;
    }
  } finally {
    await createIndexes(runner, deferred, options.onIndex);
  }
  // The application's own codes carry on after these.
  const prefixes = [...serials.keys()];
  await runner.query(
    `INSERT INTO dossier_code_counter (prefix, last) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (prefix) DO UPDATE SET last = greatest(dossier_code_counter.last, EXCLUDED.last)`,
    [prefixes, prefixes.map((p) => serials.get(p))],
  );
  return outcome;
}

/**
 * The secondary indexes of the dossier and its history, put aside while the rows go in (building
 * one afterwards is many times faster than keeping it row by row): their definitions.
 */
async function dropIndexes(runner: QueryRunner): Promise<{ name: string; definition: string }[]> {
  const indexes = (await runner.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename IN ('dossier', 'dossier_event')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      ORDER BY i.indexname`,
  )) as { name: string; definition: string }[];
  for (const index of indexes) await runner.query(`DROP INDEX ${index.name}`);
  return indexes;
}

async function createIndexes(
  runner: QueryRunner,
  indexes: { name: string; definition: string }[],
  onIndex?: (name: string, seconds: number) => void,
): Promise<void> {
  await runner.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) {
    const at = performance.now();
    // A partitioned table's index is listed as made ON ONLY the parent: made on it, it is made on every partition.
    await runner.query(index.definition.replace(' ON ONLY ', ' ON '));
    onIndex?.(index.name, (performance.now() - at) / 1000);
  }
  await runner.query(`RESET maintenance_work_mem`);
}

/**
 * The country's units: the demonstration's, then made-up provinces and communes ("Load-test …")
 * up to the counts asked. Answers the wards to spread dossiers over, the demonstration's weighted.
 */
async function nationalUnits(runner: QueryRunner, provinces: number, wards: number): Promise<DemoUnit[]> {
  await runner.query(
    `INSERT INTO administrative_unit (code, name, name_en, tier, kind, parent_code)
     SELECT lpad(g::text, 2, '0'), 'Tỉnh thử tải ' || lpad(g::text, 2, '0'), 'Load-test province ' || lpad(g::text, 2, '0'),
            'province', 'province', NULL
       FROM generate_series(1, $1) g
     ON CONFLICT (code) DO NOTHING`,
    [provinces],
  );
  const demonstration = new Set(
    ((await runner.query(`SELECT code FROM administrative_unit WHERE tier = 'commune'`)) as { code: string }[]).map(
      (u) => u.code,
    ),
  );
  await runner.query(
    `INSERT INTO administrative_unit (code, name, name_en, tier, kind, parent_code)
     SELECT lpad((10000 + g)::text, 5, '0'), 'Xã thử tải ' || (10000 + g), 'Load-test commune ' || (10000 + g),
            'commune', 'commune', lpad((g % $2 + 1)::text, 2, '0')
       FROM generate_series(1, $1) g
     ON CONFLICT (code) DO NOTHING`,
    [Math.max(0, wards - demonstration.size), provinces],
  );
  const units = (await runner.query(
    `SELECT u.code, u.name, p.code AS "provinceCode", p.name AS "provinceName"
       FROM administrative_unit u JOIN administrative_unit p ON p.code = u.parent_code
      WHERE u.tier = 'commune' ORDER BY u.code`,
  )) as DemoUnit[];
  return units.flatMap((u) => (demonstration.has(u.code) ? Array<DemoUnit>(DEMO_WARD_WEIGHT).fill(u) : [u]));
}

/** An approved dossier whose result was signed electronically has been delivered ("returned") since. */
function delivered(plan: DemoDossierPlan, now: Date): DemoDossierPlan {
  if (!plan.electronicResult || plan.status !== 'processed' || !plan.finishedAt) return plan;
  const at = new Date(plan.finishedAt.getTime() + 10 * 60_000);
  if (at > now) return plan;
  return {
    ...plan,
    status: 'returned',
    steps: [...plan.steps, { at, action: 'deliver', role: 'system', from: 'processed', to: 'returned' }],
  };
}

/** A batch's rows, table by table, each written in one statement. */
class DossierRows {
  readonly dossiers: Record<string, unknown>[] = [];
  readonly events: Record<string, unknown>[] = [];
  readonly ratings: Record<string, unknown>[] = [];

  get size(): number {
    return this.dossiers.length;
  }

  add(plan: DemoDossierPlan, code: string, holidays: HolidayCalendar, n: number, actors: DemoActors): void {
    const id = randomUUID();
    const online = plan.channel === 'online';
    // With the triggers off, the flags they would set are written here.
    this.dossiers.push({
      id,
      ...dossierRow(plan, code, actors),
      version: plan.steps.length,
      ever_supplement_requested: plan.steps.some((s) => s.to === 'supplement_requested'),
      paid_online: plan.paidOnlineAt !== null,
      has_result: plan.electronicResult,
      processing_days: plan.finishedAt
        ? workingDaysBetween(
            todayInVietnam(plan.receivedAt ?? plan.finishedAt),
            todayInVietnam(plan.finishedAt),
            holidays,
          )
        : null,
      // As in the demonstration: about half the online applicants signed in with the national eID.
      applicant_eid_verified: online && n % 20 < 9,
      has_uploaded_papers: online,
      rated_dissatisfied: plan.rating !== null && plan.rating.score <= 2,
    });
    this.events.push(...eventRows(plan, id, actors));
    if (plan.rating)
      this.ratings.push({
        dossier_id: id,
        score: plan.rating.score,
        comment: plan.rating.comment,
        created_at: plan.rating.at,
        updated_at: plan.rating.at,
      });
  }

  /** The batch in one transaction. */
  async write(runner: QueryRunner): Promise<void> {
    await runner.startTransaction();
    try {
      await insertRows(runner, 'dossier', this.dossiers);
      await insertRows(runner, 'dossier_event', this.events);
      await insertRows(runner, 'dossier_rating', this.ratings);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }
}
