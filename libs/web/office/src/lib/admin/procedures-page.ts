import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, pageTitle, ProcedureAdminApi } from '@portal/web/data-access';
import { LocalizedPipe, VndPipe } from '@portal/web/ui';
import { AdminNav } from './admin-nav';

/**
 * The procedures as administrators see them: every one, taking applications or
 * stopped, with its time limit, fees and open dossiers, and a link to change it.
 */
@Component({
  selector: 'dvc-admin-procedures-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, VndPipe, AdminNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .numeric {
      text-align: right;
    }
    .fees {
      margin: 0;
      padding-left: 1.1rem;
    }
  `,
  template: `
    <span class="caption">{{ 'admin.caption' | transloco }}</span>
    <h1>{{ 'admin.procedures.title' | transloco }}</h1>
    <dvc-admin-nav />
    <p>{{ 'admin.procedures.intro' | transloco }}</p>
    @if (procedures.error()) {
      <div class="notice notice--error" role="alert">{{ 'admin.procedures.loadError' | transloco }}</div>
    } @else if (procedures.hasValue()) {
      <table class="table">
        <caption class="visually-hidden">
          {{
            'admin.procedures.title' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'admin.procedures.procedure' | transloco }}</th>
            <th scope="col">{{ 'admin.procedures.state' | transloco }}</th>
            <th scope="col">{{ 'admin.procedures.timeLimit' | transloco }}</th>
            <th scope="col">{{ 'admin.procedures.fees' | transloco }}</th>
            <th scope="col" class="numeric">{{ 'admin.procedures.openDossiers' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of procedures.value(); track p.code) {
            <tr>
              <td>
                <a [routerLink]="['/admin/procedures', p.code]">
                  {{ p.name | localized: lang() }}
                  <span class="visually-hidden">– {{ 'admin.procedures.edit' | transloco }}</span>
                </a>
                <span class="hint block">{{ p.code }}</span>
              </td>
              <td>
                <strong class="tag" [class.tag--grey]="!p.active">
                  {{ (p.active ? 'admin.procedures.active' : 'admin.procedures.stopped') | transloco }}
                </strong>
              </td>
              <td>
                {{ 'admin.procedures.unit.' + p.timeLimit.unit | transloco: { count: p.timeLimit.amount } }}
              </td>
              <td>
                <ul class="fees">
                  @for (fee of p.fees; track fee.case) {
                    <li>{{ fee.label | localized: lang() }}: {{ fee.amount | vnd }}</li>
                  }
                </ul>
              </td>
              <td class="numeric">{{ p.openDossiers }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ProceduresPage {
  protected readonly lang = inject(Language).current;
  protected readonly procedures = inject(ProcedureAdminApi).list();

  constructor() {
    pageTitle((t) => t('admin.procedures.title'));
  }
}
