import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OfficeRatingsPage } from '@portal/contracts';
import { Language, pageTitle } from '@portal/web/data-access';
import { LocalizedPipe, VnDatePipe } from '@portal/web/ui';

/** The citizens' ratings of the ward's service, for its leader (every ward's for auditors). */
@Component({
  selector: 'dvc-office-ratings-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'rating.officeTitle' | transloco }}</h1>
    @if (ratings.hasValue()) {
      @let page = ratings.value();
      @if (page.count === 0) {
        <p>{{ 'rating.none' | transloco }}</p>
      } @else {
        <p id="ratings-average">{{ 'rating.average' | transloco: { average: page.average, count: page.count } }}</p>
        <table class="table">
          <caption class="visually-hidden">
            {{
              'rating.officeTitle' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'dossier.code' | transloco }}</th>
              <th scope="col">{{ 'dossier.procedure' | transloco }}</th>
              <th scope="col">{{ 'rating.title' | transloco }}</th>
              <th scope="col">{{ 'rating.comment' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of page.rows; track r.dossierCode) {
              <tr>
                <td>
                  <a [routerLink]="['/office/dossiers', r.dossierCode]">{{ r.dossierCode }}</a>
                  <span class="hint block">{{ r.ratedAt | vnDate }}</span>
                </td>
                <td>{{ r.procedureName | localized: lang() }}</td>
                <td>{{ r.score }}/5</td>
                <td>{{ r.comment ?? '–' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else if (ratings.error()) {
      <div class="notice notice--error" role="alert">{{ 'rating.loadError' | transloco }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class RatingsPage {
  protected readonly lang = inject(Language).current;
  protected readonly ratings = httpResource<OfficeRatingsPage>(() => '/api/office/ratings');

  constructor() {
    pageTitle((t) => t('rating.officeTitle'));
  }
}
