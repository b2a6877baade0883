import './zod-config';
import { createApplication } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { appConfig } from './app/app.config';
import { App } from './app/app';

/** A pause in which the browser may answer a tap, so that no one task of the start is long on a slow phone. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The app starts beside the first view the API drew (apps/api/src/first-paint.ts), not over it: it draws itself
 * into an element off the page, in short tasks — the shell, then the page the address names — and takes the first
 * view's place in one step once that page is complete (Angular stable: the route's code, its data and the session
 * arrived). Until then the reader keeps the first view, whose links are plain links; the step changes no box
 * (catalogue.spec.ts, "nothing moves"). A page that takes longer than a few seconds is shown as it is then.
 */
async function start(): Promise<void> {
  const app = await createApplication(appConfig);
  const host = document.createElement('dvc-root');
  const focus = keepFocusUntilShown(host);
  app.bootstrap(App, host);
  await pause();
  // Initial navigation is off in app.config.ts, so that the page is drawn in a task after the shell's.
  // The session's request was queued by the shell's first render (app.ts), before this pause, so it is pending too.
  void app.injector.get(Router).initialNavigation();
  await Promise.race([app.whenStable(), new Promise((resolve) => setTimeout(resolve, 4000))]);
  const firstView = document.querySelector('dvc-root');
  if (firstView) firstView.replaceWith(host);
  else document.body.prepend(host);
  focus.apply();
}

/**
 * An element off the page cannot take focus, yet a page may ask for it as it is first drawn (the sign-in page's
 * notice that the eID sign-in failed, an error summary): such a request is kept and carried out once the page is shown.
 */
function keepFocusUntilShown(host: HTMLElement): { apply(): void } {
  const focus = HTMLElement.prototype.focus;
  let wanted: { element: HTMLElement; options?: FocusOptions } | undefined;
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    if (!this.isConnected && host.contains(this)) wanted = { element: this, options };
    else focus.call(this, options);
  };
  return {
    apply() {
      HTMLElement.prototype.focus = focus;
      if (wanted?.element.isConnected) wanted.element.focus(wanted.options);
    },
  };
}

start().catch((error: unknown) => console.error(error));
