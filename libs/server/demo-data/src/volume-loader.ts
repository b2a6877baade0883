import { DemoPeople, duplicateKeysOf, contactOf, procedureDemos, seededRandom, subjectOf } from '@portal/contracts';
import { codePrefix } from '@portal/server/dossiers';
import { isWorkingDay, type HolidayCalendar } from '@portal/server/workflow';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
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
    now.toISOString().slice(0, 10),
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
      rows.add(plan, `${prefix}-${String(serial).padStart(6, '0')}`, holidays, outcome.dossiers + size + i, {
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
      outcome.events += rows.events.dossierId.length;
      outcome.ratings += rows.ratings.dossierId.length;
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
 * The country's units: the demonstration's, then made-up provinces and communes ("Load-test …")
 * up to the counts asked. Answers the wards to spread dossiers over, the demonstration's weighted.
 */
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

async function nationalUnits(runner: QueryRunner, provinces: number, wards: number): Promise<DemoUnit[]> {
  await runner.query(
    `INSERT INTO administrative_unit (code, name, name_en, tier, kind, parent_code)
     SELECT lpad(g::text, 2, '0'), 'Tỉnh thử tải ' || lpad(g::text, 2, '0'), 'Load-test province ' || lpad(g::text, 2, '0'),
            'province', 'province', NULL
       FROM generate_series(1, $1) g
     ON CONFLICT (code) DO NOTHING`,
    [provinces],
  );
  const [{ communes }] = await runner.query(
    `SELECT count(*)::int AS communes FROM administrative_unit WHERE tier = 'commune'`,
  );
  await runner.query(
    `INSERT INTO administrative_unit (code, name, name_en, tier, kind, parent_code)
     SELECT lpad((10000 + g)::text, 5, '0'), 'Xã thử tải ' || (10000 + g), 'Load-test commune ' || (10000 + g),
            'commune', 'commune', lpad((g % $2 + 1)::text, 2, '0')
       FROM generate_series(1, $1) g
     ON CONFLICT (code) DO NOTHING`,
    [Math.max(0, wards - communes), provinces],
  );
  const units = (await runner.query(
    `SELECT u.code, u.name, p.code AS "provinceCode", p.name AS "provinceName"
       FROM administrative_unit u JOIN administrative_unit p ON p.code = u.parent_code
      WHERE u.tier = 'commune' ORDER BY u.code`,
  )) as DemoUnit[];
  return units.flatMap((u) => (u.code < '10000' ? Array<DemoUnit>(DEMO_WARD_WEIGHT).fill(u) : [u]));
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

const localDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Working days after `from` up to and including `to` (as the database's report_working_days counts). */
function workingDaysBetween(from: string, to: string, holidays: HolidayCalendar): number {
  let count = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), holidays)) count++;
  }
  return count;
}

type Actors = Record<'citizen' | 'clerk' | 'leader' | 'system', string | null>;

/** A batch's rows, column by column, for one INSERT … SELECT FROM unnest(…) per table. */
class DossierRows {
  readonly dossier = {
    id: [] as string[],
    code: [] as string[],
    procedureCode: [] as string[],
    unitCode: [] as string[],
    channel: [] as string[],
    status: [] as string[],
    data: [] as string[],
    submittedAt: [] as Date[],
    receivedAt: [] as (Date | null)[],
    dueAt: [] as (Date | null)[],
    finishedAt: [] as (Date | null)[],
    pausedSeconds: [] as number[],
    updatedAt: [] as Date[],
    version: [] as number[],
    contactPhone: [] as (string | null)[],
    feeAmount: [] as number[],
    late: [] as boolean[],
    step: [] as (string | null)[],
    proposal: [] as (string | null)[],
    assigneeId: [] as (string | null)[],
    pausedAt: [] as (Date | null)[],
    subjectName: [] as string[],
    applicantName: [] as string[],
    duplicateKeys: [] as string[],
    feeItems: [] as string[],
    everSupplement: [] as boolean[],
    paidOnline: [] as boolean[],
    hasResult: [] as boolean[],
    processingDays: [] as (number | null)[],
    eidVerified: [] as boolean[],
    uploadedPapers: [] as boolean[],
    dissatisfied: [] as boolean[],
  };
  readonly events = {
    dossierId: [] as string[],
    actorId: [] as (string | null)[],
    actorRole: [] as string[],
    action: [] as string[],
    fromStatus: [] as (string | null)[],
    toStatus: [] as string[],
    reason: [] as (string | null)[],
    details: [] as (string | null)[],
    occurredAt: [] as Date[],
  };
  readonly ratings = {
    dossierId: [] as string[],
    score: [] as number[],
    comment: [] as (string | null)[],
    at: [] as Date[],
  };

  get size(): number {
    return this.dossier.id.length;
  }

