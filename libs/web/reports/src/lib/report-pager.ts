import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The previous and next pages of a list whose page is `?page=` in the address (the other
 * parameters kept), and "page n of m" when the number of pages is known.
 */
@Component({
  selector: 'dvc-report-pager',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .report-pager {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      align-items: baseline;
    }
  `,
  template: `
    @if (page() > 1 || hasNext()) {
      <nav class="report-pager" [attr.aria-label]="'reports.dossiers.pages' | transloco">
        @if (page() > 1) {
          <a [routerLink]="[]" [queryParams]="{ page: page() - 1 }" queryParamsHandling="merge" rel="prev">{{
            'office.inbox.previous' | transloco
          }}</a>
        }
        @if (pages(); as pages) {
          <span>{{ 'reports.dossiers.pageOf' | transloco: { page: page(), pages } }}</span>
        }
        @if (hasNext()) {
          <a [routerLink]="[]" [queryParams]="{ page: page() + 1 }" queryParamsHandling="merge" rel="next">{{
            'office.inbox.next' | transloco
          }}</a>
        }
      </nav>
    }
  `,
})
export class ReportPager {
  readonly page = input.required<number>();
  readonly hasNext = input.required<boolean>();
  /** How many pages there are, when known. */
  readonly pages = input<number | null>(null);
}
