import type { ProcedureDetail, ProcedureSummary, TimeLimit } from '@portal/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PageLanguage = 'vi' | 'en';

/** The public catalogue, as its API answers it. */
export interface CatalogueLookup {
  /** The procedures one can apply for, in the catalogue's order. */
  procedures(): Promise<ProcedureSummary[]>;
  /** A procedure by its code, or undefined when there is none. */
  procedure(code: string): Promise<ProcedureDetail | undefined>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The language a page is first drawn in: the one the visitor chose (the app's `lang` cookie), else Vietnamese. */
export function pageLanguage(cookie: string | undefined): PageLanguage {
  return /(?:^|;\s*)lang=en(?:;|$)/.test(cookie ?? '') ? 'en' : 'vi';
}

/**
 * What a page shows before its scripts arrive. index.html holds the shell the app draws first — skip link,
 * header, phase banner, an empty `<main>` — with `{{key}}` for its texts; here it is filled in the visitor's
 * language from the build's own translation files, and the public pages where people arrive get their first
 * lines in `<main>`: the landing page its heading, lead, search box and the procedures' cards, a procedure page
 * its field, name and description, the status lookup its heading and explanation.
 * The app then draws the same boxes over them (apps/web/src/index-shell.spec.ts and first-paint.spec.ts keep
 * the two alike), so the reader sees the page at once and nothing moves when the scripts start.
 */
export class FirstPaint {
  private readonly shells: Record<PageLanguage, string>;
  private readonly texts: Record<PageLanguage, Record<string, unknown>>;

  constructor(
    root: string,
    private readonly catalogue?: CatalogueLookup,
  ) {
    const index = readFileSync(join(root, 'index.html'), 'utf8');
    const read = (language: PageLanguage) => {
      const path = join(root, 'i18n', `${language}.json`);
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
    };
    this.texts = { vi: read('vi'), en: read('en') };
    const shell = (language: PageLanguage) =>
      index
        .replace(/<html lang="[a-z]+"/, `<html lang="${language}"`)
        .replace(/\{\{language\.(vi|en)\}\}/g, (_, code: string) => String(code === language))
        .replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => escapeHtml(this.text(language, key)));
    this.shells = { vi: shell('vi'), en: shell('en') };
  }

  /** The page as first sent: the shell in `language`, with the page's first lines when it is one of those. */
  async page(path: string, language: PageLanguage): Promise<string> {
    const lines = await this.lines(path, language);
    // The skip link leads to this page's main box (under <base href="/"> a bare fragment would lead home).
    const shell = this.shells[language].replace('href="#main"', `href="${escapeHtml(encodeURI(path))}#main"`);
    return lines ? shell.replace('<!--page-->', lines) : shell;
  }

  private async lines(path: string, language: PageLanguage): Promise<string | undefined> {
    const t = (key: string, params?: Record<string, string | number>) => escapeHtml(this.text(language, key, params));
    // As the app's `localized` pipe shows them: the language's own text.
    const say = (text: { vi: string; en: string }) => escapeHtml(text[language] ?? '');
    if (path === '/') {
      // The catalogue page (catalogue-page.ts) as it first draws, nothing typed in its search box — which takes
      // no typing until the app's own box replaces it, so nothing typed is lost.
      const procedures = this.catalogue ? await this.catalogue.procedures() : [];
      const cards = procedures.map(
        (p) =>
          `<li class="procedure-card"><h3 class="procedure-card__title"><a href="/procedures/${escapeHtml(p.code)}">` +
          `${say(p.name)}</a></h3><p class="procedure-card__meta"><span>${t('procedure.code')}: ${escapeHtml(p.code)}` +
          `</span><span>${say(p.field)}</span><span class="tag tag--green">${t(`procedure.level.${p.serviceLevel}`)}` +
          `</span></p><p class="procedure-card__meta"><span>${t('procedure.timeLimit')}: ` +
          `${escapeHtml(this.timeLimit(p.timeLimit, language))}</span><span> ${t('procedure.fee')}: ` +
          `${p.minimumFee === 0 ? t('procedure.free') : t('procedure.from', { amount: p.minimumFee })} </span></p></li>`,
      );
      return (
        `<h1>${t('catalogue.title')}</h1><p class="lead">${t('catalogue.lead')}</p>` +
        `<form class="search" role="search"><label for="procedure-search">${t('catalogue.searchLabel')}</label>` +
        `<input id="procedure-search" type="search" autocomplete="off" aria-describedby="procedure-count" readonly></form>` +
        `<h2 class="visually-hidden">${t('catalogue.listHeading')}</h2>` +
        `<p id="procedure-count" class="hint" aria-live="polite"> ${t('catalogue.count', { count: procedures.length })} </p>` +
        `<ul class="procedure-list">${cards.join('')}</ul>`
      );
    }
    if (path === '/status') {
      // The status lookup's heading and explanation (status-lookup-page.ts), and the room its form is drawn in
      // once its chunk arrives — no fields here, so nothing typed before the app starts can be lost.
      return (
        `<div class="narrow"><h1>${t('lookup.title')}</h1><p>${t('lookup.lead')}</p>` +
        `<div class="status-lookup__placeholder"></div></div>`
      );
    }
    const code = /^\/procedures\/([A-Za-z0-9._-]{1,32})$/.exec(path)?.[1];
    const procedure = code && this.catalogue ? await this.catalogue.procedure(code) : undefined;
    if (!procedure) return undefined;
    return (
      `<a href="/" class="back-link">${t('common.back')}</a>` +
      `<span class="caption">${say(procedure.field)}</span>` +
      `<h1>${say(procedure.name)}</h1><p class="lead">${say(procedure.description)}</p>`
    );
  }

  /** As the app's `timeLimit` pipe writes it. */
  private timeLimit(limit: TimeLimit, language: PageLanguage): string {
    if (limit.amount === 0 && limit.unit === 'working_days') return this.text(language, 'procedure.sameDay');
    return this.text(language, `procedure.unit.${limit.unit}`, { count: limit.amount });
  }

  /**
   * A text of the translation file by its dotted key (the Vietnamese one when the language lacks it), its
   * `{{ name }}` parameters filled in as transloco does.
   */
  private text(language: PageLanguage, key: string, params: Record<string, string | number> = {}): string {
    const find = (texts: Record<string, unknown>) =>
      key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], texts);
    const found = find(this.texts[language]) ?? find(this.texts.vi);
    if (typeof found !== 'string') return '';
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }
}
