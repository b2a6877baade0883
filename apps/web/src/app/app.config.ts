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
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { initialLanguage, languageInterceptor, Session, TranslationLoader } from '@portal/web/data-access';
import { firstValueFrom } from 'rxjs';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Who is signed in, and the CSRF token for later requests; the page need not wait for it.
    provideAppInitializer(() => {
      void inject(Session).resolve();
    }),
    // The first page is drawn with its words (index.html preloads the Vietnamese ones), so no text appears
    // late and pushes the page about. Should they fail to arrive, the page shows anyway.
    provideAppInitializer(() =>
      firstValueFrom(inject(TranslocoService).load(initialLanguage())).then(
        () => undefined,
        () => undefined,
      ),
    ),
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
