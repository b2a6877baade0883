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
import { dossierCountSql, dossierListRow, dossierListSql } from './dossier-list';
import { countsByCell } from './report-counts';
import { provinceOf, reportScope, type ReportPlace } from './report-scope';

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
    // The months read at once (their totals need no names): a dozen small reads overlap instead of queueing.
    const months = await Promise.all(
      monthsUpTo(today.slice(0, 7), query.months).map(async (month) => {
        const figures = (await this.cells(reportPeriod({ month }, today), place, filters)).map((cell) => cell.figures);
        return { month, ...withRates(figures.length ? addReportFigures(figures) : emptyReportFigures()) };
      }),
    );
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
    const list = {
      column: query.column,
      period,
      place,
      procedureCode: query.procedureCode,
      channel: query.channel,
    };
    const count = dossierCountSql(list);
    const [{ total }] = (await this.dataSource.query(count.sql, count.params)) as { total: number }[];
    const page = dossierListSql(list, `LIMIT ${REPORT_PAGE_SIZE} OFFSET $7`);
    const rows = (await this.dataSource.query(page.sql, [
      ...page.params,
      (query.page - 1) * REPORT_PAGE_SIZE,
    ])) as Record<string, unknown>[];
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
    return {
      column: query.column,
      period,
      total,
      page: query.page,
      pageSize: REPORT_PAGE_SIZE,
      rows: rows.map(dossierListRow),
    };
  }

  /** One row per ward and procedure: the counters before the period and within it, summed over their buckets. */
  private async rows(
    period: { from: string; to: string },
    place: ReportPlace,
    query: Pick<ReportQuery, 'procedureCode' | 'channel' | 'groupBy'>,
  ): Promise<ProcessingReportRow[]> {
    const rows = await this.cells(period, place, query);
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

  /** The cells with figures: per ward (or province) and procedure, form 06's counts before and within the period. */
  private async cells(
    period: { from: string; to: string },
    place: ReportPlace,
    query: Pick<ReportQuery, 'procedureCode' | 'channel' | 'groupBy'>,
  ) {
    return (
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
