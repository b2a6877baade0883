import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  isDevMode,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { initialLanguage, languageInterceptor, Session, TranslationLoader } from '@portal/web/data-access';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Who is signed in, and the CSRF token for later requests; the page need not wait for it.
    provideAppInitializer(() => {
      void inject(Session).resolve();
    }),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([languageInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideTransloco({
      config: {
        availableLangs: ['vi', 'en'],
        defaultLang: initialLanguage(),
        fallbackLang: 'vi',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: isDevMode() },
      },
      loader: TranslationLoader,
    }),
  ],
};
