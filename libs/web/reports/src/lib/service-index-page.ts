import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApplicationsApi, Language, pageTitle, ReportsApi, Session, toApiProblem } from '@portal/web/data-access';
import { LocalizedPipe } from '@portal/web/ui';
import { map } from 'rxjs';
import { pickParams, provincesOf, shownDay, thisMonth } from './report-params';
import { ServiceIndexView } from './service-index-view';

/**
 * The citizen-service index (Decision 766) for auditors, every ward (or a province's), and for a
 * ward's leader, their own: a month and a province in the address, the six cards, each indicator
 * with its formula, inputs, score and maximum, the wards ranked.
 */
@Component({
  selector: 'dvc-service-index-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, ServiceIndexView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <a routerLink="/reports">‹ {{ 'reports.title' | transloco }}</a>
    </p>
    <h1>{{ 'serviceIndex.title' | transloco }}</h1>
    <p>{{ 'serviceIndex.intro' | transloco }}</p>
    <form class="filter-bar" id="index-filters" (submit)="apply($event)" novalidate>
      <div class="form-group">
        <label class="label" for="index-month">{{ 'serviceIndex.filter.month' | transloco }}</label>
        <input class="input" type="month" id="index-month" name="month" [value]="month()" />
      </div>
      @if (everyWard()) {
        <div class="form-group">
          <label class="label" for="index-province">{{ 'serviceIndex.filter.province' | transloco }}</label>
          <select class="input select" id="index-province" name="provinceCode">
            <option value="">{{ 'serviceIndex.filter.allProvinces' | transloco }}</option>
            @for (p of provinces(); track p.code) {
              <option [value]="p.code" [selected]="params()['provinceCode'] === p.code">
                {{ p.name | localized: lang() }}
              </option>
            }
          </select>
        </div>
      }
      <div class="form-group">
        <button class="button" type="submit">{{ 'serviceIndex.filter.show' | transloco }}</button>
      </div>
    </form>
    @if (index.hasValue()) {
      @let r = index.value();
      <p id="index-period">
        {{ 'serviceIndex.periodShown' | transloco: { from: day(r.period.from), to: day(r.period.to) } }}
      </p>
      <dvc-service-index-view [report]="r" [lang]="lang()" />
    } @else if (index.error()) {
      <div class="notice notice--error" role="alert">{{ problem() }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ServiceIndexPage {
  protected readonly lang = inject(Language).current;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(Session);
  protected readonly params = toSignal(
    this.route.queryParams.pipe(map((q) => pickParams(q, ['month', 'provinceCode', 'page']))),
    { requireSync: true },
  );
  protected readonly index = inject(ReportsApi).serviceIndex(() => this.params());
  protected readonly units = inject(ApplicationsApi).units();
  /** Auditors choose the province; a leader's index is their ward's. */
  protected readonly everyWard = computed(() => !this.session.user()?.unitCode);
  protected readonly provinces = computed(() => provincesOf(this.units.value() ?? []));
  protected readonly month = computed(() => this.params()['month'] ?? thisMonth());
  protected readonly problem = computed(
    () => toApiProblem(this.index.error(), this.transloco.translate('serviceIndex.loadError')).message,
  );
  protected readonly day = shownDay;

  constructor() {
    pageTitle((t) => t('serviceIndex.title'));
  }

  protected apply(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void this.router.navigate([], { queryParams: pickParams(form, ['month', 'provinceCode']) });
  }
}
