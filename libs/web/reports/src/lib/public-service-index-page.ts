import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { todayInVietnam, type ServiceIndexReport } from '@portal/contracts';
import { Language, pageTitle, toApiProblem } from '@portal/web/data-access';
import { map } from 'rxjs';
import { shownDay } from './report-params';
import { serviceIndexParamsOf } from './service-index-page';
import { ServiceIndexView } from './service-index-view';

/**
 * The citizen-service index in public (no sign-in): every ward's, for a month in the address, with
 * the same figures to download as open data (CSV and JSON).
 */
@Component({
  selector: 'dvc-public-service-index-page',
  imports: [TranslocoPipe, ServiceIndexView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .report-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      list-style: none;
      padding: 0;
    }
  `,
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
      <ul class="report-links">
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
  protected readonly params = toSignal(this.route.queryParams.pipe(map((q) => serviceIndexParamsOf(q, ['month']))), {
    requireSync: true,
  });
  protected readonly index = httpResource<ServiceIndexReport>(() => ({
    url: '/api/public/service-index',
    params: this.params(),
  }));
  protected readonly month = computed(() => this.params()['month'] ?? todayInVietnam().slice(0, 7));
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
    const form = new FormData(event.target as HTMLFormElement);
    void this.router.navigate([], {
      queryParams: serviceIndexParamsOf({ month: form.get('month'), provinceCode: form.get('provinceCode') }, [
        'month',
      ]),
    });
  }
}