  add(plan: DemoDossierPlan, code: string, holidays: HolidayCalendar, n: number, actors: Actors): void {
    const id = randomUUID();
    const d = this.dossier;
    const contact = contactOf(plan.procedureCode, plan.data);
    const online = plan.channel === 'online';
    d.id.push(id);
    d.code.push(code);
    d.procedureCode.push(plan.procedureCode);
    d.unitCode.push(plan.unitCode);
    d.channel.push(plan.channel);
    d.status.push(plan.status);
    d.data.push(JSON.stringify(plan.data));
    d.submittedAt.push(plan.submittedAt);
    d.receivedAt.push(plan.receivedAt);
    d.dueAt.push(plan.dueAt);
    d.finishedAt.push(plan.finishedAt);
    d.pausedSeconds.push(plan.pausedSeconds);
    d.updatedAt.push(plan.steps[plan.steps.length - 1].at);
    d.version.push(plan.steps.length);
    d.contactPhone.push(contact.phone ?? null);
    d.feeAmount.push(plan.feeTotal);
    d.late.push(plan.late);
    d.step.push(plan.step);
    d.proposal.push(plan.proposal);
    d.assigneeId.push(plan.steps.some((s) => s.action === 'start') ? actors.clerk : null);
    d.pausedAt.push(plan.pausedAt);
    d.subjectName.push(subjectOf(plan.procedureCode, plan.data).fullName);
    d.applicantName.push(contact.fullName);
    d.duplicateKeys.push(JSON.stringify(duplicateKeysOf(plan.procedureCode, plan.data)));
    d.feeItems.push(JSON.stringify(plan.feeLines));
    d.everSupplement.push(plan.steps.some((s) => s.to === 'supplement_requested'));
    d.paidOnline.push(plan.paidOnlineAt !== null);
    d.hasResult.push(plan.electronicResult);
    d.processingDays.push(
      plan.finishedAt
        ? workingDaysBetween(localDay(plan.receivedAt ?? plan.finishedAt), localDay(plan.finishedAt), holidays)
        : null,
    );
    // As in the demonstration: about half the online applicants signed in with the national eID.
    d.eidVerified.push(online && n % 20 < 9);
    d.uploadedPapers.push(online);
    d.dissatisfied.push(plan.rating !== null && plan.rating.score <= 2);
    const e = this.events;
    for (const step of plan.steps) {
      e.dossierId.push(id);
      e.actorId.push(actors[step.role]);
      e.actorRole.push(step.role);
      e.action.push(step.action);
      e.fromStatus.push(step.from);
      e.toStatus.push(step.to);
      e.reason.push(step.reason ?? null);
      e.details.push(step.from === null ? JSON.stringify({ channel: plan.channel }) : null);
      e.occurredAt.push(step.at);
    }
    if (plan.rating) {
      this.ratings.dossierId.push(id);
      this.ratings.score.push(plan.rating.score);
      this.ratings.comment.push(plan.rating.comment);
      this.ratings.at.push(plan.rating.at);
    }
  }

  /** The batch in one transaction. */
  async write(runner: QueryRunner): Promise<void> {
    await runner.startTransaction();
    try {
      await this.insert(runner);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  private async insert(runner: QueryRunner): Promise<void> {
    const d = this.dossier;
    await runner.query(
      `INSERT INTO dossier (id, code, procedure_code, unit_code, channel, status, data, submitted_at, received_at, due_at,
                            finished_at, paused_seconds, created_at, updated_at, version, contact_phone, fee_amount,
                            late_registration, step, proposal, assignee_id, paused_at, subject_name, applicant_name,
                            duplicate_keys, fee_items, ever_supplement_requested, paid_online, has_result,
                            processing_days, applicant_eid_verified, has_uploaded_papers, rated_dissatisfied)
       SELECT r.id, r.code, r.procedure_code, r.unit_code, r.channel, r.status, r.data, r.submitted_at, r.received_at,
              r.due_at, r.finished_at, r.paused_seconds, r.submitted_at, r.updated_at, r.version, r.contact_phone,
              r.fee_amount, r.late, r.step, r.proposal, r.assignee_id, r.paused_at, r.subject_name, r.applicant_name,
              ARRAY(SELECT jsonb_array_elements_text(r.duplicate_keys)), r.fee_items, r.ever_supplement, r.paid_online,
              r.has_result, r.processing_days, r.eid_verified, r.uploaded_papers, r.dissatisfied
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[],
                     $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::int[],
                     $13::timestamptz[], $14::int[], $15::text[], $16::int[], $17::boolean[], $18::text[], $19::text[],
                     $20::uuid[], $21::timestamptz[], $22::text[], $23::text[], $24::jsonb[], $25::jsonb[],
                     $26::boolean[], $27::boolean[], $28::boolean[], $29::int[], $30::boolean[], $31::boolean[],
                     $32::boolean[])
           AS r (id, code, procedure_code, unit_code, channel, status, data, submitted_at, received_at, due_at,
                 finished_at, paused_seconds, updated_at, version, contact_phone, fee_amount, late, step, proposal,
                 assignee_id, paused_at, subject_name, applicant_name, duplicate_keys, fee_items, ever_supplement,
                 paid_online, has_result, processing_days, eid_verified, uploaded_papers, dissatisfied)`,
      [
        d.id,
        d.code,
        d.procedureCode,
        d.unitCode,
        d.channel,
        d.status,
        d.data,
        d.submittedAt,
        d.receivedAt,
        d.dueAt,
        d.finishedAt,
        d.pausedSeconds,
        d.updatedAt,
        d.version,
        d.contactPhone,
        d.feeAmount,
        d.late,
        d.step,
        d.proposal,
        d.assigneeId,
        d.pausedAt,
        d.subjectName,
        d.applicantName,
        d.duplicateKeys,
        d.feeItems,
        d.everSupplement,
        d.paidOnline,
        d.hasResult,
        d.processingDays,
        d.eidVerified,
        d.uploadedPapers,
        d.dissatisfied,
      ],
    );
    const e = this.events;
    await runner.query(
      `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, from_status, to_status, reason, details,
                                  occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::jsonb[], $9::timestamptz[])`,
      [e.dossierId, e.actorId, e.actorRole, e.action, e.fromStatus, e.toStatus, e.reason, e.details, e.occurredAt],
    );
    const r = this.ratings;
    if (r.dossierId.length)
      await runner.query(
        `INSERT INTO dossier_rating (dossier_id, score, comment, created_at, updated_at)
         SELECT r.id, r.score, r.comment, r.at, r.at
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[]) AS r (id, score, comment, at)`,
        [r.dossierId, r.score, r.comment, r.at],
      );
  }
}
