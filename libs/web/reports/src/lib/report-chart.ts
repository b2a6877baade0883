import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/**
 * A chart of the reports, drawn by ECharts (loaded on first use). It is a picture for those who
 * see it: the same figures are always in a table beside it, which screen readers read instead.
 */
@Component({
  selector: 'dvc-report-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .report-chart {
      width: 100%;
      height: 20rem;
    }
  `,
  template: `<div class="report-chart" echarts [options]="options()" aria-hidden="true"></div>`,
})
export class ReportChart {
  readonly options = input.required<EChartsCoreOption>();
}
