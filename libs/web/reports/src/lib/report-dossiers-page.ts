import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language, pageTitle, ReportsApi, toApiProblem, type ReportParams } from '@portal/web/data-access';
import { LocalizedPipe, VnDatePipe } from '@portal/web/ui';
import { isReportColumn, reportParamsOf, shownDay } from './report-params';
import { DossierExportPanel } from './dossier-export-panel';
import { ReportPager } from './report-pager';

/**
 * The dossiers behind one figure of the report, with the report's filters (`?column=` names the
 * figure): their number is the figure's, a page of 50 at a time, each opening in the back office.
 */
@Component({
  selector: 'dvc-report-dossiers-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, VnDatePipe, ReportPager, DossierExportPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <a [routerLink]="['/reports']" [queryParams]="reportParams()">‹ {{ 'reports.title' | transloco }}</a>
    </p>
    @if (column(); as column) {
      <h1>{{ 'reports.column.' + column | transloco }}: {{ 'reports.dossiers.title' | transloco }}</h1>
      @if (page.hasValue()) {
        @let p = page.value();
        <p id="report-dossiers-total">
          {{ 'reports.dossiers.total' | transloco: { count: p.total, from: day(p.period.from), to: day(p.period.to) } }}
        </p>
        @if (p.rows.length) {
          <table class="table" id="report-dossiers">
            <caption class="visually-hidden">
              {{
                'reports.column.' + column | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'dossier.code' | transloco }}</th>
                <th scope="col">{{ 'dossier.procedure' | transloco }}</th>
                <th scope="col">{{ 'reports.dossiers.ward' | transloco }}</th>
                <th scope="col">{{ 'reports.filter.channel' | transloco }}</th>
                <th scope="col">{{ 'reports.dossiers.status' | transloco }}</th>
                <th scope="col">{{ 'reports.dossiers.received' | transloco }}</th>
                <th scope="col">{{ 'reports.dossiers.due' | transloco }}</th>
                <th scope="col">{{ 'reports.dossiers.finished' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of p.rows; track d.code) {
                <tr>
                  <td>
                    <a [routerLink]="['/office/dossiers', d.code]">{{ d.code }}</a>
                  </td>
                  <td>{{ d.procedureName | localized: lang() }}</td>
                  <td>{{ d.unitName | localized: lang() }}</td>
                  <td>{{ 'reports.channel.' + d.channel | transloco }}</td>
                  <td>{{ 'status.' + d.status | transloco }}</td>
                  <td>{{ d.receivedAt | vnDate: true }}</td>
                  <td>{{ d.dueAt | vnDate: true }}</td>
                  <td>{{ d.finishedAt | vnDate: true }}</td>
                </tr>
              }
            </tbody>
          </table>
          <dvc-report-pager [page]="p.page" [hasNext]="p.page < pageCount()" [pages]="pageCount()" />
          @if (apiParams(); as q) {
            <dvc-dossier-export-panel [params]="q" [count]="p.total" [lang]="lang()" />
          }
        }
      } @else if (page.error()) {
        <div class="notice notice--error" role="alert">{{ problem() }}</div>
      } @else {
        <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
      }
    } @else {
      <h1>{{ 'reports.dossiers.noColumn' | transloco }}</h1>
    }
  `,
})
export class ReportDossiersPage {
  protected readonly lang = inject(Language).current;
  private readonly transloco = inject(TranslocoService);
  private readonly query = toSignal(inject(ActivatedRoute).queryParams, { requireSync: true });
  protected readonly column = computed(() => {
    const column = this.query()['column'];
    return isReportColumn(column) ? column : null;
  });
  protected readonly reportParams = computed(() => reportParamsOf(this.query()));
  protected readonly apiParams = computed<ReportParams | undefined>(() => {
    const column = this.column();
    if (!column) return undefined;
    const page = this.query()['page'];
    return { ...this.reportParams(), column, ...(typeof page === 'string' && /^\d+$/.test(page) ? { page } : {}) };
  });
  protected readonly page = inject(ReportsApi).dossiers(() => this.apiParams());
  protected readonly pageCount = computed(() => {
    const value = this.page.hasValue() ? this.page.value() : undefined;
    return value ? Math.max(1, Math.ceil(value.total / value.pageSize)) : 1;
  });
  protected readonly problem = computed(
    () => toApiProblem(this.page.error(), this.transloco.translate('reports.loadError')).message,
  );
  protected day = shownDay;

  constructor() {
    pageTitle((t) => [t('reports.dossiers.title'), t('reports.title')]);
  }
}
