import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  isDevMode,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  withComponentInputBinding,
  withDisabledInitialNavigation,
  withInMemoryScrolling,
} from '@angular/router';
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { initialLanguage, languageInterceptor, TranslationLoader } from '@portal/web/data-access';
import { firstValueFrom } from 'rxjs';
import { appRoutes } from './app.routes';

/** The language the API drew the page in. */
const language = initialLanguage();

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // The first page is drawn with its words (the start script preloads the page language's), so no text appears
    // late and pushes the page about. Should they fail to arrive, the page shows anyway.
    // Then a pause before drawing: reading the texts and drawing the page are two shorter tasks, not one long one
    // that keeps a slow phone from answering a tap.
    provideAppInitializer(() =>
      firstValueFrom(inject(TranslocoService).load(language))
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => new Promise<void>((resolve) => setTimeout(resolve))),
    ),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([languageInterceptor])),
    // main.ts starts the first navigation itself, after the shell is drawn.
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withDisabledInitialNavigation(),
    ),
    provideTransloco({
      config: {
        availableLangs: ['vi', 'en'],
        defaultLang: language,
        fallbackLang: 'vi',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: isDevMode() },
      },
      loader: TranslationLoader,
    }),
  ],
};
