import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  emptyReportFigures,
  reportChannels,
  reportRates,
  todayInVietnam,
  type ReportFigures,
  type ReportRates,
} from '@portal/contracts';
import {
  ApplicationsApi,
  Language,
  pageTitle,
  ProceduresApi,
  ReportsApi,
  Session,
  toApiProblem,
} from '@portal/web/data-access';
import { LocalizedPipe } from '@portal/web/ui';
import { map } from 'rxjs';
import { Form06Table } from './form06-table';
import { ReportChart } from './report-chart';
import {
  periodKindOf,
  provincesOf,
  reportParamsFromForm,
  reportParamsOf,
  shortUnitName,
  shownDay,
  shownMonth,
  shownNumber,
  shownPercent,
  thisMonth,
} from './report-params';

/** The rates under the form, each with its formula (docs/reports.md). */
const RATES: Array<{ key: keyof ReportRates; days?: boolean }> = [
  { key: 'onTimeRate' },
  { key: 'averageProcessingDays', days: true },
  { key: 'onlineRate' },
  { key: 'onlinePaymentRate' },
  { key: 'electronicResultRate' },
  { key: 'supplementRate' },
  { key: 'refusalRate' },
];

/**
 * The processing-rate report (form 06) for auditors, every ward, and for a ward's leader, their
 * own: a period (month, quarter, year or from–to), a province or ward, a procedure, a channel.
 * Every figure opens the list of dossiers behind it; the rates follow with their formulas; the
 * print view lays it out as the form. The filters live in the address, so a report can be shared.
 */
