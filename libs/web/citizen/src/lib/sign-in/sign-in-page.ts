import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { loginRequestSchema } from '@portal/contracts';
import { Language, pageTitle, Session, toApiProblem } from '@portal/web/data-access';
import { ErrorSummary, TextField } from '@portal/web/ui';
import { displayedProblems, FormProblem, problemsFromApi, validate } from '@portal/web/forms';
import { safeReturnUrl } from '../return-url';

@Component({
  selector: 'dvc-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .eid-button,
    .eid-button:visited {
      display: inline-block;
      color: #fff;
      background: var(--colour-brand);
      box-shadow: 0 2px 0 var(--colour-brand-dark);
      text-decoration: none;
      margin-bottom: 0.5rem;
    }
    .eid-button:hover {
      background: var(--colour-brand-dark);
    }
    .eid-button:focus-visible {
      color: var(--colour-text);
      background: var(--colour-focus);
      box-shadow: 0 2px 0 var(--colour-text);
    }
    .notice:focus {
      outline: 3px solid var(--colour-focus);
    }
    .notice__title {
      margin-top: 0;
      font-size: 1.2rem;
    }
    .notice p:last-child {
      margin-bottom: 0;
    }
  `,
  template: `
    <div class="narrow">
      @if (eidFailed()) {
        <div class="notice notice--error" role="alert" tabindex="-1" aria-labelledby="eid-failed-title" #eidNotice>
          <h2 class="notice__title" id="eid-failed-title">{{ 'signIn.eidFailedTitle' | transloco }}</h2>
          <p>{{ 'signIn.eidFailed' | transloco }}</p>
        </div>
      }
      <dvc-error-summary [errors]="problems.list()" [title]="'form.errorSummaryTitle' | transloco" />
      <h1>{{ 'signIn.title' | transloco }}</h1>
      <!-- A full-page navigation: the API sends the browser on to the national eID and back. -->
      <a class="button eid-button" id="eid-start" [href]="eidStartUrl()">{{ 'signIn.eid' | transloco }}</a>
      <p class="hint">{{ 'signIn.eidHint' | transloco }}</p>
      <h2>{{ 'signIn.withPassword' | transloco }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <dvc-text-field
          inputId="login"
          [label]="'signIn.login' | transloco"
          [hint]="'signIn.loginHint' | transloco"
          [control]="form.controls.login"
          [error]="problems.byField()['login']"
          autocomplete="username"
          [spellcheck]="false"
        />
        <dvc-text-field
          inputId="password"
          type="password"
          [label]="'signIn.password' | transloco"
          [control]="form.controls.password"
          [error]="problems.byField()['password']"
          autocomplete="current-password"
        />
        <button type="submit" class="button" [disabled]="busy()">{{ 'signIn.submit' | transloco }}</button>
      </form>
      <h2>{{ 'signIn.noAccount' | transloco }}</h2>
      <p>
        <a routerLink="/register" [queryParams]="{ returnUrl: returnUrl() }">{{
          'signIn.createAccount' | transloco
        }}</a>
      </p>
    </div>
  `,
})
export class SignInPage {
  readonly returnUrl = input<string>();
  /** `failed` when the API sent the browser back from an eID sign-in that did not work. */
  readonly eid = input<string>();
  protected readonly eidFailed = computed(() => this.eid() === 'failed');
  protected readonly eidStartUrl = computed(
    () => `/api/auth/eid/start?returnUrl=${encodeURIComponent(safeReturnUrl(this.returnUrl(), '/account'))}`,
  );
  private readonly eidNotice = viewChild<ElementRef<HTMLElement>>('eidNotice');
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly busy = signal(false);
  private readonly problemList = signal<FormProblem[]>([]);
  protected readonly problems = displayedProblems(this.problemList, this.lang);
  protected readonly form = new FormGroup({
    login: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    pageTitle((t) => t('signIn.title'));
    // Arriving back from a failed eID sign-in: read the message first.
    afterNextRender(() => this.eidNotice()?.nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    const problems = validate(loginRequestSchema, this.form.getRawValue(), this.lang());
    this.problemList.set(problems);
    if (problems.length) return;
    this.busy.set(true);
    try {
      await this.session.login(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/account'));
    } catch (error) {
      this.problemList.set(
        problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), 'login'),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
