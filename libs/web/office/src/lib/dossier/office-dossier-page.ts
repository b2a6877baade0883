import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { WorkflowAction } from '@portal/contracts';
import { LocalizedPipe, SummaryList, SummaryRow, VnDatePipe, VndPipe } from '@portal/web/ui';
import { type ApiProblem, Language, OfficeApi, pageTitle, PaperNamePipe, toApiProblem } from '@portal/web/data-access';
import { DueMark } from '../due-mark';
import { ActionPanel, type ActionDone } from './action-panel';
import { ApplicationData } from './application-data';
import { OfficePayments } from './office-payments';
import { PaperViewer } from './paper-viewer';

/** What the page says after an action: that it went through, or why it did not. */
type Outcome =
  | { kind: 'done'; action: WorkflowAction; status: string; step: string | null }
  | { kind: 'recorded' }
  | { kind: 'failed'; message: string };

/**
 * One dossier of the ward, as a clerk or leader works it: the facts, the application
 * as submitted, the papers shown in the page, the history, and the actions allowed now.
 */
@Component({
  selector: 'dvc-office-dossier-page',
  imports: [
    PaperNamePipe,
    RouterLink,
    TranslocoPipe,
    LocalizedPipe,
    SummaryList,
    SummaryRow,
    VndPipe,
    VnDatePipe,
    ActionPanel,
    ApplicationData,
    DueMark,
    PaperViewer,
    OfficePayments,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .notice:focus {
      outline: 3px solid var(--colour-focus);
    }
    .notice--success {
      border-color: var(--colour-green);
    }
    .views {
      margin-bottom: 1.5rem;
    }
    .views summary {
      cursor: pointer;
      max-width: max-content;
      color: var(--colour-link);
      text-decoration: underline;
    }
    .views summary:focus-visible {
      outline: 3px solid var(--colour-focus);
      background: var(--colour-focus);
      color: var(--colour-text);
    }
    .actions-section {
      border-top: 4px solid var(--colour-brand);
      margin-top: 2.5rem;
    }
  `,
  template: `
    <a class="back-link" routerLink="/office">{{ 'office.inbox.title' | transloco }}</a>
    @if (dossier.hasValue()) {
      @let d = dossier.value();
      <span class="caption">{{ d.procedureName | localized: lang() }}</span>
      <h1>{{ 'dossier.title' | transloco: { code: d.code } }}</h1>
      @if (outcome(); as outcome) {
        @if (outcome.kind === 'done') {
          <div class="notice notice--success" role="status" tabindex="-1" #notice>
            <strong class="block">{{ 'office.done.' + outcome.action | transloco }}</strong>
            {{ 'office.done.statusNow' | transloco }}
            <strong>{{ 'status.' + outcome.status | transloco }}</strong>
            @if (outcome.step) {
              – {{ 'office.step.' + outcome.step | transloco }}
            }
          </div>
        } @else if (outcome.kind === 'recorded') {
          <div class="notice notice--success" role="status" tabindex="-1" data-focus-first #notice>
            <strong class="block">{{ 'office.counter.recorded' | transloco }}</strong>
            {{ 'office.counter.recordedNext' | transloco }}
          </div>
        } @else {
          <div class="notice notice--error" role="alert" tabindex="-1" #notice>{{ outcome.message }}</div>
        }
      }
      <dvc-summary-list>
        <dvc-summary-row [label]="'dossier.status' | transloco">
          <strong class="tag">{{ 'status.' + d.status | transloco }}</strong>
          @if (d.step) {
            <span class="block">{{ 'office.step.' + d.step | transloco }}</span>
          }
        </dvc-summary-row>
        @if (d.proposal) {
          <dvc-summary-row [label]="'office.dossier.proposal' | transloco">
            {{ 'office.proposal.' + d.proposal | transloco }}
            @if (proposalReason(); as reason) {
              <span class="block">{{ 'office.dossier.reason' | transloco }} {{ reason }}</span>
            }
          </dvc-summary-row>
        }
        @if (d.supplementRequest; as request) {
          <dvc-summary-row [label]="'office.dossier.supplementRequest' | transloco">
            <span class="block">{{ request.at | vnDate: true }}</span>
            @if (request.papers.length) {
              <ul class="plain-list">
                @for (paper of request.papers; track paper) {
                  <li>{{ paper | paperName: d.procedureCode }}</li>
                }
              </ul>
            }
            @if (request.reason) {
              <span class="block">{{ 'office.dossier.reason' | transloco }} {{ request.reason }}</span>
            }
          </dvc-summary-row>
        }
        <dvc-summary-row [label]="'office.dossier.assignee' | transloco">{{
          d.assigneeName ?? ('office.dossier.nobody' | transloco)
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'office.dossier.applicant' | transloco">
          {{ d.applicant.fullName ?? '–' }}
          @if (d.applicant.phone) {
            <span class="block">{{ d.applicant.phone }}</span>
          }
        </dvc-summary-row>
        <dvc-summary-row [label]="'dossier.unit' | transloco">{{ d.unitName }}</dvc-summary-row>
        <dvc-summary-row [label]="'office.dossier.channel' | transloco">{{
          'office.channel.' + d.channel | transloco
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'dossier.submittedAt' | transloco">{{
          d.submittedAt | vnDate: true
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'office.dueAt' | transloco">
          {{ d.dueAt | vnDate }}
          <dvc-due-mark [dueSoon]="d.dueSoon" [overdue]="d.overdue" />
        </dvc-summary-row>
        @if (d.finishedAt) {
          <dvc-summary-row [label]="'office.dossier.finishedAt' | transloco">{{
            d.finishedAt | vnDate: true
          }}</dvc-summary-row>
        }
        <dvc-summary-row [label]="'dossier.fee' | transloco">
          {{ d.feeAmount === 0 ? ('procedure.free' | transloco) : (d.feeAmount | vnd) }}
          @if (d.lateRegistration) {
            <span class="hint block">{{ 'dossier.late' | transloco }}</span>
          }
        </dvc-summary-row>
      </dvc-summary-list>

      <h2>{{ 'office.dossier.application' | transloco }}</h2>
      <dvc-office-application-data
        [procedureCode]="d.procedureCode"
        [data]="d.data"
        [unit]="{ code: d.unitCode, name: d.unitName }"
      />

      @if (d.result; as result) {
        <h2>{{ 'result.title' | transloco }}</h2>
        <p>
          {{ result.documentNumber }} –
          <a [href]="'/api/office/dossiers/' + d.code + '/result'" download>{{ 'result.download' | transloco }}</a>
        </p>
      }
      @if (d.feeAmount > 0) {
        <h2>{{ 'office.payments.title' | transloco }}</h2>
        <dvc-office-payments [code]="d.code" />
      }

      <h2>{{ 'dossier.papers' | transloco }}</h2>
      <dvc-office-paper-viewer [code]="d.code" [procedureCode]="d.procedureCode" [papers]="d.papers" />

      <h2>{{ 'dossier.timeline' | transloco }}</h2>
      <ol class="timeline">
        @for (event of history().events; track $index) {
          <li class="timeline__item">
            <strong>{{ 'event.' + event.action | transloco }}</strong>
            <span class="hint block"
              >{{ event.at | vnDate: true }} · {{ 'office.actor.' + event.actorRole | transloco }}</span
            >
            @if (event.toStatus) {
              <span class="block"
                >{{ 'dossier.statusNow' | transloco }} {{ 'status.' + event.toStatus | transloco }}</span
              >
            }
            @if (event.reason) {
              <span class="block">{{ 'office.dossier.reason' | transloco }} {{ event.reason }}</span>
            }
            @if (event.details; as found) {
              @if (found.papersComplete === false) {
                <span class="block"
                  ><strong class="tag tag--grey">{{ 'office.intake.papersMissing' | transloco }}</strong></span
                >
              }
              @if (found.duplicateOf?.length) {
                <span class="block"
                  ><strong class="tag">{{ 'office.intake.duplicate' | transloco }}</strong>
                  {{ found.duplicateOf?.join(', ') }}</span
                >
              } @else if (found.papersComplete) {
                <span class="block">{{ 'office.intake.clean' | transloco }}</span>
              }
            }
          </li>
        }
      </ol>
      @if (history().views.length) {
        <details class="views">
          <summary>{{ 'office.dossier.views' | transloco: { count: history().views.length } }}</summary>
          <ul class="plain-list">
            @for (view of history().views; track $index) {
              <li>{{ view.at | vnDate: true }} · {{ 'office.actor.' + view.actorRole | transloco }}</li>
            }
          </ul>
        </details>
      }

      <section class="actions-section" aria-labelledby="actions-title">
        <h2 id="actions-title">{{ 'office.actions.title' | transloco }}</h2>
        <dvc-office-action-panel [dossier]="d" (done)="done($event)" (failed)="failed($event)" />
      </section>
    } @else if (dossier.error(); as error) {
      <h1>{{ 'dossier.notFound' | transloco }}</h1>
      @if (loadProblem(error); as problem) {
        <p>{{ problem }}</p>
      }
      <p>
        <a routerLink="/office">{{ 'office.inbox.title' | transloco }}</a>
      </p>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class OfficeDossierPage {
  readonly code = input.required<string>();
  protected readonly dossier = inject(OfficeApi).dossier(() => this.code());
  protected readonly lang = inject(Language).current;
  private readonly transloco = inject(TranslocoService);
  protected readonly outcome = signal<Outcome | null>(null);
  private readonly notice = viewChild<ElementRef<HTMLElement>>('notice');
  /** Arrived from the counter-intake page, which has just recorded this dossier. */
  private justRecorded = !!inject(Router).currentNavigation()?.extras.state?.['recorded'];

  /** What happened to the dossier; the staff's reads of it, recorded too, are listed apart. */
  protected readonly history = computed(() => {
    const timeline = this.dossier.hasValue() ? this.dossier.value().timeline : [];
    return {
      events: timeline.filter((e) => e.action !== 'view'),
      views: timeline.filter((e) => e.action === 'view'),
    };
  });

  /** Why the clerk proposes what the leader is asked to sign. */
  protected readonly proposalReason = computed(() => {
    const d = this.dossier.hasValue() ? this.dossier.value() : undefined;
    const proposed = [...(d?.timeline ?? [])]
      .reverse()
      .find((e) => e.action === 'propose_approval' || e.action === 'propose_refusal');
    return proposed?.reason ?? null;
  });

  constructor() {
    effect(() => {
      this.code();
      this.outcome.set(this.justRecorded ? { kind: 'recorded' } : null);
      this.justRecorded = false;
    });
    // The outcome of an action takes the focus, so that it is read out and the next step starts from it.
    afterRenderEffect(() => {
      if (this.outcome()) this.notice()?.nativeElement.focus();
    });
    pageTitle((t) => [t('dossier.title', { code: this.code() }), t('office.inbox.title')]);
  }

  protected done({ action, dossier }: ActionDone): void {
    this.dossier.set(dossier);
    this.outcome.set({ kind: 'done', action, status: dossier.status, step: dossier.step });
  }

  protected failed(problem: ApiProblem): void {
    this.outcome.set({ kind: 'failed', message: problem.message });
    // Someone else acted first, or the state moved on: show the dossier as it is now.
    if (problem.status === 409 || problem.status === 404) this.dossier.reload();
  }

  protected loadProblem(error: unknown): string | null {
    const problem = toApiProblem(error, this.transloco.translate('form.networkError'));
    return problem.status === 404 ? null : problem.message;
  }
}
