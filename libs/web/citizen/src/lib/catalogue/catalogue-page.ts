import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, pageTitle, ProceduresApi } from '@portal/web/data-access';
import { LocalizedPipe } from '@portal/web/ui';
import { TimeLimitPipe } from '../time-limit.pipe';

/** The landing page: what the portal does and the procedures one can apply for. */
@Component({
  selector: 'dvc-catalogue-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, TimeLimitPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'catalogue.title' | transloco }}</h1>
    <p class="lead">{{ 'catalogue.lead' | transloco }}</p>

    <form class="search" role="search" (submit)="$event.preventDefault()">
      <label for="procedure-search">{{ 'catalogue.searchLabel' | transloco }}</label>
      <input
        id="procedure-search"
        type="search"
        autocomplete="off"
        [value]="query()"
        (input)="query.set($any($event.target).value)"
        [attr.aria-describedby]="'procedure-count'"
      />
    </form>

    @if (procedures.error()) {
      <div class="notice notice--error" role="alert">{{ 'catalogue.loadError' | transloco }}</div>
    } @else if (procedures.isLoading() && !procedures.hasValue()) {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else {
      <h2 class="visually-hidden">{{ 'catalogue.listHeading' | transloco }}</h2>
      <p id="procedure-count" class="hint" aria-live="polite">
        {{ 'catalogue.count' | transloco: { count: filtered().length } }}
      </p>
      <ul class="procedure-list">
        @for (procedure of filtered(); track procedure.code) {
          <li class="procedure-card">
            <h3 class="procedure-card__title">
              <a [routerLink]="['/procedures', procedure.code]">{{ procedure.name | localized: lang() }}</a>
            </h3>
            <p class="procedure-card__meta">
              <span>{{ 'procedure.code' | transloco }}: {{ procedure.code }}</span>
              <span>{{ procedure.field | localized: lang() }}</span>
              <span class="tag tag--green">{{ 'procedure.level.' + procedure.serviceLevel | transloco }}</span>
            </p>
            <p class="procedure-card__meta">
              <span>{{ 'procedure.timeLimit' | transloco }}: {{ procedure.timeLimit | timeLimit: lang() }}</span>
              <span>
                {{ 'procedure.fee' | transloco }}:
                {{
                  procedure.minimumFee === 0
                    ? ('procedure.free' | transloco)
                    : ('procedure.from' | transloco: { amount: procedure.minimumFee })
                }}
              </span>
            </p>
          </li>
        } @empty {
          <li>{{ 'catalogue.noMatch' | transloco }}</li>
        }
      </ul>
    }
  `,
})
export class CataloguePage {
  protected readonly procedures = inject(ProceduresApi).list();
  protected readonly lang = inject(Language).current;
  protected readonly query = signal('');

  protected readonly filtered = computed(() => {
    const all = this.procedures.hasValue() ? this.procedures.value() : [];
    // Nothing typed: no folding (its first use loads Unicode data, which a slow phone feels on arrival).
    if (!this.query().trim()) return all;
    const words = fold(this.query()).split(/\s+/).filter(Boolean);
    return all.filter((p) => {
      const haystack = fold(`${p.code} ${p.name.vi} ${p.name.en} ${p.field.vi} ${p.field.en}`);
      return words.every((word) => haystack.includes(word));
    });
  });

  constructor() {
    pageTitle((t) => t('catalogue.title'));
  }
}

/** Lower case without diacritics, so "dang ky khai sinh" finds "Đăng ký khai sinh". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
