import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApplicationsApi, Language, pageTitle, toApiProblem } from '@portal/web/data-access';
import { LocalizedPipe, VnDatePipe } from '@portal/web/ui';
import { pagesOf } from '@portal/web/forms';

/** My dossiers: what I have submitted, and the drafts I can continue. */
@Component({
  selector: 'dvc-my-dossiers-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'myDossiers.title' | transloco }}</h1>
    @if (drafts.hasValue() && drafts.value().length) {
      <h2>{{ 'myDossiers.drafts' | transloco }}</h2>
      <ul class="procedure-list">
        @for (draft of drafts.value(); track draft.id) {
          <li class="procedure-card">
            <a [routerLink]="['/applications', draft.id, nextStep(draft.procedureCode, draft.completedSteps)]">
              {{ 'myDossiers.continueDraft' | transloco: { code: draft.procedureCode } }}
            </a>
            <p class="procedure-card__meta">
              {{ 'myDossiers.savedAt' | transloco: { date: (draft.updatedAt | vnDate: true) } }}
            </p>
            <button type="button" class="link-button" [disabled]="busy()" (click)="discard(draft.id)">
              {{ 'myDossiers.discardDraft' | transloco }}
              <span class="visually-hidden">{{ draft.updatedAt | vnDate: true }}</span>
            </button>
          </li>
        }
      </ul>
    }
    @if (discardProblem(); as problem) {
      <div class="notice notice--error" role="alert">{{ problem }}</div>
    }
    <h2>{{ 'myDossiers.submitted' | transloco }}</h2>
    @if (dossiers.error()) {
      <div class="notice notice--error" role="alert">{{ 'myDossiers.loadError' | transloco }}</div>
    } @else if (dossiers.hasValue()) {
      @if (dossiers.value().length === 0) {
        <p>
          {{ 'myDossiers.none' | transloco }} <a routerLink="/">{{ 'account.findProcedure' | transloco }}</a>
        </p>
      } @else {
        <table class="table">
          <caption class="visually-hidden">
            {{
              'myDossiers.submitted' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'dossier.code' | transloco }}</th>
              <th scope="col">{{ 'dossier.procedure' | transloco }}</th>
              <th scope="col">{{ 'dossier.submittedAt' | transloco }}</th>
              <th scope="col">{{ 'dossier.status' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (dossier of dossiers.value(); track dossier.code) {
              <tr>
                <td>
                  <a [routerLink]="['/dossiers', dossier.code]">{{ dossier.code }}</a>
                </td>
                <td>{{ dossier.procedureName | localized: lang() }}</td>
                <td>{{ dossier.submittedAt | vnDate }}</td>
                <td>
                  <strong class="tag">{{ 'status.' + dossier.status | transloco }}</strong>
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class MyDossiersPage {
  private readonly api = inject(ApplicationsApi);
  protected readonly dossiers = this.api.myDossiers();
  protected readonly drafts = this.api.drafts();
  protected readonly lang = inject(Language).current;
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly discardProblem = signal<string | null>(null);

  constructor() {
    pageTitle((t) => t('myDossiers.title'));
  }

  /** Deletes a draft the citizen no longer wants. */
  protected async discard(id: string): Promise<void> {
    this.busy.set(true);
    this.discardProblem.set(null);
    try {
      await this.api.discard(id);
      this.drafts.reload();
    } catch (error) {
      this.discardProblem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message);
    } finally {
      this.busy.set(false);
    }
  }

  protected nextStep(procedureCode: string, completed: string[]): string {
    return pagesOf(procedureCode).find((page) => !completed.includes(page.id))?.id ?? 'check';
  }
}
