import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { loginRequestSchema } from '@portal/contracts';
import { Language, Session, toApiProblem } from '@portal/web/data-access';
import { ErrorSummary, TextField } from '@portal/web/ui';
import { displayedProblems, FormProblem, problemsFromApi, validate } from '../form-problems';
import { safeReturnUrl } from '../return-url';

@Component({
  selector: 'dvc-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <dvc-error-summary [errors]="problems.list()" [title]="'form.errorSummaryTitle' | transloco" />
      <h1>{{ 'signIn.title' | transloco }}</h1>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <dvc-text-field
          inputId="login"
          [label]="'signIn.login' | transloco"
          [hint]="'signIn.loginHint' | transloco"
          [control]="form.controls.login"
          [error]="problems.byField()['login']"
          [errorPrefix]="'form.errorPrefix' | transloco"
          autocomplete="username"
          [spellcheck]="false"
        />
        <dvc-text-field
          inputId="password"
          type="password"
          [label]="'signIn.password' | transloco"
          [control]="form.controls.password"
          [error]="problems.byField()['password']"
          [errorPrefix]="'form.errorPrefix' | transloco"
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
    const title = inject(Title);
    effect(() => {
      this.lang();
      title.setTitle(`${this.transloco.translate('signIn.title')} – ${this.transloco.translate('shell.portalName')}`);
    });
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
