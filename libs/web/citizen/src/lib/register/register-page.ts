import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { registerRequestSchema } from '@portal/contracts';
import { Language, pageTitle, Session, toApiProblem } from '@portal/web/data-access';
import { ErrorSummary, TextField } from '@portal/web/ui';
import { displayedProblems, FormProblem, problemsFromApi, validate } from '@portal/web/forms';
import { safeReturnUrl } from '../return-url';

@Component({
  selector: 'dvc-register-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <dvc-error-summary [errors]="problems.list()" [title]="'form.errorSummaryTitle' | transloco" />
      <h1>{{ 'register.title' | transloco }}</h1>
      <p>{{ 'register.lead' | transloco }}</p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <dvc-text-field
          inputId="fullName"
          [label]="'register.fullName' | transloco"
          [hint]="'register.fullNameHint' | transloco"
          [control]="form.controls.fullName"
          [error]="problems.byField()['fullName']"
          autocomplete="name"
          [spellcheck]="false"
        />
        <dvc-text-field
          inputId="email"
          type="email"
          [label]="'register.email' | transloco"
          [hint]="'register.contactHint' | transloco"
          [control]="form.controls.email"
          [error]="problems.byField()['email']"
          autocomplete="email"
          [spellcheck]="false"
        />
        <dvc-text-field
          inputId="phone"
          type="tel"
          [label]="'register.phone' | transloco"
          [hint]="'register.phoneHint' | transloco"
          [control]="form.controls.phone"
          [error]="problems.byField()['phone']"
          autocomplete="tel-national"
          inputmode="tel"
        />
        <dvc-text-field
          inputId="password"
          type="password"
          [label]="'register.password' | transloco"
          [hint]="'register.passwordHint' | transloco"
          [control]="form.controls.password"
          [error]="problems.byField()['password']"
          autocomplete="new-password"
        />
        <dvc-text-field
          inputId="passwordConfirmation"
          type="password"
          [label]="'register.passwordConfirmation' | transloco"
          [control]="form.controls.passwordConfirmation"
          [error]="problems.byField()['passwordConfirmation']"
          autocomplete="new-password"
        />
        <button type="submit" class="button" [disabled]="busy()">{{ 'register.submit' | transloco }}</button>
      </form>
      <p>
        {{ 'register.haveAccount' | transloco }}
        <a routerLink="/sign-in" [queryParams]="{ returnUrl: returnUrl() }">{{ 'register.signIn' | transloco }}</a>
      </p>
    </div>
  `,
})
export class RegisterPage {
  readonly returnUrl = input<string>();
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly busy = signal(false);
  private readonly problemList = signal<FormProblem[]>([]);
  protected readonly problems = displayedProblems(this.problemList, this.lang);
  protected readonly form = new FormGroup({
    fullName: new FormControl('', { nonNullable: true }),
    email: new FormControl('', { nonNullable: true }),
    phone: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
    passwordConfirmation: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    pageTitle((t) => t('register.title'));
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const problems = validate(registerRequestSchema, value, this.lang());
    this.problemList.set(problems);
    if (problems.length) return;
    this.busy.set(true);
    try {
      await this.session.register(value);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/account'));
    } catch (error) {
      this.problemList.set(
        problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), 'fullName'),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
