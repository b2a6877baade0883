import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';

/** A labelled text input with an optional hint and its error message, linked for assistive technology. */
@Component({
  selector: 'dvc-text-field',
  imports: [ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'form-group', '[class.form-group--error]': '!!error()' },
  template: `
    <label class="label" [attr.for]="inputId()">{{ label() }}</label>
    @if (hint()) {
      <div class="hint" [id]="inputId() + '-hint'">{{ hint() }}</div>
    }
    @if (error()) {
      <p class="error-message" [id]="inputId() + '-error'">
        <span class="visually-hidden">{{ 'form.errorPrefix' | transloco }}</span> {{ error() }}
      </p>
    }
    <input
      class="input"
      [class.input--error]="!!error()"
      [id]="inputId()"
      [name]="inputId()"
      [type]="type()"
      [attr.autocomplete]="autocomplete()"
      [attr.inputmode]="inputmode()"
      [attr.spellcheck]="spellcheck()"
      [attr.aria-describedby]="describedBy()"
      [attr.aria-invalid]="error() ? 'true' : null"
      [formControl]="control()"
    />
  `,
})
export class TextField {
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string>>();
  readonly hint = input<string>();
  readonly error = input<string>();
  readonly type = input<'text' | 'email' | 'tel' | 'password' | 'date'>('text');
  readonly autocomplete = input<string>();
  readonly inputmode = input<string>();
  readonly spellcheck = input<boolean>();
  protected readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.inputId()}-hint` : '', this.error() ? `${this.inputId()}-error` : '']
        .filter(Boolean)
        .join(' ') || null,
  );
}
