import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { pageTitle, ReportsApi, toApiProblem } from '@portal/web/data-access';
import { pickParams } from './report-params';
import { ReportPager } from './report-pager';
import { VnDatePipe } from '@portal/web/ui';

/** The search's fields, as the address and the API name them. */
const FIELDS = [
  { name: 'dossierCode', type: 'text' },
  { name: 'actor', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'from', type: 'date' },
  { name: 'to', type: 'date' },
] as const;
const FILTERS = FIELDS.map((f) => f.name);

/**
 * The audit trail for auditors: who did what and when, searched by dossier (with its own
 * history), actor, action and period, newest first, 50 at a time, and exported as CSV.
 * The search lives in the address. Every search and export is itself in the trail.
 */
@Component({
  selector: 'dvc-audit-trail-page',
  imports: [RouterLink, TranslocoPipe, VnDatePipe, ReportPager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .audit-details {
      font-family: monospace;
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <p>
      <a routerLink="/reports">‹ {{ 'reports.title' | transloco }}</a>
    </p>
    <h1>{{ 'audit.title' | transloco }}</h1>
    <p>{{ 'audit.intro' | transloco }}</p>
    <form class="filter-bar" id="audit-filters" (submit)="apply($event)" novalidate>
      @for (f of fields; track f.name) {
        <div class="form-group">
          <label class="label" [for]="'audit-' + f.name">{{ 'audit.filter.' + f.name | transloco }}</label>
          <input
            class="input"
            [id]="'audit-' + f.name"
            [name]="f.name"
            [type]="f.type"
            [value]="filters()[f.name] ?? ''"
            autocomplete="off"
          />
        </div>
      }
      <div class="form-group">
        <button class="button" type="submit">{{ 'audit.filter.search' | transloco }}</button>
      </div>
    </form>
    @if (page.hasValue()) {
      @let p = page.value();
      <p>
        <a id="audit-export" [href]="exportUrl()" download>{{ 'audit.export' | transloco }}</a>
      </p>
      @if (p.rows.length === 0) {
        <p id="audit-empty">{{ 'audit.none' | transloco }}</p>
      } @else {
        <table class="table" id="audit-trail">
          <caption class="visually-hidden">
            {{
              'audit.title' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'audit.column.at' | transloco }}</th>
              <th scope="col">{{ 'audit.column.actor' | transloco }}</th>
              <th scope="col">{{ 'audit.column.action' | transloco }}</th>
              <th scope="col">{{ 'audit.column.target' | transloco }}</th>
              <th scope="col">{{ 'audit.column.details' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of p.rows; track $index) {
              <tr>
                <td>{{ e.occurredAt | vnDate: true }}</td>
                <td>
                  {{ e.actor?.name ?? ('audit.system' | transloco) }}
                  @if (e.actor?.email) {
                    <span class="hint block">{{ e.actor?.email }}</span>
                  }
                  @if (e.role) {
                    <span class="hint block">{{ 'role.' + e.role | transloco }}</span>
                  }
                </td>
                <td>
                  <code>{{ e.action }}</code>
                  @if (e.change) {
                    <span class="hint block">{{ e.change.from ?? '–' }} → {{ e.change.to ?? '–' }}</span>
                  }
                </td>
                <td>
                  @if (e.dossierCode) {
                    <a [routerLink]="['/office/dossiers', e.dossierCode]">{{ e.dossierCode }}</a>
                  } @else if (e.target) {
                    {{ e.target.type }} {{ e.target.id }}
                  }
                </td>
                <td class="audit-details">{{ e.details ? json(e.details) : '' }}</td>
              </tr>
            }
          </tbody>
        </table>
        <dvc-report-pager [page]="p.page" [hasNext]="p.more" />
      }
    } @else if (page.error()) {
      <div class="notice notice--error" role="alert">{{ problem() }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class AuditTrailPage {
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly query = toSignal(inject(ActivatedRoute).queryParams, { requireSync: true });
  protected readonly fields = FIELDS;
  protected readonly filters = computed(() => pickParams(this.query(), FILTERS));
  protected readonly page = inject(ReportsApi).auditTrail(() => {
    const page = this.query()['page'];
    return { ...this.filters(), ...(typeof page === 'string' && /^\d+$/.test(page) ? { page } : {}) };
  });
  protected readonly problem = computed(
    () => toApiProblem(this.page.error(), this.transloco.translate('audit.loadError')).message,
  );

  constructor() {
    pageTitle((t) => [t('audit.title'), t('reports.title')]);
  }

  protected json(details: Record<string, unknown>): string {
    return JSON.stringify(details);
  }

  protected exportUrl(): string {
    const query = new URLSearchParams(this.filters()).toString();
    return `/api/audit/export${query ? `?${query}` : ''}`;
  }

  protected apply(event: Event): void {
    event.preventDefault();
    void this.router.navigate([], { queryParams: pickParams(new FormData(event.target as HTMLFormElement), FILTERS) });
  }
}
