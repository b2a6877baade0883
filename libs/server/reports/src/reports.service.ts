import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addReportFigures,
  emptyReportFigures,
  REPORT_PAGE_SIZE,
  reportPeriod,
  todayInVietnam,
  type LocalizedText,
  type ProcessingReport,
  type ProcessingReportRow,
  type ReportColumn,
  type ReportDossierPage,
  type ReportDossiersQuery,
  type ReportQuery,
  type ReportTrend,
  type ReportTrendQuery,
  type SessionUser,
  monthsUpTo,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { DataSource } from 'typeorm';
import { hasFigures, reportFigures, withRates } from './figures';
import { countsByCell } from './report-counts';
import { provinceOf, reportScope, type ReportPlace } from './report-scope';

/** The filters as SQL over `alias` (a report_count or dossier row), parameters $2–$5. */
const filters = (alias: string) => `
      ($2::text IS NULL OR ${alias}.unit_code = $2)
  AND ($3::text IS NULL OR ${alias}.unit_code IN (SELECT u.code FROM administrative_unit u WHERE u.parent_code = $3))
  AND ($4::text IS NULL OR ${alias}.procedure_code = $4)
  AND ($5::text IS NULL OR ${alias}.channel = $5)`;

/**
 * Which dossiers each figure counts, over `report_facts` (f) of a dossier (d), the period being
 * $1 (first day) to $6 (last day). Each is the definition the counters add up (docs/reports.md).
 */
// Open at the end of E; the second half, implied by the first, lets the finish-day index find them.
const open = `(f.close_day IS NULL OR f.close_day > $6::date)
  AND (report_day(d.finished_at) IS NULL OR report_day(d.finished_at) > $6::date)`;
const overdueOpen = `(f.overdue_from_day <= $6 AND (f.overdue_close_day IS NULL OR f.overdue_close_day > $6))`;
const receivedIn = `f.intake_day BETWEEN $1 AND $6`;
const resolvedIn = `f.close_day BETWEEN $1 AND $6`;
const approved = `d.status IN ('processed', 'returned')`;
const columnPredicates: Record<ReportColumn, string> = {
  receivedTotal: `f.intake_day <= $6 AND (f.close_day IS NULL OR f.close_day >= $1)`,
  receivedOnline: `${receivedIn} AND d.channel = 'online'`,
  receivedInPerson: `${receivedIn} AND d.channel IN ('counter', 'post')`,
  receivedCounter: `${receivedIn} AND d.channel = 'counter'`,
  receivedPost: `${receivedIn} AND d.channel = 'post'`,
  carriedOver: `f.intake_day < $1 AND (f.close_day IS NULL OR f.close_day >= $1)
    AND (report_day(d.finished_at) IS NULL OR report_day(d.finished_at) >= $1)`,
  resolvedTotal: resolvedIn,
  resolvedEarly: `${resolvedIn} AND f.timeliness = 'early'`,
  resolvedOnTime: `${resolvedIn} AND f.timeliness = 'on_time'`,
  resolvedOverdue: `${resolvedIn} AND f.timeliness = 'late'`,
  inProgressTotal: `f.intake_day <= $6 AND ${open}`,
  inProgressWithinTime: `f.intake_day <= $6 AND ${open} AND NOT coalesce(${overdueOpen}, false)`,
  inProgressOverdue: `${overdueOpen} AND ${open}`,
  feeBearing: `${receivedIn} AND d.fee_amount > 0`,
  paidOnline: `${receivedIn} AND d.fee_amount > 0 AND d.paid_online`,
  approved: `${resolvedIn} AND ${approved}`,
  electronicResult: `${resolvedIn} AND ${approved} AND d.has_result`,
  supplementRequested: `${resolvedIn} AND d.ever_supplement_requested`,
  refused: `${resolvedIn} AND d.status IN ('refused', 'stopped')`,
};

