import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language, pageTitle, ReportsApi, toApiProblem } from '@portal/web/data-access';
import { VnDatePipe } from '@portal/web/ui';
import { map } from 'rxjs';
import { Form06Table } from './form06-table';
import { reportParamsOf, shownDay } from './report-params';

/**
 * The report laid out as form 06 to print: the national heading, the form's number, title,
 * period and unit of count, the thirteen numbered columns (column 5 merged), and the place for
 * the head of the unit to sign. The portal's header and footer are not printed.
 */
@Component({
  selector: 'dvc-report-print-page',
  imports: [RouterLink, TranslocoPipe, VnDatePipe, Form06Table],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form06-heading {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 1rem;
      text-align: center;
      margin-bottom: 1.5rem;
    }
    .form06-heading p {
      margin: 0;
    }
    .form06-title {
      text-align: center;
    }
    .form06-title h1 {
      font-size: 1.25rem;
      margin-bottom: 0.5rem;
    }
    .form06-sign {
      display: grid;
      grid-template-columns: 1fr 1fr;
      margin-top: 2rem;
      text-align: center;
    }
    @media print {
      .no-print {
        display: none !important;
      }
    }
  `,
  template: `
    <p class="no-print">
      <a [routerLink]="['/reports']" [queryParams]="params()">‹ {{ 'reports.title' | transloco }}</a>
      ·
      <button type="button" class="button button--secondary" (click)="print()">
        {{ 'reports.print.print' | transloco }}
      </button>
    </p>
    @if (report.hasValue()) {
      @let r = report.value();
      <div class="form06-heading">
        <div>
          <p>
            <strong>{{ 'reports.print.formNumber' | transloco }}</strong>
          </p>
          <p>{{ 'reports.print.issuedWith' | transloco }}</p>
        </div>
        <div lang="vi">
          <p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>
          <p><strong>Độc lập – Tự do – Hạnh phúc</strong></p>
        </div>
      </div>
      <div class="form06-title">
        <h1>{{ 'reports.print.title' | transloco }}</h1>
        <p id="print-period">
          {{ 'reports.periodShown' | transloco: { from: day(r.period.from), to: day(r.period.to) } }}
        </p>
        <p>{{ 'reports.print.unit' | transloco }}</p>
      </div>
      <dvc-form06-table [report]="r" [lang]="lang()" [print]="true" [totalLabel]="'reports.form.totals' | transloco" />
      <div class="form06-sign">
        <p>{{ 'reports.print.generated' | transloco: { at: (r.generatedAt | vnDate: true) } }}</p>
        <p>
          <strong>{{ 'reports.print.head' | transloco }}</strong><br />
          <em>{{ 'reports.print.signHere' | transloco }}</em>
        </p>
      </div>
    } @else if (report.error()) {
      <div class="notice notice--error" role="alert">{{ problem() }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ReportPrintPage {
  protected readonly lang = inject(Language).current;
  private readonly transloco = inject(TranslocoService);
  protected readonly params = toSignal(inject(ActivatedRoute).queryParams.pipe(map(reportParamsOf)), {
    requireSync: true,
  });
  protected readonly report = inject(ReportsApi).processing(() => this.params());
  protected readonly problem = computed(
    () => toApiProblem(this.report.error(), this.transloco.translate('reports.loadError')).message,
  );
  protected day = shownDay;

  constructor() {
    pageTitle((t) => [t('reports.print.title'), t('reports.title')]);
  }

  protected print(): void {
    window.print();
  }
}
