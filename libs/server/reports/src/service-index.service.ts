import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addServiceIndexInputs,
  emptyServiceIndexInputs,
  rankWards,
  SERVICE_INDEX_PAGE_SIZE,
  reportPeriod,
  scoreServiceIndex,
  serviceIndexDefinitionViews,
  todayInVietnam,
  type LocalizedText,
  type PublicServiceIndexQuery,
  type ServiceIndexInputs,
  type ServiceIndexQuery,
  type ServiceIndexReport,
  type SessionUser,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { timeLimitInWorkingDays } from '@portal/server/workflow';
import { DataSource } from 'typeorm';
import { reportFigures } from './figures';
import { countsByCell } from './report-counts';
import { provinceOf, reportScope, type ReportPlace } from './report-scope';

/** How long a public answer is reused: the open data of the whole country is read by many, and moves slowly. */
const PUBLIC_REUSE_MS = 60_000;
const PUBLIC_REUSE_ENTRIES = 64;

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
    const place = await reportScope(user, query, (unit) => provinceOf(this.dataSource, unit));
    const ranked = await this.index(query, place);
    // Ranked over every ward, answered a hundred at a time (the country's 3,321 would be megabytes).
    const from = (query.page - 1) * SERVICE_INDEX_PAGE_SIZE;
    const report: ServiceIndexReport = {
      ...ranked,
      wards: ranked.wards.slice(from, from + SERVICE_INDEX_PAGE_SIZE),
      page: query.page,
      pageSize: SERVICE_INDEX_PAGE_SIZE,
    };
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.service-index-read',
      targetType: 'report',
      targetId: 'service-index',
      details: { ...report.period, ...report.filters, page: report.page },
      requestId,
    });
    return report;
  }

  /**
   * Anyone: every ward, or a province's — the open data. The same question within a minute gets the same
   * answer, computed once (its Cache-Control lets browsers and proxies keep it five minutes anyway).
   */
  async forPublic(query: PublicServiceIndexQuery, now = Date.now()): Promise<ServiceIndexReport> {
    const key = JSON.stringify([
      query.month,
      query.quarter,
      query.year,
      query.provinceCode,
      todayInVietnam(new Date(now)),
    ]);
    const kept = this.publicAnswers.get(key);
    if (kept && now - kept.at < PUBLIC_REUSE_MS) return kept.answer;
    const answer = this.index(query, { unitCode: null, provinceCode: query.provinceCode ?? null });
    for (const [old, entry] of this.publicAnswers)
      if (now - entry.at >= PUBLIC_REUSE_MS || this.publicAnswers.size >= PUBLIC_REUSE_ENTRIES)
        this.publicAnswers.delete(old);
    this.publicAnswers.set(key, { at: now, answer });
    // A failed answer is not kept.
    answer.catch(() => {
      if (this.publicAnswers.get(key)?.answer === answer) this.publicAnswers.delete(key);
    });
    return answer;
  }

  private async index(
    query: { month?: string; quarter?: string; year?: number },
    place: ReportPlace,
  ): Promise<ServiceIndexReport> {
    const today = todayInVietnam();
    const period = reportPeriod(query, today);
    // Each ward's procedures added up by the database: one cell per ward.
    const limits = await this.timeLimits();
    const [counted, units] = await Promise.all([
      countsByCell(this.dataSource, { period, place, today, proceduresTogether: limits }),
      this.units(place),
    ]);
    const byWard = new Map<string, ServiceIndexInputs[]>();
    for (const { unitCode, before, within } of counted) {
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
        allowedDays: within.allowedDays,
        feeBearing: f.feeBearing,
        paidOnline: f.paidOnline,
        approved: f.approved,
        electronicResult: f.electronicResult,
        digitised: within.intakeDigitised,
        eidVerified: within.intakeEid,
        dissatisfied: within.closedDissatisfied,
      };
      if (Object.values(inputs).every((value) => value === 0)) continue;
      const rows = byWard.get(unitCode);
      if (rows) rows.push(inputs);
      else byWard.set(unitCode, [inputs]);
    }
    const wards = rankWards(
      [...byWard.entries()].map(([unitCode, rows]) => {
        const inputs = rows.length === 1 ? rows[0] : addServiceIndexInputs(rows);
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
      wardCount: wards.length,
      page: 1,
      pageSize: wards.length,
      overall: { inputs: overallInputs, ...scoreServiceIndex(overallInputs) },
      generatedAt: new Date().toISOString(),
    };
  }

  /** Each procedure's time limit in working days, as the catalogue sets it now. */
  private async timeLimits(): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(`SELECT code, time_limit_amount, time_limit_unit FROM procedure`)) as {
      code: string;
      time_limit_amount: number;
      time_limit_unit: string;
    }[];
    return new Map(rows.map((r) => [r.code, timeLimitInWorkingDays(r.time_limit_amount, r.time_limit_unit)]));
  }

  /** The wards the index covers (read beside the counters, not after them). */
  private async units(place: ReportPlace): Promise<Map<string, { name: LocalizedText; provinceCode: string | null }>> {
    const rows = (await this.dataSource.query(
      `SELECT code, name, name_en, parent_code FROM administrative_unit
        WHERE tier = 'commune' AND ($1::text IS NULL OR code = $1) AND ($2::text IS NULL OR parent_code = $2)`,
      [place.unitCode, place.provinceCode],
    )) as { code: string; name: string; name_en: string; parent_code: string | null }[];
    return new Map(rows.map((r) => [r.code, { name: { vi: r.name, en: r.name_en }, provinceCode: r.parent_code }]));
  }
}