/**
 * The processing-rate report (form 06) from the counters in `report_count`, which the database
 * keeps as dossiers change: the buckets before the period and those within it, a few rows per
 * ward and procedure whatever the period. The list behind a figure reads the dossiers themselves.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async processing(user: SessionUser, query: ReportQuery, requestId?: string): Promise<ProcessingReport> {
    const place = await reportScope(user, query, (unit) => provinceOf(this.dataSource, unit));
    const period = reportPeriod(query, todayInVietnam());
    const rows = await this.rows(period, place, query);
    const report: ProcessingReport = {
      period,
      filters: {
        unitCode: place.unitCode,
        provinceCode: place.provinceCode,
        procedureCode: query.procedureCode ?? null,
        channel: query.channel ?? null,
        groupBy: query.groupBy,
      },
      rows,
      totals: withRates(rows.length ? addReportFigures(rows.map((r) => r.figures)) : emptyReportFigures()),
      generatedAt: new Date().toISOString(),
    };
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.processing-read',
      targetType: 'report',
      targetId: 'processing',
      details: { ...period, ...report.filters },
      requestId,
    });
    return report;
  }

  /** Form 06's totals month by month, the last `months` months up to this one, with the filters; audited once. */
  async trend(user: SessionUser, query: ReportTrendQuery, requestId?: string): Promise<ReportTrend> {
    const place = await reportScope(user, query, (unit) => provinceOf(this.dataSource, unit));
    const today = todayInVietnam();
    // By province: the fewest rows to add up into the month's totals.
    const filters = { procedureCode: query.procedureCode, channel: query.channel, groupBy: 'province' as const };
    const months = [];
    for (const month of monthsUpTo(today.slice(0, 7), query.months)) {
      const rows = await this.rows(reportPeriod({ month }, today), place, filters);
      const totals = withRates(rows.length ? addReportFigures(rows.map((r) => r.figures)) : emptyReportFigures());
      months.push({ month, ...totals });
    }
    const trend: ReportTrend = {
      months,
      filters: {
        unitCode: place.unitCode,
        provinceCode: place.provinceCode,
        procedureCode: query.procedureCode ?? null,
        channel: query.channel ?? null,
      },
    };
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.trend-read',
      targetType: 'report',
      targetId: 'processing',
      details: { months: query.months, ...trend.filters },
      requestId,
    });
    return trend;
  }

  async dossiers(user: SessionUser, query: ReportDossiersQuery, requestId?: string): Promise<ReportDossierPage> {
    const place = await reportScope(user, query, (unit) => provinceOf(this.dataSource, unit));
    const period = reportPeriod(query, todayInVietnam());
    const params = [
      period.from,
      place.unitCode,
      place.provinceCode,
      query.procedureCode ?? null,
      query.channel ?? null,
      period.to,
    ];
    // Every parameter is named, typed, even by figures that need only one end of the period.
    const where = `$1::date <= $6::date AND ${filters('d')} AND ${columnPredicates[query.column]}`;
    const from = `FROM dossier d CROSS JOIN LATERAL report_facts(d) f`;
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${from} WHERE ${where}`,
      params,
    )) as {
      total: number;
    }[];
    const rows = (await this.dataSource.query(
      `SELECT d.code, d.procedure_code, p.name AS procedure_name, p.name_en AS procedure_name_en, d.unit_code,
              u.name AS unit_name, u.name_en AS unit_name_en, d.channel, d.status, d.received_at, d.due_at, d.finished_at
         ${from}
         JOIN procedure p ON p.code = d.procedure_code
         JOIN administrative_unit u ON u.code = d.unit_code
        WHERE ${where}
        ORDER BY f.intake_day, d.code
        LIMIT ${REPORT_PAGE_SIZE} OFFSET $7`,
      [...params, (query.page - 1) * REPORT_PAGE_SIZE],
    )) as Record<string, string | Date | null>[];
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.dossiers-read',
      targetType: 'report',
      targetId: 'processing',
      details: {
        ...period,
        column: query.column,
        page: query.page,
        unitCode: place.unitCode,
        provinceCode: place.provinceCode,
      },
      requestId,
    });
    const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);
    return {
      column: query.column,
      period,
      total,
      page: query.page,
      pageSize: REPORT_PAGE_SIZE,
      rows: rows.map((r) => ({
        code: String(r['code']),
        procedureCode: String(r['procedure_code']),
        procedureName: { vi: String(r['procedure_name']), en: String(r['procedure_name_en']) },
        unitCode: String(r['unit_code']),
        unitName: { vi: String(r['unit_name']), en: String(r['unit_name_en']) },
        channel: String(r['channel']),
        status: String(r['status']),
        receivedAt: iso(r['received_at']),
        dueAt: iso(r['due_at']),
        finishedAt: iso(r['finished_at']),
      })),
    };
  }

  /** One row per ward and procedure: the counters before the period and within it, summed over their buckets. */
  private async rows(
    period: { from: string; to: string },
    place: ReportPlace,
    query: Pick<ReportQuery, 'procedureCode' | 'channel' | 'groupBy'>,
  ): Promise<ProcessingReportRow[]> {
    const rows = (
      await countsByCell(this.dataSource, {
        period,
        place,
        procedureCode: query.procedureCode,
        channel: query.channel,
        byProvince: query.groupBy === 'province',
        today: todayInVietnam(),
      })
    )
      .map((cell) => ({
        unitCode: cell.unitCode,
        procedureCode: cell.procedureCode,
        figures: reportFigures(cell.before, cell.within),
      }))
      .filter((row) => hasFigures(row.figures));
    const names = await this.names(
      rows.map((r) => r.unitCode),
      rows.map((r) => r.procedureCode),
    );
    return rows.map((row) => ({
      unitCode: row.unitCode,
      unitName: names.units.get(row.unitCode) ?? { vi: row.unitCode, en: row.unitCode },
      procedureCode: row.procedureCode,
      procedureName: names.procedures.get(row.procedureCode) ?? { vi: row.procedureCode, en: row.procedureCode },
      ...withRates(row.figures),
    }));
  }

  private async names(
    units: string[],
    procedures: string[],
  ): Promise<{ units: Map<string, LocalizedText>; procedures: Map<string, LocalizedText> }> {
    const [unitRows, procedureRows] = (await Promise.all([
      this.dataSource.query(`SELECT code, name, name_en FROM administrative_unit WHERE code = ANY ($1)`, [
        [...new Set(units)],
      ]),
      this.dataSource.query(`SELECT code, name, name_en FROM procedure WHERE code = ANY ($1)`, [
        [...new Set(procedures)],
      ]),
    ])) as { code: string; name: string; name_en: string }[][];
    const map = (rows: { code: string; name: string; name_en: string }[]) =>
      new Map(rows.map((r) => [r.code, { vi: r.name, en: r.name_en }]));
    return { units: map(unitRows), procedures: map(procedureRows) };
  }
}
