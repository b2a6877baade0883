import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The administrators' pages, side by side; the queue dashboard is the API's own page. */
@Component({
  selector: 'dvc-admin-nav',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 1.5rem;
      list-style: none;
      padding: 0;
      margin: 0 0 1.5rem;
    }
    .active {
      font-weight: 700;
      text-decoration: none;
    }
  `,
  template: `
    <nav [attr.aria-label]="'admin.nav' | transloco">
      <ul>
        <li>
          <a routerLink="/admin/procedures" routerLinkActive="active" ariaCurrentWhenActive="page">{{
            'admin.procedures.title' | transloco
          }}</a>
        </li>
        <li>
          <a routerLink="/admin/holidays" routerLinkActive="active" ariaCurrentWhenActive="page">{{
            'admin.holidaysLink' | transloco
          }}</a>
        </li>
        <li>
          <a href="/admin/queues">{{ 'admin.queues' | transloco }}</a>
        </li>
      </ul>
    </nav>
  `,
})
export class AdminNav {}
