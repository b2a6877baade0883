import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { pagesOf, type FieldDefinition } from '@portal/web/forms';
import { Language } from '@portal/web/data-access';
import { SummaryList, SummaryRow } from '@portal/web/ui';

interface ShownRow {
  name: string;
  label: string;
  value: string;
}

/**
 * The application form as the citizen submitted it, page by page, with the form's own
 * labels and the chosen options in words. The papers are shown apart, so their page is left out.
 */
@Component({
  selector: 'dvc-office-application-data',
  imports: [TranslocoPipe, SummaryList, SummaryRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (section of sections(); track section.id) {
      <h3>{{ section.title | transloco }}</h3>
      @if (section.rows.length) {
        <dvc-summary-list>
          @for (row of section.rows; track row.name) {
            <dvc-summary-row [label]="row.label | transloco">{{ row.value }}</dvc-summary-row>
          }
        </dvc-summary-list>
      } @else {
        <p class="hint">{{ 'office.dossier.pageEmpty' | transloco }}</p>
      }
    }
  `,
})
export class ApplicationData {
  readonly procedureCode = input.required<string>();
  readonly data = input.required<Record<string, unknown>>();
  /** The ward the dossier went to, for the ward page's code. */
  readonly unit = input.required<{ code: string; name: string }>();

  private readonly transloco = inject(TranslocoService);
  private readonly lang = inject(Language).current;

  protected readonly sections = computed(() => {
    this.lang();
    return pagesOf(this.procedureCode())
      .filter((page) => page.id !== 'papers')
      .map((page) => {
        const values = (this.data()[page.id] ?? {}) as Record<string, unknown>;
        const rows: ShownRow[] = page.fields
          .filter((field) => !field.showIf || field.showIf(values))
          .filter((field) => (field.kind === 'checkbox' ? values[field.name] === true : present(values[field.name])))
          .map((field) => ({ name: field.name, label: field.label, value: this.display(field, values[field.name]) }));
        return { id: page.id, title: page.title, rows };
      });
  });

  private display(field: FieldDefinition, value: unknown): string {
    if (field.kind === 'checkbox') return this.transloco.translate('apply.yes');
    if (field.options) {
      const option = field.options.find((o) => o.value === value);
      return option ? this.transloco.translate(option.label) : String(value);
    }
    if (field.optionsFrom === 'units') return value === this.unit().code ? this.unit().name : String(value);
    if (field.kind === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
    return String(value);
  }
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
