import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApplicationsApi, toApiProblem } from '@portal/web/data-access';
import { pagesOf } from '@portal/web/forms';

/** /apply/:procedureCode — starts a draft and opens its first page. */
@Component({
  selector: 'dvc-apply-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as problem) {
      <h1>{{ 'apply.cannotStart' | transloco }}</h1>
      <p>{{ problem }}</p>
      <p>
        <a routerLink="/">{{ 'procedure.backToCatalogue' | transloco }}</a>
      </p>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ApplyPage implements OnInit {
  readonly procedureCode = input.required<string>();
  private readonly api = inject(ApplicationsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly problem = signal<string | undefined>(undefined);

  async ngOnInit(): Promise<void> {
    try {
      const draft = await this.api.start(this.procedureCode());
      const first = pagesOf(draft.procedureCode)[0];
      await this.router.navigate(['/applications', draft.id, first.id], { replaceUrl: true });
    } catch (error) {
      this.problem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message);
    }
  }
}
