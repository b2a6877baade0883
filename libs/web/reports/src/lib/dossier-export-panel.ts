import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DossierExport, DossierExportFormat } from '@portal/contracts';
import { ReportsApi, toApiProblem, type ReportParams } from '@portal/web/data-access';
import { ExportProgress, inProgress, reloadWhile } from './export-progress';

/**
 * The whole list behind a figure as a file, however long: asked for here, made on the server while the
 * page shows its progress (or while the person does something else: "your exports" keeps it), then
 * downloaded from the link that appears.
 */
@Component({
  selector: 'dvc-dossier-export-panel',
  imports: [RouterLink, TranslocoPipe, ExportProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .export-panel {
      border-top: 1px solid #b1b4b6;
      margin-top: 2rem;
      padding-top: 0.5rem;
    }
  `,
  template: `
    <section class="export-panel" aria-labelledby="dossier-export-heading">
      <h2 id="dossier-export-heading">{{ 'reports.exports.heading' | transloco }}</h2>
      <p>{{ 'reports.exports.intro' | transloco: { count: count().toLocaleString(lang()) } }}</p>
      <button class="button" type="button" id="export-list-xlsx" [disabled]="asking()" (click)="ask('xlsx')">
        {{ 'reports.exports.xlsx' | transloco }}
      </button>
      {{ ' ' }}
      <button class="button" type="button" id="export-list-csv" [disabled]="asking()" (click)="ask('csv')">
        {{ 'reports.exports.csv' | transloco }}
      </button>
      @if (problem(); as problem) {
        <div class="notice notice--error" role="alert">{{ problem }}</div>
      }
      @if (current(); as e) {
        <dvc-export-progress [export]="e" [lang]="lang()" />
      }
      <p>
        <a routerLink="/reports/exports">{{ 'reports.exports.mine' | transloco }}</a>
      </p>
    </section>
  `,
})
export class DossierExportPanel {
  /** The drill-down's query: the figure, the period, the filters. */
  readonly params = input.required<ReportParams>();
  readonly count = input.required<number>();
  readonly lang = input.required<'vi' | 'en'>();
  private readonly api = inject(ReportsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly asking = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly id = signal<string | null>(null);
  private readonly followed = httpResource<DossierExport>(() => {
    const id = this.id();
    return id ? `/api/reports/exports/${encodeURIComponent(id)}` : undefined;
  });
  protected readonly current = computed(() => (this.followed.hasValue() ? this.followed.value() : undefined));

  constructor() {
    reloadWhile(this.followed, inProgress);
  }

  protected async ask(format: DossierExportFormat): Promise<void> {
    this.asking.set(true);
    this.problem.set(null);
    try {
      const asked = await this.api.requestExport(this.params(), format, this.lang());
      this.id.set(asked.id);
    } catch (error) {
      this.problem.set(toApiProblem(error, this.transloco.translate('reports.exports.askError')).message);
    } finally {
      this.asking.set(false);
    }
  }
}
