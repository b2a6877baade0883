import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, pageTitle, ProceduresApi } from '@portal/web/data-access';
import { LocalizedPipe, SummaryList, SummaryRow, VndPipe } from '@portal/web/ui';
import { hasOnlineForm } from '@portal/contracts';
import { TimeLimitPipe } from '../time-limit.pipe';

/** One procedure: who handles it, how long it takes, what it costs and which papers it needs. */
@Component({
  selector: 'dvc-procedure-detail-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, VndPipe, TimeLimitPipe, SummaryList, SummaryRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="/" class="back-link">{{ 'common.back' | transloco }}</a>
    @if (notFound()) {
      <h1>{{ 'procedure.notFoundTitle' | transloco }}</h1>
      <p>{{ 'procedure.notFoundText' | transloco: { code: code() } }}</p>
      <p>
        <a routerLink="/">{{ 'procedure.backToCatalogue' | transloco }}</a>
      </p>
    } @else if (procedure.error()) {
      <div class="notice notice--error" role="alert">{{ 'catalogue.loadError' | transloco }}</div>
    } @else if (procedure.hasValue()) {
      @let p = procedure.value()!;
      <span class="caption">{{ p.field | localized: lang() }}</span>
      <h1>{{ p.name | localized: lang() }}</h1>
      <p class="lead">{{ p.description | localized: lang() }}</p>

      <dvc-summary-list>
        <dvc-summary-row [label]="'procedure.code' | transloco">{{ p.code }}</dvc-summary-row>
        <dvc-summary-row [label]="'procedure.levelLabel' | transloco">
          <span class="tag tag--green">{{ 'procedure.level.' + p.serviceLevel | transloco }}</span>
          <span class="hint block">{{ 'procedure.levelHint.' + p.serviceLevel | transloco }}</span>
        </dvc-summary-row>
        <dvc-summary-row [label]="'procedure.agency' | transloco">{{
          p.handlingAgency | localized: lang()
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'procedure.timeLimit' | transloco">
          <strong>{{ p.timeLimit | timeLimit: lang() }}</strong>
          @if (p.timeLimit.note) {
            <span class="hint block">{{ p.timeLimit.note | localized: lang() }}</span>
          }
        </dvc-summary-row>
        <dvc-summary-row [label]="'procedure.fee' | transloco">
          <ul class="plain-list">
            @for (fee of p.fees; track fee.case) {
              <li>
                {{ fee.label | localized: lang() }}:
                <strong>{{ fee.amount === 0 ? ('procedure.free' | transloco) : (fee.amount | vnd) }}</strong>
              </li>
            } @empty {
              <li>{{ 'procedure.free' | transloco }}</li>
            }
          </ul>
        </dvc-summary-row>
      </dvc-summary-list>

      @if (!p.acceptingApplications) {
        <div class="notice" role="status">{{ 'procedure.notAccepting' | transloco }}</div>
      } @else if (hasForm(p.code)) {
        <p>
          <a class="button button--start" role="button" [routerLink]="['/apply', p.code]">{{
            'procedure.startNow' | transloco
          }}</a>
        </p>
        <p class="hint">{{ 'procedure.startHint' | transloco }}</p>
      }

      <h2>{{ 'procedure.papers' | transloco }}</h2>
      <ol class="paper-list">
        @for (paper of p.requiredPapers; track paper.code) {
          <li>
            <strong>{{ paper.name | localized: lang() }}</strong>
            @if (paper.mandatory) {
              <span class="tag">{{ 'procedure.mandatory' | transloco }}</span>
            } @else {
              <span class="tag tag--grey">{{ 'procedure.ifApplicable' | transloco }}</span>
            }
            @if (paper.providedByForm) {
              <span class="hint block">{{ 'procedure.providedByForm' | transloco }}</span>
            }
            @if (paper.condition) {
              <span class="hint block">{{ paper.condition | localized: lang() }}</span>
            }
          </li>
        }
      </ol>

      <h2>{{ 'procedure.legalBasis' | transloco }}</h2>
      <ul class="plain-list">
        @for (law of p.legalBasis; track law.reference) {
          <li>{{ law.title | localized: lang() }} ({{ law.reference }})</li>
        }
      </ul>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ProcedureDetailPage {
  /** From the route: /procedures/:code */
  readonly code = input.required<string>();
  protected readonly lang = inject(Language).current;
  protected readonly procedure = inject(ProceduresApi).detail(() => this.code());
  protected readonly notFound = computed(() => {
    const error: unknown = this.procedure.error();
    // A resource wraps an HTTP error response (which is not an Error) as its cause.
    const response = error instanceof HttpErrorResponse ? error : (error as { cause?: unknown } | undefined)?.cause;
    return response instanceof HttpErrorResponse && response.status === 404;
  });

  protected hasForm(code: string): boolean {
    return hasOnlineForm(code);
  }

  constructor() {
    pageTitle((t) => {
      const p = this.procedure.hasValue() ? this.procedure.value() : undefined;
      return p ? p.name[this.lang()] : t(this.notFound() ? 'procedure.notFoundTitle' : 'common.loading');
    });
  }
}
