import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { HOLIDAY_YEARS, newHolidaySchema, todayInVietnam } from '@portal/contracts';
import { HolidaysApi, Language, pageTitle, toApiProblem } from '@portal/web/data-access';
import { displayedProblems, FormProblem, problemsFromApi, validate } from '@portal/web/forms';
import { ErrorSummary, TextField } from '@portal/web/ui';
import { AdminNav } from './admin-nav';

const weekday = (lang: string, day: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
const shownDate = (day: string) => day.split('-').reverse().join('/');

/**
 * The holiday calendar, kept by administrators: the days off of one year, which
 * do not count towards the time limits of dossiers, with a form to add one and
 * a button to remove one. A change applies to dossiers received from then on.
 */
@Component({
  selector: 'dvc-admin-holidays-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, TextField, AdminNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .year-nav {
      display: flex;
      gap: 1.5rem;
      margin-bottom: 1rem;
    }
    .add-section {
      border-top: 4px solid var(--colour-brand);
      margin-top: 2.5rem;
    }
  `,
  template: `
    <span class="caption">{{ 'admin.caption' | transloco }}</span>
    <h1>{{ 'admin.holidays.title' | transloco: { year: shownYear() } }}</h1>
    <dvc-admin-nav />
    <p>{{ 'admin.holidays.intro' | transloco }}</p>
    @if (notice(); as notice) {
      <div class="notice notice--success" role="status">{{ notice }}</div>
    }
    @if (failure(); as failure) {
      <div class="notice notice--error" role="alert">{{ failure }}</div>
    }
    <nav class="year-nav" [attr.aria-label]="'admin.holidays.years' | transloco">
      @if (shownYear() > years.from) {
        <a [routerLink]="[]" [queryParams]="{ year: shownYear() - 1 }">‹ {{ shownYear() - 1 }}</a>
      }
      @if (shownYear() < years.to) {
        <a [routerLink]="[]" [queryParams]="{ year: shownYear() + 1 }">{{ shownYear() + 1 }} ›</a>
      }
    </nav>

    @if (holidays.error()) {
      <div class="notice notice--error" role="alert">{{ 'admin.holidays.loadError' | transloco }}</div>
    } @else if (holidays.hasValue()) {
      @let days = holidays.value();
      @if (days.length === 0) {
        <p>{{ 'admin.holidays.none' | transloco: { year: shownYear() } }}</p>
      } @else {
        <table class="table">
          <caption class="visually-hidden">
            {{
              'admin.holidays.title' | transloco: { year: shownYear() }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'admin.holidays.day' | transloco }}</th>
              <th scope="col">{{ 'admin.holidays.name' | transloco }}</th>
              <th scope="col">{{ 'admin.holidays.nameEn' | transloco }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'admin.holidays.actions' | transloco }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (holiday of days; track holiday.day) {
              <tr>
                <td>
                  {{ date(holiday.day) }} <span class="hint block">{{ dayName(holiday.day) }}</span>
                </td>
                <td>{{ holiday.name.vi }}</td>
                <td>{{ holiday.name.en }}</td>
                <td>
                  <button type="button" class="link-button" [disabled]="busy()" (click)="remove(holiday.day)">
                    {{ 'admin.holidays.remove' | transloco }}
                    <span class="visually-hidden">{{ date(holiday.day) }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }

    <section class="add-section narrow" aria-labelledby="add-title">
      <h2 id="add-title">{{ 'admin.holidays.add' | transloco }}</h2>
      <dvc-error-summary [errors]="problems.list()" [title]="'form.errorSummaryTitle' | transloco" />
      <form [formGroup]="form" (ngSubmit)="add()" novalidate>
        <dvc-text-field
          inputId="day"
          type="date"
          [label]="'admin.holidays.day' | transloco"
          [control]="form.controls.day"
          [error]="problems.byField()['day']"
        />
        <dvc-text-field
          inputId="name"
          [label]="'admin.holidays.name' | transloco"
          [hint]="'admin.holidays.nameHint' | transloco"
          [control]="form.controls.name"
          [error]="problems.byField()['name']"
        />
        <dvc-text-field
          inputId="nameEn"
          [label]="'admin.holidays.nameEn' | transloco"
          [control]="form.controls.nameEn"
          [error]="problems.byField()['nameEn']"
        />
        <button type="submit" class="button" [disabled]="busy()">{{ 'admin.holidays.addButton' | transloco }}</button>
      </form>
    </section>
  `,
})
export class HolidaysPage {
  /** `?year=`, bound by the router; this year in Viet Nam by default. */
  readonly year = input<string>();
  private readonly api = inject(HolidaysApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly years = HOLIDAY_YEARS;
  protected readonly shownYear = computed(() => {
    const asked = Number(this.year());
    return Number.isInteger(asked) && asked >= HOLIDAY_YEARS.from && asked <= HOLIDAY_YEARS.to
      ? asked
      : Number(todayInVietnam().slice(0, 4));
  });
  protected readonly holidays = this.api.year(() => this.shownYear());
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  private readonly problemList = signal<FormProblem[]>([]);
  protected readonly problems = displayedProblems(this.problemList, this.lang);
  protected readonly form = new FormGroup({
    day: new FormControl('', { nonNullable: true }),
    name: new FormControl('', { nonNullable: true }),
    nameEn: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    pageTitle((t) => t('admin.holidays.title', { year: this.shownYear() }));
  }

  protected date(day: string): string {
    return shownDate(day);
  }

  protected dayName(day: string): string {
    return weekday(this.lang(), day);
  }

  protected async add(): Promise<void> {
    const value = this.form.getRawValue();
    const problems = validate(newHolidaySchema, value, this.lang());
    this.problemList.set(problems);
    this.notice.set(null);
    this.failure.set(null);
    if (problems.length) return;
    this.busy.set(true);
    try {
      const added = await this.api.add(value);
      this.form.reset();
      this.notice.set(this.transloco.translate('admin.holidays.added', { day: shownDate(added.day) }));
      this.holidays.reload();
    } catch (error) {
      this.problemList.set(problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), 'day'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(day: string): Promise<void> {
    this.busy.set(true);
    this.problemList.set([]);
    this.notice.set(null);
    this.failure.set(null);
    try {
      await this.api.remove(day);
      this.notice.set(this.transloco.translate('admin.holidays.removed', { day: shownDate(day) }));
      this.holidays.reload();
    } catch (error) {
      this.failure.set(toApiProblem(error, this.transloco.translate('form.networkError')).message);
    } finally {
      this.busy.set(false);
    }
  }
}
