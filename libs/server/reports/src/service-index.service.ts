import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addServiceIndexInputs,
  emptyServiceIndexInputs,
  rankWards,
  reportPeriod,
  scoreServiceIndex,
  serviceIndexDefinitionViews,
  type LocalizedText,
  type PublicServiceIndexQuery,
  type ServiceIndexInputs,
  type ServiceIndexQuery,
  type ServiceIndexReport,
  type SessionUser,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { DataSource } from 'typeorm';
import { reportFigures, type CountsBefore, type CountsWithin } from './figures';
import { reportScope, type ReportPlace } from './report-scope';
import { vietnamToday } from './reports.service';
import { rangeTerms, termsBefore, type Segment } from './segments';

const BEFORE = { intake: 'intake', closed: 'closed', overdueFrom: 'overdue_from', overdueClosed: 'overdue_closed' };
const WITHIN = {
  ...BEFORE,
  intakeFee: 'intake_fee',
  intakePaid: 'intake_paid',
  closedEarly: 'closed_early',
  closedOnTime: 'closed_on_time',
  closedLate: 'closed_late',
  closedDays: 'closed_days',
  closedApproved: 'closed_approved',
  closedResult: 'closed_result',
  closedSupplement: 'closed_supplement',
  closedRefused: 'closed_refused',
  intakeEid: 'intake_eid',
  intakeDigitised: 'intake_digitised',
  closedDissatisfied: 'closed_dissatisfied',
};
const CHANNEL_INTAKE = { intakeOnline: 'online', intakeCounter: 'counter', intakePost: 'post' };

/** How long a public answer is reused: the open data of the whole country is read by many, and moves slowly. */
const PUBLIC_REUSE_MS = 60_000;
const PUBLIC_REUSE_ENTRIES = 64;

/** A working day's hours, to put a time limit in working hours into working days. */
const HOURS_PER_WORKING_DAY = 8;

type CountsRow = Record<string, string | number | null>;

/**
 * The citizen-service index (Decision 766) per ward, from the counters in `report_count` like form 06:
 * a few rows per ward and procedure whatever the period, never the dossier table. The scoring is the
 * contracts' (`scoreServiceIndex`); the procedures' time limits come from the catalogue.
 */
@Injectable()
export class ServiceIndexService {
  private readonly publicAnswers = new Map<string, { at: number; answer: Promise<ServiceIndexReport> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Auditors: every ward (or a province's, or one); a ward's leader: their own. Audited. */
  async forReader(user: SessionUser, query: ServiceIndexQuery, requestId?: string): Promise<ServiceIndexReport> {
    const place = await reportScope(user, query, (unit) => this.provinceOf(unit));
    const report = await this.index(query, place);
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.service-index-read',
      targetType: 'report',
      targetId: 'service-index',
      details: { ...report.period, ...report.filters },
      requestId,
    });
    return report;
  }

  /**
   * Anyone: every ward, or a province's — the open data. The same question within a minute gets the same
   * answer, computed once (its Cache-Control lets browsers and proxies keep it five minutes anyway).
   */
  async forPublic(query: PublicServiceIndexQuery, now = Date.now()): Promise<ServiceIndexReport> {
    const key = JSON.stringify([query.month, query.quarter, query.year, query.provinceCode, vietnamToday()]);
    const kept = this.publicAnswers.get(key);
    if (kept && now - kept.at < PUBLIC_REUSE_MS) return kept.answer;
    const answer = this.index(query, { unitCode: null, provinceCode: query.provinceCode ?? null });
    for (const [old, entry] of this.publicAnswers)
      if (now - entry.at >= PUBLIC_REUSE_MS || this.publicAnswers.size >= PUBLIC_REUSE_ENTRIES)
        this.publicAnswers.delete(old);
    this.publicAnswers.set(key, { at: now, answer });
    // A failed answer is not kept.
    answer.catch(() => this.publicAnswers.delete(key));
    return answer;
  }

