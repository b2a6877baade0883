import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FeeLine, Language } from '@portal/contracts';
import { LocalizedPipe } from './localized.pipe';
import { VndPipe } from './vnd.pipe';

/** What a dossier costs, line by line, with its total: on check-your-answers and on the dossier's payment panel. */
@Component({
  selector: 'dvc-fee-table',
  imports: [TranslocoPipe, LocalizedPipe, VndPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .numeric {
      text-align: right;
    }
  `,
  template: `
    <table class="table" [id]="tableId()">
      <caption class="visually-hidden">
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ 'apply.check.feeItem' | transloco }}</th>
          <th scope="col" class="numeric">{{ 'apply.check.feeQuantity' | transloco }}</th>
          <th scope="col" class="numeric">{{ 'apply.check.feeAmount' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (line of lines(); track line.case) {
          <tr>
            <td>{{ line.label | localized: lang() }}</td>
            <td class="numeric">{{ line.quantity }}</td>
            <td class="numeric">{{ line.amount | vnd }}</td>
          </tr>
        }
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="2">{{ 'apply.check.feeTotal' | transloco }}</th>
          <td class="numeric">
            <strong>{{ total() | vnd }}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  `,
})
export class FeeTable {
  readonly lines = input.required<FeeLine[]>();
  readonly lang = input.required<Language>();
  readonly caption = input.required<string>();
  readonly tableId = input<string>();
  protected readonly total = computed(() => this.lines().reduce((sum, line) => sum + line.amount, 0));
}
