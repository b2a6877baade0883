import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AttachmentSummary, Language, UnitView } from '@portal/contracts';
import { FileUpload, LocalizedPipe } from '@portal/web/ui';
import type { FieldDefinition, PageDefinition } from './form-pages';

/**
 * The fields of one page of an application form, drawn from its definition, as
 * the citizen's page-per-topic form and the clerk's counter form both show them.
 * Input ids are `<page id>-<field name>`, which the error summary links to.
 */
@Component({
  selector: 'dvc-form-fields',
  imports: [ReactiveFormsModule, TranslocoPipe, FileUpload, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div [formGroup]="form()">
      @for (field of visibleFields(); track field.name) {
        @let id = page().id + '-' + field.name;
        @let error = errors()[field.name];
        @switch (field.kind) {
          @case ('radios') {
            <fieldset
              class="form-group"
              [class.form-group--error]="!!error"
              [attr.aria-describedby]="error ? id + '-error' : null"
            >
              <legend class="label">{{ field.label | transloco }}</legend>
              @if (error) {
                <p class="error-message" [id]="id + '-error'">
                  <span class="visually-hidden">{{ 'form.errorPrefix' | transloco }}</span> {{ error }}
                </p>
              }
              <div class="radios">
                @for (option of field.options; track option.value; let first = $first) {
                  <div class="radios__item">
                    <input
                      type="radio"
                      class="radios__input"
                      [id]="first ? id : id + '-' + option.value"
                      [attr.name]="id"
                      [value]="option.value"
                      [formControlName]="field.name"
                    />
                    <label class="radios__label" [attr.for]="first ? id : id + '-' + option.value">{{
                      option.label | transloco
                    }}</label>
                  </div>
                }
              </div>
            </fieldset>
          }
          @case ('checkbox') {
            <div class="form-group checkbox">
              <input type="checkbox" class="checkbox__input" [id]="id" [formControlName]="field.name" />
              <label class="checkbox__label" [attr.for]="id">{{ field.label | transloco }}</label>
            </div>
          }
          @case ('file') {
            <dvc-file-upload
              [inputId]="id"
              [paperCode]="field.name"
              [label]="paperLabels()[field.name] ?? (field.label | transloco)"
              [hint]="field.hint ? (field.hint | transloco) : undefined"
              [error]="error"
              [value]="uploads()[field.name]"
              (uploaded)="uploaded.emit({ name: field.name, attachment: $event })"
              (removed)="removed.emit(field.name)"
            />
          }
          @default {
            <div class="form-group" [class.form-group--error]="!!error">
              <label class="label" [attr.for]="id">{{ field.label | transloco }}</label>
              @if (field.hint) {
                <div class="hint" [id]="id + '-hint'">{{ field.hint | transloco }}</div>
              }
              @if (error) {
                <p class="error-message" [id]="id + '-error'">
                  <span class="visually-hidden">{{ 'form.errorPrefix' | transloco }}</span> {{ error }}
                </p>
              }
              @switch (field.kind) {
                @case ('textarea') {
                  <textarea
                    class="input textarea"
                    rows="3"
                    [id]="id"
                    [formControlName]="field.name"
                    [attr.aria-describedby]="describedBy(field, id, error)"
                    [attr.aria-invalid]="error ? 'true' : null"
                  ></textarea>
                }
                @case ('select') {
                  <select
                    class="input select"
                    [id]="id"
                    [formControlName]="field.name"
                    [attr.aria-describedby]="describedBy(field, id, error)"
                    [attr.aria-invalid]="error ? 'true' : null"
                  >
                    <option value="">{{ 'apply.choose' | transloco }}</option>
                    @for (unit of units(); track unit.code) {
                      <option [value]="unit.code">
                        {{ unit.name | localized: lang() }} – {{ unit.province | localized: lang() }}
                      </option>
                    }
                  </select>
                }
                @default {
                  <input
                    class="input"
                    [class.input--short]="field.kind === 'date' || field.kind === 'time'"
                    [id]="id"
                    [type]="field.kind"
                    [formControlName]="field.name"
                    [attr.autocomplete]="field.autocomplete ?? null"
                    [attr.aria-describedby]="describedBy(field, id, error)"
                    [attr.aria-invalid]="error ? 'true' : null"
                  />
                }
              }
            </div>
          }
        }
      }
    </div>
  `,
})
export class FormFields {
  readonly page = input.required<PageDefinition>();
  readonly form = input.required<FormGroup>();
  /** The page's current values: fields shown only for some answers follow them. */
  readonly values = input.required<Record<string, unknown>>();
  /** One message per field name. */
  readonly errors = input<Record<string, string>>({});
  readonly units = input<UnitView[]>([]);
  readonly uploads = input<Record<string, AttachmentSummary | undefined>>({});
  /** The names of the papers as the catalogue has them, by paper code; a file field without one shows its label. */
  readonly paperLabels = input<Record<string, string>>({});
  readonly lang = input.required<Language>();
  readonly uploaded = output<{ name: string; attachment: AttachmentSummary }>();
  readonly removed = output<string>();

  protected readonly visibleFields = computed(() =>
    this.page().fields.filter((field) => !field.showIf || field.showIf(this.values())),
  );

  protected describedBy(field: FieldDefinition, id: string, error: string | undefined): string | null {
    return [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || null;
  }
}