  private async index(
    query: { month?: string; quarter?: string; year?: number },
    place: ReportPlace,
  ): Promise<ServiceIndexReport> {
    const today = vietnamToday();
    const period = reportPeriod(query, today);
    const counted = await this.counts(period, place, today);
    const limits = await this.timeLimits();
    const byWard = new Map<string, ServiceIndexInputs[]>();
    for (const row of counted) {
      const pick = <K extends string>(prefix: string, keys: readonly K[]) =>
        Object.fromEntries(keys.map((key) => [key, Number(row[`${prefix}${key}`] ?? 0)])) as Record<K, number>;
      const before = pick('b_', Object.keys(BEFORE) as (keyof CountsBefore)[]);
      const within = pick('w_', [...Object.keys(WITHIN), ...Object.keys(CHANNEL_INTAKE)] as (
        keyof CountsWithin | 'intakeEid' | 'intakeDigitised' | 'closedDissatisfied'
      )[]);
      const f = reportFigures(before, within);
      const inputs: ServiceIndexInputs = {
        received: f.receivedOnline + f.receivedInPerson,
        receivedOnline: f.receivedOnline,
        resolved: f.resolvedTotal,
        resolvedEarly: f.resolvedEarly,
        resolvedOnTime: f.resolvedOnTime,
        resolvedOverdue: f.resolvedOverdue,
        inProgress: f.inProgressTotal,
        inProgressWithinTime: f.inProgressWithinTime,
        inProgressOverdue: f.inProgressOverdue,
        processingDays: f.processingDays,
        allowedDays: f.resolvedTotal * (limits.get(String(row['procedure_code'])) ?? 0),
        feeBearing: f.feeBearing,
        paidOnline: f.paidOnline,
        approved: f.approved,
        electronicResult: f.electronicResult,
        digitised: within.intakeDigitised,
        eidVerified: within.intakeEid,
        dissatisfied: within.closedDissatisfied,
      };
      if (Object.values(inputs).every((value) => value === 0)) continue;
      const unit = String(row['unit_code']);
      byWard.set(unit, [...(byWard.get(unit) ?? []), inputs]);
    }
    const units = await this.units([...byWard.keys()]);
    const wards = rankWards(
      [...byWard.entries()].map(([unitCode, rows]) => {
        const inputs = addServiceIndexInputs(rows);
        const unit = units.get(unitCode);
        return {
          unitCode,
          unitName: unit?.name ?? { vi: unitCode, en: unitCode },
          provinceCode: unit?.provinceCode ?? null,
          inputs,
          ...scoreServiceIndex(inputs),
        };
      }),
    );
    const overallInputs = wards.length ? addServiceIndexInputs(wards.map((w) => w.inputs)) : emptyServiceIndexInputs();
    return {
      period,
      definitions: serviceIndexDefinitionViews(),
      filters: { unitCode: place.unitCode, provinceCode: place.provinceCode },
      wards,
      overall: { inputs: overallInputs, ...scoreServiceIndex(overallInputs) },
      generatedAt: new Date().toISOString(),
    };
  }

  /** The counters before the period and within it, per ward and procedure (as form 06 reads them). */
  private async counts(period: { from: string; to: string }, place: ReportPlace, today: string): Promise<CountsRow[]> {
    const ranges = new Map<string, { grain: string; first: string; last: string; before: number; within: number }>();
    const add = (segment: Segment, before: number, within: number) => {
      const key = `${segment.grain} ${segment.first} ${segment.last}`;
      const range = ranges.get(key) ?? { ...segment, before: 0, within: 0 };
      range.before += before;
      range.within += within;
      ranges.set(key, range);
    };
    for (const term of termsBefore(period.from, today)) add(term, term.weight, 0);
    for (const term of rangeTerms(period.from, period.to, today)) add(term, 0, term.weight);
    const params: unknown[] = [place.unitCode, place.provinceCode];
    const where = `($1::text IS NULL OR c.unit_code = $1)
      AND ($2::text IS NULL OR c.unit_code IN (SELECT u.code FROM administrative_unit u WHERE u.parent_code = $2))`;
    // A subquery per range of buckets: an index range scan apiece.
    const reads = [...ranges.values()].map((range) => {
      params.push(range.before, range.within, range.grain, range.first, range.last);
      const n = params.length;
      return `SELECT $${n - 4}::int AS b, $${n - 3}::int AS w, c.* FROM report_count c
               WHERE c.grain = $${n - 2} AND c.bucket BETWEEN $${n - 1}::date AND $${n}::date AND ${where}`;
    });
    const sums = [
      ...Object.entries(BEFORE).map(([key, m]) => `sum(r.b * r.${m}) AS "b_${key}"`),
      ...Object.entries(WITHIN).map(([key, m]) => `sum(r.w * r.${m}) AS "w_${key}"`),
      ...Object.entries(CHANNEL_INTAKE).map(
        ([key, channel]) => `sum(r.w * r.intake) FILTER (WHERE r.channel = '${channel}') AS "w_${key}"`,
      ),
    ];
    return (await this.dataSource.query(
      `SELECT r.unit_code, r.procedure_code, ${sums.join(', ')}
         FROM (${reads.join(' UNION ALL ')}) r
        GROUP BY r.unit_code, r.procedure_code`,
      params,
    )) as CountsRow[];
  }

  /** Each procedure's time limit in working days, as the catalogue sets it now. */
  private async timeLimits(): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(`SELECT code, time_limit_amount, time_limit_unit FROM procedure`)) as {
      code: string;
      time_limit_amount: number;
      time_limit_unit: string;
    }[];
    return new Map(
      rows.map((r) => [
        r.code,
        r.time_limit_unit === 'working_hours' ? r.time_limit_amount / HOURS_PER_WORKING_DAY : r.time_limit_amount,
      ]),
    );
  }

  private async units(codes: string[]): Promise<Map<string, { name: LocalizedText; provinceCode: string | null }>> {
    const rows = (await this.dataSource.query(
      `SELECT code, name, name_en, parent_code FROM administrative_unit WHERE code = ANY ($1)`,
      [codes],
    )) as { code: string; name: string; name_en: string; parent_code: string | null }[];
    return new Map(rows.map((r) => [r.code, { name: { vi: r.name, en: r.name_en }, provinceCode: r.parent_code }]));
  }

  private async provinceOf(unitCode: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT parent_code FROM administrative_unit WHERE code = $1`, [
      unitCode,
    ])) as { parent_code: string | null }[];
    return row?.parent_code ?? null;
  }
}
