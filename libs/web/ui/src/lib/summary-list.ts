import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A definition list of key/value rows, GOV.UK "summary list" style. Rows are projected `dvc-summary-row`s. */
@Component({
  selector: 'dvc-summary-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'summary-list', role: 'list' },
  template: `<ng-content />`,
})
export class SummaryList {}

@Component({
  selector: 'dvc-summary-row',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'summary-list__row', role: 'listitem' },
  template: `
    <span class="summary-list__key">{{ label() }}</span>
    <span class="summary-list__value"><ng-content /></span>
  `,
})
export class SummaryRow {
  readonly label = input.required<string>();
}
