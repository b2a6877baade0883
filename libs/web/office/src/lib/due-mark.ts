import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** "Due soon" or "Overdue" beside a due date: in words, with a colour that only repeats them. */
@Component({
  selector: 'dvc-due-mark',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .due-mark {
      margin-top: 0.25rem;
    }
    .due-mark--overdue {
      background: #f4cdc6;
      color: #6b1a10;
    }
    .due-mark--soon {
      background: #fff7bf;
      color: #4a4000;
    }
  `,
  template: `
    @if (overdue()) {
      <strong class="tag due-mark due-mark--overdue">{{ 'office.due.overdue' | transloco }}</strong>
    } @else if (dueSoon()) {
      <strong class="tag due-mark due-mark--soon">{{ 'office.due.soon' | transloco }}</strong>
    }
  `,
})
export class DueMark {
  readonly dueSoon = input(false);
  readonly overdue = input(false);
}
