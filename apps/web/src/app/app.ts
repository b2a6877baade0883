import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from '@portal/web/data-access';
import { filter } from 'rxjs';

/** The shell: skip link, header with the language switch, the page, the footer. */
@Component({
  selector: 'dvc-root',
  imports: [RouterOutlet, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main">{{ 'shell.skipToContent' | transloco }}</a>
    <header class="site-header">
      <div class="container site-header__inner">
        <a routerLink="/" class="site-header__brand">
          <svg aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="6" fill="#fff" fill-opacity=".15" />
            <path d="M16 6l2.4 7.2H26l-6.1 4.5 2.3 7.3L16 20.5 9.8 25l2.3-7.3L6 13.2h7.6z" fill="#ffd400" />
          </svg>
          <span>{{ 'shell.portalName' | transloco }}</span>
        </a>
        <nav class="language-switch" [attr.aria-label]="'shell.language' | transloco">
          @for (option of language.options; track option.code) {
            <button
              type="button"
              [attr.lang]="option.code"
              [attr.aria-pressed]="language.current() === option.code"
              (click)="language.use(option.code)"
            >
              {{ option.label }}
            </button>
          }
        </nav>
      </div>
    </header>
    <div class="phase-banner container">
      <strong class="tag">{{ 'shell.phase' | transloco }}</strong>
      <span>{{ 'shell.phaseText' | transloco }}</span>
    </div>
    <main id="main" class="container" tabindex="-1">
      <router-outlet />
    </main>
    <footer class="site-footer">
      <div class="container">
        <p>{{ 'shell.footer' | transloco }}</p>
      </div>
    </footer>
  `,
})
export class App {
  protected readonly language = inject(Language);

  constructor() {
    const router = inject(Router);
    let first = true;
    const subscription = router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => {
      // Move focus to the new page's heading so screen-reader users hear the page change.
      if (first) {
        first = false;
        return;
      }
      setTimeout(() => {
        const heading = document.querySelector<HTMLElement>('main h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
      });
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}
