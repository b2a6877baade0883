import { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Language as LanguageCode } from '@portal/contracts';

const STORAGE_KEY = 'dvc.language';

/** Vietnamese unless the person chose English before on this device. */
export function initialLanguage(): LanguageCode {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
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
  readonly current = signal<LanguageCode>(this.transloco.getActiveLang() === 'en' ? 'en' : 'vi');

  constructor() {
    this.document.documentElement.lang = this.current();
    this.remember(this.current());
  }

  /** Switches once the texts of the new language have arrived, so nothing shows half-translated. */
  use(code: LanguageCode): void {
    this.transloco.load(code).subscribe(() => {
      this.transloco.setActiveLang(code);
      this.current.set(code);
      this.document.documentElement.lang = code;
    });
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, code);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit.
    }
    this.remember(code);
  }

  /** Tells the server too (a cookie), which draws the next page's first view in this language (first-paint.ts). */
  private remember(code: LanguageCode): void {
    const wanted = `lang=${code}`;
    if (!this.document.cookie.split('; ').includes(wanted))
      this.document.cookie = `${wanted}; path=/; max-age=31536000; samesite=lax${
        this.document.location?.protocol === 'https:' ? '; secure' : ''
      }`;
  }
}

/** Tells the API which language its error messages should be in. */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  const language = inject(Language).current();
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};
