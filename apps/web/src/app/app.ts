import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, Session } from '@portal/web/data-access';
import { filter } from 'rxjs';

/** The shell: skip link, header with the language switch, the page, the footer. */
@Component({
  selector: 'dvc-root',
  imports: [RouterOutlet, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ 'shell.skipToContent' | transloco }}</a>
    <header>
      <div class="site-header">
        <div class="container site-header__inner">
          <a routerLink="/" class="site-header__brand">
            <svg aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 32 32">
              <rect width="32" height="32" rx="6" fill="#fff" fill-opacity=".15" />
              <path d="M16 6l2.4 7.2H26l-6.1 4.5 2.3 7.3L16 20.5 9.8 25l2.3-7.3L6 13.2h7.6z" fill="#ffd400" />
            </svg>
            <span>{{ 'shell.portalName' | transloco }}</span>
          </a>
          <nav class="account-nav" [attr.aria-label]="'shell.account' | transloco">
            <a routerLink="/status">{{ 'shell.statusLookup' | transloco }}</a>
            @if (session.user(); as user) {
              @if (user.roles.includes('clerk') || user.roles.includes('leader') || user.roles.includes('auditor')) {
                <a routerLink="/office">{{ 'shell.office' | transloco }}</a>
              }
              @if (user.roles.includes('admin')) {
                <a routerLink="/admin/procedures">{{ 'shell.admin' | transloco }}</a>
              }
              <a routerLink="/dossiers">{{ 'shell.myDossiers' | transloco }}</a>
              <a routerLink="/account" class="account-nav__name">{{ user.fullName }}</a>
              <button type="button" class="link-button" (click)="signOut()">{{ 'shell.signOut' | transloco }}</button>
            } @else if (session.user() === null) {
              <a routerLink="/sign-in">{{ 'shell.signIn' | transloco }}</a>
            } @else {
              <!-- Until the session is known: the sign-in link's room, so nothing moves when it appears. -->
              <span class="account-nav__placeholder" aria-hidden="true">{{ 'shell.signIn' | transloco }}</span>
            }
          </nav>
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
      </div>
      <div class="phase-banner container">
        <strong class="tag">{{ 'shell.phase' | transloco }}</strong>
        <span>{{ 'shell.phaseText' | transloco }}</span>
      </div>
    </header>
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
  protected readonly session = inject(Session);
  private readonly router = inject(Router);

  constructor() {
    const router = inject(Router);
    let first = true;
    const subscription = router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => {
      // Move focus to the new page's heading so that screen-reader users hear the page change.
      if (first) {
        first = false;
        return;
      }
      focusHeadingWhenShown();
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
    // Who is signed in, and the CSRF token for later requests: asked once the first page is drawn, which
    // need not wait for it (the header keeps the sign-in link's room; guards ask for it themselves) — in a task
    // of its own, not the long one that draws the page.
    afterNextRender(() => setTimeout(() => void this.session.resolve()));
  }

  protected async signOut(): Promise<void> {
    await this.session.logout();
    await this.router.navigateByUrl('/sign-in');
  }

  /** The skip link focuses the main content itself: a fragment link would resolve against <base href>. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}

/**
 * Pages render their heading once their data has arrived; wait for it (briefly).
 * A page that arrives with news of what just happened (a notice marked
 * `data-focus-first`) has that read out first instead.
 */
function focusHeadingWhenShown(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const focus = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    const news = main.querySelector<HTMLElement>('[data-focus-first]');
    if (news) {
      news.focus();
      return true;
    }
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    return true;
  };
  if (focus()) return;
  const observer = new MutationObserver(() => {
    if (focus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 5000);
}