@Component({
  selector: 'dvc-processing-report-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, Form06Table, ReportChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filter-bar fieldset.form-group {
      flex-basis: 100%;
    }
    .period-kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    .rates dt {
      font-weight: 700;
    }
    .rates dd {
      margin: 0 0 1rem;
    }
  `,
  template: `
    <p>
      <a routerLink="/office">‹ {{ 'office.inbox.title' | transloco }}</a>
    </p>
    <h1>{{ 'reports.title' | transloco }}</h1>
    <p>{{ 'reports.intro' | transloco }}</p>

    <form class="filter-bar" id="report-filters" (submit)="apply($event)" novalidate>
      <fieldset class="form-group">
        <legend class="label">{{ 'reports.filter.period' | transloco }}</legend>
        <div class="period-kinds">
          @for (kind of periodKinds; track kind) {
            <div class="radios__item">
              <input
                class="radios__input"
                type="radio"
                name="periodKind"
                [id]="'period-' + kind"
                [value]="kind"
                [checked]="kind === periodKind()"
                (change)="periodKind.set(kind)"
              />
              <label class="radios__label" [for]="'period-' + kind">{{ 'reports.filter.' + kind | transloco }}</label>
            </div>
          }
        </div>
      </fieldset>
      @switch (periodKind()) {
        @case ('month') {
          <div class="form-group">
            <label class="label" for="report-month">{{ 'reports.filter.month' | transloco }}</label>
            <input class="input" type="month" id="report-month" name="month" [value]="monthValue()" />
          </div>
        }
        @case ('quarter') {
          <div class="form-group">
            <label class="label" for="report-quarter">{{ 'reports.filter.quarter' | transloco }}</label>
            <select class="input select" id="report-quarter" name="quarter">
              @for (q of [1, 2, 3, 4]; track q) {
                <option [value]="q" [selected]="q === quarterValue().quarter">
                  {{ 'reports.filter.quarterN' | transloco: { n: q } }}
                </option>
              }
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="report-quarter-year">{{ 'reports.filter.year' | transloco }}</label>
            <select class="input select" id="report-quarter-year" name="quarterYear">
              @for (y of years; track y) {
                <option [value]="y" [selected]="y === quarterValue().year">{{ y }}</option>
              }
            </select>
          </div>
        }
        @case ('year') {
          <div class="form-group">
            <label class="label" for="report-year">{{ 'reports.filter.year' | transloco }}</label>
            <select class="input select" id="report-year" name="year">
              @for (y of years; track y) {
                <option [value]="y" [selected]="y === +(params()['year'] ?? 0)">{{ y }}</option>
              }
            </select>
          </div>
        }
        @case ('custom') {
          <div class="form-group">
            <label class="label" for="report-from">{{ 'reports.filter.from' | transloco }}</label>
            <input class="input" type="date" id="report-from" name="from" [value]="params()['from'] ?? ''" />
          </div>
          <div class="form-group">
            <label class="label" for="report-to">{{ 'reports.filter.to' | transloco }}</label>
            <input class="input" type="date" id="report-to" name="to" [value]="params()['to'] ?? ''" />
          </div>
        }
      }
      @if (everyWard()) {
        <div class="form-group">
          <label class="label" for="report-place">{{ 'reports.filter.place' | transloco }}</label>
          <select class="input select" id="report-place" name="place">
            <option value="">{{ 'reports.filter.allPlaces' | transloco }}</option>
            @for (p of provinces(); track p.code) {
              <option [value]="'province:' + p.code" [selected]="params()['provinceCode'] === p.code">
                {{ p.name | localized: lang() }}
              </option>
              <optgroup [label]="p.name | localized: lang()">
                @for (u of unitsOf(p.code); track u.code) {
                  <option [value]="'unit:' + u.code" [selected]="params()['unitCode'] === u.code">
                    {{ u.name | localized: lang() }}
                  </option>
                }
              </optgroup>
            }
          </select>
        </div>
      }
      <div class="form-group">
        <label class="label" for="report-procedure">{{ 'dossier.procedure' | transloco }}</label>
        <select class="input select" id="report-procedure" name="procedureCode">
          <option value="">{{ 'office.inbox.allProcedures' | transloco }}</option>
          @for (p of procedures.value() ?? []; track p.code) {
            <option [value]="p.code" [selected]="params()['procedureCode'] === p.code">
              {{ p.name | localized: lang() }}
            </option>
          }
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="report-channel">{{ 'reports.filter.channel' | transloco }}</label>
        <select class="input select" id="report-channel" name="channel">
          <option value="">{{ 'reports.filter.allChannels' | transloco }}</option>
          @for (c of channels; track c) {
            <option [value]="c" [selected]="params()['channel'] === c">{{ 'reports.channel.' + c | transloco }}</option>
          }
        </select>
      </div>
      <div class="form-group">
        <button class="button" type="submit">{{ 'reports.filter.show' | transloco }}</button>
      </div>
    </form>

    @if (report.hasValue()) {
      @let r = report.value();
      <h2 id="report-period">
        {{ 'reports.periodShown' | transloco: { from: day(r.period.from), to: day(r.period.to) } }}
      </h2>
      <ul class="link-list">
        <li>
          <a [routerLink]="['/reports/print']" [queryParams]="params()">{{ 'reports.printView' | transloco }}</a>
        </li>
        <li>
          <a id="service-index-link" routerLink="/reports/index">{{ 'serviceIndex.link' | transloco }}</a>
        </li>
        @if (isAuditor()) {
          <li>
            <a routerLink="/reports/audit">{{ 'audit.title' | transloco }}</a>
          </li>
        }
        <li>
          <a routerLink="/reports/exports">{{ 'reports.exports.mine' | transloco }}</a>
        </li>
        <li>
          <a id="export-xlsx" [href]="exportUrl('xlsx')" download>{{ 'reports.export.xlsx' | transloco }}</a>
        </li>
        <li>
          <a id="export-csv" [href]="exportUrl('csv')" download>{{ 'reports.export.csv' | transloco }}</a>
        </li>
      </ul>
      <dvc-form06-table
        [report]="r"
        [params]="params()"
        [lang]="lang()"
        [totalLabel]="'reports.form.totals' | transloco"
      />
      @if (trend.hasValue()) {
        @let points = trend.value().months;
        <h2>{{ 'reports.trend.title' | transloco: { months: points.length } }}</h2>
        <div class="chart-beside">
          <dvc-report-chart [options]="trendChart()" />
          <table class="table" id="report-trend">
            <caption>
              {{
                'reports.trend.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'reports.trend.month' | transloco }}</th>
                <th scope="col">{{ 'reports.column.receivedTotal' | transloco }}</th>
                <th scope="col">{{ 'reports.column.resolvedTotal' | transloco }}</th>
                <th scope="col">{{ 'reports.column.resolvedOverdue' | transloco }}</th>
                <th scope="col">{{ 'reports.rates.onTimeRate.label' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of points; track p.month) {
                <tr>
                  <th scope="row">{{ shownMonth(p.month) }}</th>
                  <td>{{ p.figures.receivedTotal }}</td>
                  <td>{{ p.figures.resolvedTotal }}</td>
                  <td>{{ p.figures.resolvedOverdue }}</td>
                  <td>{{ shownRate(p.rates.onTimeRate) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @if (wards().length) {
        <h2>{{ 'reports.wards.title' | transloco }}</h2>
        <div class="chart-beside">
          <dvc-report-chart [options]="wardsChart()" />
          <table class="table" id="wards-compared">
            <caption>
              {{
                'reports.wards.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'reports.dossiers.ward' | transloco }}</th>
                <th scope="col">{{ 'reports.column.resolvedEarly' | transloco }}</th>
                <th scope="col">{{ 'reports.column.resolvedOnTime' | transloco }}</th>
                <th scope="col">{{ 'reports.column.resolvedOverdue' | transloco }}</th>
                <th scope="col">{{ 'reports.column.inProgressOverdue' | transloco }}</th>
                <th scope="col">{{ 'reports.rates.onTimeRate.label' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (w of wards(); track w.code) {
                <tr>
                  <th scope="row">{{ w.name }}</th>
                  <td>{{ w.figures.resolvedEarly }}</td>
                  <td>{{ w.figures.resolvedOnTime }}</td>
                  <td>{{ w.figures.resolvedOverdue }}</td>
                  <td>{{ w.figures.inProgressOverdue }}</td>
                  <td>{{ shownRate(w.onTimeRate) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <h2>{{ 'reports.rates.title' | transloco }}</h2>
      <dl class="rates" id="report-rates">
        @for (rate of rates; track rate.key) {
          <dt>{{ 'reports.rates.' + rate.key + '.label' | transloco }}</dt>
          <dd [attr.data-rate]="rate.key">
            <strong>{{ shownRate(r.totals.rates[rate.key], rate.days) }}</strong>
            <span class="hint block">{{ 'reports.rates.' + rate.key + '.formula' | transloco }}</span>
          </dd>
        }
      </dl>
    } @else if (report.error()) {
      <div class="notice notice--error" role="alert">{{ problem() }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ProcessingReportPage {
  protected readonly lang = inject(Language).current;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(Session);
  protected readonly params = toSignal(this.route.queryParams.pipe(map(reportParamsOf)), { requireSync: true });
  /** The period kind shown: the address's, until the reader picks another (Back and Forward set it again). */
  protected readonly periodKind = linkedSignal(() => periodKindOf(this.params()));
  protected readonly report = inject(ReportsApi).processing(() => this.params());
  /** The trend keeps the place, procedure and channel of the report; its period is the last twelve months. */
  protected readonly trend = inject(ReportsApi).trend(() => {
    const { unitCode, provinceCode, procedureCode, channel } = this.params();
    return Object.fromEntries(
      Object.entries({ unitCode, provinceCode, procedureCode, channel, months: '12' }).filter(([, v]) => v),
    ) as Record<string, string>;
  });
  protected readonly procedures = inject(ProceduresApi).list();
  protected readonly units = inject(ApplicationsApi).units();
  protected readonly periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
  protected readonly channels = reportChannels;
  protected readonly rates = RATES;
  private readonly thisYear = Number(todayInVietnam().slice(0, 4));
  protected readonly years = Array.from({ length: 6 }, (_, i) => this.thisYear - i);
  /** Auditors choose the place; a leader's report is their ward's. */
  protected readonly everyWard = computed(() => !this.session.user()?.unitCode);
  /** The audit trail is the auditors' alone. */
  protected readonly isAuditor = computed(() => !!this.session.user()?.roles.includes('auditor'));
  protected readonly provinces = computed(() => provincesOf(this.units.value() ?? []));
  protected readonly monthValue = computed(() => this.params()['month'] ?? thisMonth());
  /** Re-read when the language or its texts change, so that the charts' legends follow the switch. */
  private readonly texts = toSignal(this.transloco.selectTranslation(), { initialValue: {} });
  protected readonly quarterValue = computed(() => {
    const quarter = this.params()['quarter'];
    if (quarter) return { year: Number(quarter.slice(0, 4)), quarter: Number(quarter.slice(6)) };
    const month = Number(todayInVietnam().slice(5, 7));
    return { year: this.thisYear, quarter: Math.ceil(month / 3) };
  });
  protected readonly problem = computed(
    () => toApiProblem(this.report.error(), this.transloco.translate('reports.loadError')).message,
  );

  /** The wards of the report, every procedure summed, best on-time rate first. */
  protected readonly wards = computed(() => {
    if (!this.report.hasValue()) return [];
    const byWard = new Map<string, { code: string; name: string; figures: ReportFigures }>();
    for (const row of this.report.value().rows) {
      const ward = byWard.get(row.unitCode) ?? {
        code: row.unitCode,
        name: row.unitName[this.lang()],
        figures: emptyReportFigures(),
      };
      for (const key of Object.keys(row.figures) as Array<keyof ReportFigures>) ward.figures[key] += row.figures[key];
      byWard.set(row.unitCode, ward);
    }
    return [...byWard.values()]
      .map((w) => ({ ...w, onTimeRate: reportRates(w.figures).onTimeRate }))
      .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.name.localeCompare(b.name));
  });
  /** The wards compared: their resolved dossiers early, on time and overdue, and those overdue in progress. */
  protected readonly wardsChart = computed(() => {
    const wards = this.wards();
    this.texts();
    const t = (key: string) => this.transloco.translate(key);
    const series = (
      [
        ['resolvedEarly', '#00703c'],
        ['resolvedOnTime', '#1d70b8'],
        ['resolvedOverdue', '#d4351c'],
        ['inProgressOverdue', '#f47738'],
      ] as const
    ).map(([column, color]) => ({
      name: t(`reports.column.${column}`),
      type: 'bar',
      stack: column.startsWith('resolved') ? 'resolved' : 'open',
      itemStyle: { color },
      data: wards.map((w) => w.figures[column]),
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: wards.map((w) => shortUnitName(w.name)) },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  });

  /** Twelve months: dossiers received and resolved (bars), and the on-time rate (a line, in %). */
  protected readonly trendChart = computed(() => {
    const points = this.trend.hasValue() ? this.trend.value().months : [];
    this.texts();
    const t = (key: string) => this.transloco.translate(key);
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => shownMonth(p.month)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      ],
      series: [
        {
          name: t('reports.column.receivedTotal'),
          type: 'bar',
          itemStyle: { color: '#1d70b8' },
          data: points.map((p) => p.figures.receivedTotal),
        },
        {
          name: t('reports.column.resolvedTotal'),
          type: 'bar',
          itemStyle: { color: '#00703c' },
          data: points.map((p) => p.figures.resolvedTotal),
        },
        {
          name: t('reports.rates.onTimeRate.label'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#d4351c' },
          data: points.map((p) => (p.rates.onTimeRate === null ? null : Math.round(p.rates.onTimeRate * 1000) / 10)),
        },
      ],
    };
  });

  constructor() {
    pageTitle((t) => t('reports.title'));
  }

  protected readonly day = shownDay;
  protected readonly shownMonth = shownMonth;

  protected unitsOf(provinceCode: string) {
    return (this.units.value() ?? []).filter((u) => u.provinceCode === provinceCode);
  }

  /** The same report as a file, in the page's language (a plain link would send the browser's). */
  protected exportUrl(format: 'xlsx' | 'csv'): string {
    return `/api/reports/processing/export/${format}?${new URLSearchParams({ ...this.params(), lang: this.lang() })}`;
  }

  /** A rate in per cent, or (the average time) in working days. */
  protected shownRate(value: number | null, days = false): string {
    if (value === null || !days) return shownPercent(value, this.lang());
    return this.transloco.translate('reports.rates.days', { days: shownNumber(value, this.lang()) });
  }

  protected apply(event: Event): void {
    event.preventDefault();
    const params = reportParamsFromForm(new FormData(event.target as HTMLFormElement));
    void this.router.navigate([], { queryParams: params });
  }
}
