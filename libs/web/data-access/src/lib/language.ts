import { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Language as LanguageCode } from '@portal/contracts';

/**
 * The language the page came in: the API draws it in the one the visitor chose (their `lang` cookie, read by
 * apps/api/src/first-paint.ts), else Vietnamese. Read from `<html lang>` because it costs nothing: a phone's first
 * look at `document.cookie` or localStorage is a synchronous round trip to the browser's own process, in the task
 * that draws the first page.
 */
export function initialLanguage(): LanguageCode {
  return globalThis.document?.documentElement.lang === 'en' ? 'en' : 'vi';
}

/** The language the portal speaks now; switching it re-renders every text. */
@Injectable({ providedIn: 'root' })
export class Language {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  readonly options: ReadonlyArray<{ code: LanguageCode; label: string }> = [
    { code: 'vi', label: 'Tiếng Việt' },
    { code: 'en', label: 'English' },
  ];
  /** At first the language of `<html lang>` (initialLanguage), which therefore needs no setting here. */
  readonly current = signal<LanguageCode>(this.transloco.getActiveLang() === 'en' ? 'en' : 'vi');

  /** Switches once the texts of the new language have arrived, so nothing shows half-translated. */
  use(code: LanguageCode): void {
    this.transloco.load(code).subscribe(() => {
      this.transloco.setActiveLang(code);
      this.current.set(code);
      this.document.documentElement.lang = code;
    });
    // Kept for a year in a cookie, so that the server draws the next pages in this language (first-paint.ts).
    this.document.cookie = `lang=${code}; path=/; max-age=31536000; samesite=lax${
      this.document.location?.protocol === 'https:' ? '; secure' : ''
    }`;
  }
}

/** Tells the API which language its error messages should be in. */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  const language = inject(Language).current();
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};
