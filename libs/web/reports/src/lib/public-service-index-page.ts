import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language, pageTitle, ReportsApi, toApiProblem } from '@portal/web/data-access';
import { map } from 'rxjs';
import { pickParams, shownDay, thisMonth } from './report-params';
import { ServiceIndexView } from './service-index-view';

/**
 * The citizen-service index in public (no sign-in): every ward's, for a month in the address, with
 * the same figures to download as open data (CSV and JSON).
 */
@Component({
  selector: 'dvc-public-service-index-page',
  imports: [TranslocoPipe, ServiceIndexView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'serviceIndex.publicTitle' | transloco }}</h1>
    <p>{{ 'serviceIndex.publicIntro' | transloco }}</p>
    <form class="filter-bar" id="index-filters" (submit)="apply($event)" novalidate>
      <div class="form-group">
        <label class="label" for="index-month">{{ 'serviceIndex.filter.month' | transloco }}</label>
        <input class="input" type="month" id="index-month" name="month" [value]="month()" />
      </div>
      <div class="form-group">
        <button class="button" type="submit">{{ 'serviceIndex.filter.show' | transloco }}</button>
      </div>
    </form>
    @if (index.hasValue()) {
      @let r = index.value();
      <p id="index-period">
        {{ 'serviceIndex.periodShown' | transloco: { from: day(r.period.from), to: day(r.period.to) } }}
      </p>
      <h2>{{ 'serviceIndex.openData.title' | transloco }}</h2>
      <ul class="link-list">
        <li>
          <a id="open-data-csv" [href]="fileUrl('service-index.csv') + '&lang=' + lang()" download>{{
            'serviceIndex.openData.csv' | transloco
          }}</a>
        </li>
        <li>
          <a id="open-data-json" [href]="fileUrl('service-index')" target="_blank" rel="noopener">{{
            'serviceIndex.openData.json' | transloco
          }}</a>
        </li>
      </ul>
      <dvc-service-index-view [report]="r" [lang]="lang()" />
    } @else if (index.error()) {
      <div class="notice notice--error" role="alert">{{ problem() }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class PublicServiceIndexPage {
  protected readonly lang = inject(Language).current;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly params = toSignal(this.route.queryParams.pipe(map((q) => pickParams(q, ['month']))), {
    requireSync: true,
  });
  protected readonly index = inject(ReportsApi).publicServiceIndex(() => this.params());
  protected readonly month = computed(() => this.params()['month'] ?? thisMonth());
  protected readonly problem = computed(
    () => toApiProblem(this.index.error(), this.transloco.translate('serviceIndex.loadError')).message,
  );
  protected readonly day = shownDay;

  constructor() {
    pageTitle((t) => t('serviceIndex.publicTitle'));
  }

  /** The open data of the month shown (the CSV's headings in the page's language, which the link names). */
  protected fileUrl(file: string): string {
    return `/api/public/${file}?month=${encodeURIComponent(this.month())}`;
  }

  protected apply(event: Event): void {
    event.preventDefault();
    void this.router.navigate([], {
      queryParams: pickParams(new FormData(event.target as HTMLFormElement), ['month']),
    });
  }
}
