import { effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TranslocoService } from '@jsverse/transloco';
import { Language } from './language';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Keeps the browser tab's title as "<what the page says> – <the portal's name>",
 * in the current language, following any signal `parts` reads. Call from an
 * injection context (a constructor or field initialiser). `parts` returns the
 * title's parts, most specific first, or nothing while the page has none yet.
 */
export function pageTitle(parts: (t: Translate) => string | readonly string[] | undefined): void {
  const title = inject(Title);
  const transloco = inject(TranslocoService);
  const language = inject(Language).current;
  effect(() => {
    language();
    const t: Translate = (key, params) => transloco.translate(key, params);
    const own = parts(t);
    if (own === undefined) return;
    title.setTitle([...[own].flat(), t('shell.portalName')].join(' – '));
  });
}
