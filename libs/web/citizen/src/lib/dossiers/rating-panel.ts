import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ratingSchema, type RatingView } from '@portal/contracts';
import { Language, toApiProblem } from '@portal/web/data-access';
import { VnDatePipe } from '@portal/web/ui';
import { firstValueFrom } from 'rxjs';

/** The citizen rates the service once the result is out (1–5 and a comment), and may change it for 7 days. */
@Component({
  selector: 'dvc-rating-panel',
  imports: [ReactiveFormsModule, TranslocoPipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="rating-title" id="rating">
      <h2 id="rating-title">{{ 'rating.title' | transloco }}</h2>
      @if (saved(); as r) {
        <div class="notice" role="status" id="rating-saved">
          {{ 'rating.thanks' | transloco: { score: r.score } }}
          @if (editable()) {
            <span class="hint block">{{
              'rating.editableUntil' | transloco: { date: (r.editableUntil | vnDate) }
            }}</span>
          }
        </div>
      }
      @if (editable()) {
        <form [formGroup]="form" (ngSubmit)="send()" novalidate>
          <fieldset class="form-group" [class.form-group--error]="!!problem()">
            <legend class="label">{{ 'rating.question' | transloco }}</legend>
            @if (problem(); as p) {
              <p class="error-message" id="rating-error">{{ p }}</p>
            }
            @for (score of scores; track score) {
              <div class="radios__item">
                <input
                  class="radios__input"
                  type="radio"
                  [id]="'rating-' + score"
                  [value]="score"
                  formControlName="score"
                />
                <label class="radios__label" [attr.for]="'rating-' + score">{{
                  'rating.score.' + score | transloco
                }}</label>
              </div>
            }
          </fieldset>
          <div class="form-group">
            <label class="label" for="rating-comment">{{ 'rating.comment' | transloco }}</label>
            <div class="hint" id="rating-comment-hint">{{ 'apply.optional' | transloco }}</div>
            <textarea
              id="rating-comment"
              class="input textarea"
              rows="3"
              maxlength="1000"
              aria-describedby="rating-comment-hint"
              formControlName="comment"
            ></textarea>
          </div>
          <button type="submit" class="button" [disabled]="busy()">
            {{ (saved() ? 'rating.change' : 'rating.send') | transloco }}
          </button>
        </form>
      }
    </section>
  `,
})
export class RatingPanel {
  readonly code = input.required<string>();
  readonly rating = input<RatingView | null>(null);
  readonly changed = output<void>();
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly scores = [5, 4, 3, 2, 1];
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly justSaved = signal<RatingView | null>(null);
  protected readonly saved = computed(() => this.justSaved() ?? this.rating());
  protected readonly editable = computed(() => {
    const r = this.saved();
    return !r || Date.parse(r.editableUntil) > Date.now();
  });
  protected readonly form = new FormGroup({
    score: new FormControl<number | null>(null),
    comment: new FormControl('', { nonNullable: true }),
  });

  protected async send(): Promise<void> {
    const value = { score: Number(this.form.controls.score.value), comment: this.form.controls.comment.value };
    if (!ratingSchema.safeParse(value).success) {
      this.problem.set(this.transloco.translate('rating.choose'));
      return;
    }
    this.problem.set(null);
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.http.put<RatingView>(`/api/dossiers/${encodeURIComponent(this.code())}/rating`, value),
      );
      this.justSaved.set(saved);
      this.changed.emit();
    } catch (error) {
      this.problem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message);
    } finally {
      this.busy.set(false);
    }
  }
}
