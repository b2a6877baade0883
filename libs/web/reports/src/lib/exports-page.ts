import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language, pageTitle, ReportsApi, toApiProblem } from '@portal/web/data-access';
import { VnDatePipe } from '@portal/web/ui';
import { ExportProgress, inProgress, reloadWhile } from './export-progress';
import { shownDay } from './report-params';

/** One's own exports, newest first: those being made with their progress, the finished with their file. */
@Component({
  selector: 'dvc-exports-page',
  imports: [RouterLink, TranslocoPipe, VnDatePipe, ExportProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .export-list > li {
      border-bottom: 1px solid #b1b4b6;
      padding: 0.75rem 0;
    }
  `,
  template: `
    <p>
      <a routerLink="/reports">‹ {{ 'reports.title' | transloco }}</a>
    </p>
    <h1>{{ 'reports.exports.title' | transloco }}</h1>
    <p>{{ 'reports.exports.kept' | transloco }}</p>
    @if (list.hasValue()) {
      @let exports = list.value().exports;
      @if (exports.length) {
        <ul class="plain-list export-list" id="exports">
          @for (e of exports; track e.id) {
            <li>
              <h2 class="block">
                {{ 'reports.column.' + e.column | transloco }} ·
                {{ 'reports.periodShown' | transloco: { from: day(e.period.from), to: day(e.period.to) } }}
              </h2>
              <p class="hint">
                {{ 'reports.exports.asked' | transloco }} {{ e.createdAt | vnDate: true }}
                @if (e.expiresAt && e.status === 'done') {
                  · {{ 'reports.exports.until' | transloco }} {{ e.expiresAt | vnDate: true }}
                }
              </p>
              <dvc-export-progress [export]="e" [lang]="lang()" />
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'reports.exports.none' | transloco }}</p>
      }
    } @else if (list.error()) {
      <div class="notice notice--error" role="alert">{{ problem() }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ExportsPage {
  protected readonly lang = inject(Language).current;
  private readonly transloco = inject(TranslocoService);
  protected readonly list = inject(ReportsApi).exports();
  protected readonly problem = computed(
    () => toApiProblem(this.list.error(), this.transloco.translate('reports.loadError')).message,
  );
  protected day = shownDay;

  constructor() {
    pageTitle((t) => [t('reports.exports.title'), t('reports.title')]);
    reloadWhile(this.list, (value) => value.exports.some(inProgress), 2000);
  }
}
