import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { procedureForms } from '@portal/contracts';
import { formPagesOf } from './registry';

/** Every procedure with a form has its web pages, matching its schemas, with every text in Vietnamese and English. */
const texts = Object.fromEntries(
  (['vi', 'en'] as const).map((lang) => [
    lang,
    JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/web/public/i18n', `${lang}.json`), 'utf8')),
  ]),
) as Record<'vi' | 'en', Record<string, unknown>>;

const has = (lang: 'vi' | 'en', key: string) =>
  typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], texts[lang]) ===
  'string';

describe('the web forms registry', () => {
  it.each(Object.values(procedureForms).map((form) => [form.code, form] as const))(
    '%s has its pages and their texts',
    (code, form) => {
      const pages = formPagesOf(code);
      expect(pages).toBeDefined();
      if (!pages) return;
      expect(pages.pages.map((p) => p.id)).toEqual(form.steps.map((s) => s.id));
      const keys = [
        pages.lateFeeText,
        pages.onTimeFeeText,
        ...pages.supplementPapers.map((code) => `apply.papers.${code}`),
        ...pages.pages.flatMap((page) => [
          page.title,
          ...(page.intro ? [page.intro] : []),
          ...page.fields.flatMap((field) => [
            field.label,
            ...(field.hint ? [field.hint] : []),
            ...(field.options ?? []).map((o) => o.label),
          ]),
        ]),
      ];
      // A paper is named `apply.papers.<code>` wherever it is shown (the dossier, the paper viewer, supplement requests).
      const papers = pages.pages.flatMap((page) => page.fields.filter((f) => f.kind === 'file'));
      for (const paper of papers) expect(paper.label).toBe(`apply.papers.${paper.name}`);
      for (const lang of ['vi', 'en'] as const) expect(keys.filter((key) => !has(lang, key))).toEqual([]);
    },
  );
});
