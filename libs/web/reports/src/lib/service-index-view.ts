import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  bandOf,
  serviceIndexGroups,
  type Language,
  type ServiceIndexCode,
  type ServiceIndexIndicator,
  type ServiceIndexReport,
} from '@portal/contracts';
import { LocalizedPipe } from '@portal/web/ui';
import { ReportChart } from './report-chart';
import { shortUnitName, shownNumber, shownPercent } from './report-params';
import { ReportPager } from './report-pager';

/**
 * The citizen-service index of a report (auditors' and public pages alike): the six cards with their
 * totals and bands, each indicator of the wards together with its formula, inputs, score and maximum,
 * the wards ranked (a chart of their totals, the same figures in the table beside it), and each
 * ward's indicators in a disclosure.
 */
@Component({
  selector: 'dvc-service-index-view',
  imports: [NgTemplateOutlet, TranslocoPipe, LocalizedPipe, ReportChart, ReportPager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .index-cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 1rem;
      list-style: none;
      padding: 0;
      margin: 0 0 1.5rem;
    }
    .index-card {
      border: 1px solid var(--colour-border, #b1b4b6);
      border-top: 5px solid var(--colour-primary, #1d70b8);
      padding: 0.75rem 1rem;
    }
    .index-card h3 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    .index-card__score {
      font-size: 1.6rem;
      font-weight: 700;
      margin: 0;
    }
    details {
      margin-bottom: 1rem;
    }
  `,
  template: `
    @let r = report();
    @let o = r.overall;
    <h2 id="index-overall">
      {{ 'serviceIndex.overall' | transloco: { total: num(o.total), measured: o.measuredMax } }}
      @if (o.band) {
        — {{ 'serviceIndex.band.' + o.band | transloco }} ({{ num(o.scaled) }}/100)
      }
    </h2>
    <p class="hint">{{ 'serviceIndex.bandsNote' | transloco }}</p>
    <ul class="index-cards" id="index-cards">
      @for (g of o.groups; track g.key) {
        <li class="index-card" [attr.data-group]="g.key">
          <h3>{{ 'serviceIndex.group.' + g.key | transloco }}</h3>
          @if (g.measuredMax > 0) {
            <p class="index-card__score">{{ num(g.score) }} / {{ g.measuredMax }}</p>
            <p>
              {{ 'serviceIndex.cardMax' | transloco: { max: g.max } }}
              — {{ 'serviceIndex.band.' + bandOfCard(g.score, g.measuredMax) | transloco }}
            </p>
          } @else {
            <p class="index-card__score">–</p>
            <p>{{ 'serviceIndex.notMeasured' | transloco: { max: g.max } }}</p>
          }
        </li>
      }
    </ul>

    <ng-container
      *ngTemplateOutlet="
        indicatorTable;
        context: {
          $implicit: o.indicators,
          caption: ('serviceIndex.indicators.caption' | transloco),
          id: 'index-indicators',
        }
      "
    />

    @if (r.wards.length) {
      <h2>{{ 'serviceIndex.ranking.title' | transloco }}</h2>
      @if (r.wardCount > r.pageSize) {
        <p id="index-ranking-range">
          {{
            'serviceIndex.ranking.range'
              | transloco: { first: r.wards[0].rank, last: r.wards[r.wards.length - 1].rank, count: r.wardCount }
          }}
        </p>
        <dvc-report-pager [page]="r.page" [hasNext]="r.page < pages()" [pages]="pages()" />
      }
      <div class="chart-beside">
        <dvc-report-chart [options]="chart()" />
        <div
          class="table-scroll"
          tabindex="0"
          role="region"
          [attr.aria-label]="'serviceIndex.ranking.caption' | transloco"
        >
          <table class="table" id="index-ranking">
            <caption>
              {{
                'serviceIndex.ranking.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'serviceIndex.ranking.rank' | transloco }}</th>
                <th scope="col">{{ 'serviceIndex.ranking.ward' | transloco }}</th>
                @for (g of groups; track g.key) {
                  <th scope="col">{{ 'serviceIndex.group.' + g.key | transloco }}</th>
                }
                <th scope="col">{{ 'serviceIndex.ranking.total' | transloco }}</th>
                <th scope="col">{{ 'serviceIndex.ranking.band' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (w of r.wards; track w.unitCode) {
                <tr [attr.data-unit]="w.unitCode">
                  <td>{{ w.rank }}</td>
                  <th scope="row">{{ w.unitName | localized: lang() }}</th>
                  @for (g of w.groups; track g.key) {
                    <td>{{ g.measuredMax ? num(g.score) + ' / ' + g.measuredMax : '–' }}</td>
                  }
                  <td>{{ num(w.total) }} / {{ w.measuredMax }}</td>
                  <td>{{ w.band ? ('serviceIndex.band.' + w.band | transloco) : '–' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </div>

      <h2>{{ 'serviceIndex.wards.title' | transloco }}</h2>
      @for (w of r.wards; track w.unitCode) {
        <details [attr.data-unit]="w.unitCode">
          <summary>
            {{ w.rank }}. {{ w.unitName | localized: lang() }} — {{ num(w.total) }} / {{ w.measuredMax }}
          </summary>
          <ng-container
            *ngTemplateOutlet="
              indicatorTable;
              context: {
                $implicit: w.indicators,
                caption: ('serviceIndex.wards.caption' | transloco: { ward: (w.unitName | localized: lang()) }),
                id: null,
              }
            "
          />
        </details>
      }
      @if (r.wardCount > r.pageSize) {
        <dvc-report-pager [page]="r.page" [hasNext]="r.page < pages()" [pages]="pages()" />
      }
    } @else {
      <p id="index-empty">{{ 'serviceIndex.empty' | transloco }}</p>
    }

    <!-- Each indicator with its formula, inputs, value, score and maximum: the whole's, and each ward's. -->
    <ng-template #indicatorTable let-indicators let-caption="caption" let-id="id">
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="caption">
        <table class="table" [attr.id]="id">
          <caption>
            {{
              caption
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'serviceIndex.indicators.code' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.name' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.formula' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.numerator' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.denominator' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.value' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.score' | transloco }}</th>
              <th scope="col">{{ 'serviceIndex.indicators.max' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (i of asIndicators(indicators); track i.code) {
              @let d = definition(i.code);
              <tr [attr.data-indicator]="i.code">
                <th scope="row">{{ i.code }}</th>
                <td>{{ d.name | localized: lang() }}</td>
                <td class="index-formula">{{ d.formula | localized: lang() }}</td>
                <td>{{ num(i.numerator) }}</td>
                <td>{{ num(i.denominator) }}</td>
                <td>{{ value(i) }}</td>
                <td>{{ num(i.score) }}</td>
                <td>
                  {{ i.max }}
                  @if (d.maxSource === 'portal') {
                    <span class="hint block">{{ 'serviceIndex.portalWeight' | transloco }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </ng-template>
  `,
})
export class ServiceIndexView {
  readonly report = input.required<ServiceIndexReport>();
  readonly lang = input.required<Language>();
  protected readonly pages = computed(() => {
    const r = this.report();
    return Math.max(1, Math.ceil(r.wardCount / r.pageSize));
  });
  private readonly transloco = inject(TranslocoService);
  protected readonly groups = serviceIndexGroups;
  /** Re-read when the language's texts load, so that the chart's legend follows the switch. */
  private readonly texts = toSignal(this.transloco.selectTranslation(), { initialValue: {} });

  protected definition(code: ServiceIndexCode) {
    const found = this.report().definitions.find((d) => d.code === code);
    if (!found) throw new Error(`No definition of indicator ${code}`);
    return found;
  }

  /** The wards' totals, best first (the table beside it has the same figures). */
  protected readonly chart = computed(() => {
    const wards = this.report().wards;
    const lang = this.lang();
    this.texts();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: wards.map((w) => shortUnitName(w.unitName[lang])),
      },
      series: [
        {
          name: this.transloco.translate('serviceIndex.ranking.total'),
          type: 'bar',
          itemStyle: { color: '#1d70b8' },
          data: wards.map((w) => w.total),
        },
      ],
    };
  });

  protected bandOfCard(score: number, measuredMax: number): string {
    return bandOf((score / measuredMax) * 100);
  }

  protected num(value: number | null): string {
    return shownNumber(value, this.lang());
  }

  /** The template's rows, typed (an ng-template's context is not). */
  protected asIndicators(indicators: unknown): ServiceIndexIndicator[] {
    return indicators as ServiceIndexIndicator[];
  }

  /** A rate in %, 2.2 in working days (with the procedures' average time limit). */
  protected value(i: ServiceIndexIndicator): string {
    if (i.value === null) return '–';
    if (i.code === '2.2')
      return this.transloco.translate('serviceIndex.days', { days: this.num(i.value), limit: this.num(i.limit ?? 0) });
    return shownPercent(i.value, this.lang());
  }
}
