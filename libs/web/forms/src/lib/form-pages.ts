import type { PageDefinition } from './page-definition';
import { formPagesOf } from './procedures/registry';

export * from './page-definition';
export { formPages, formPagesOf } from './procedures/registry';

export function pagesOf(procedureCode: string): PageDefinition[] {
  return formPagesOf(procedureCode)?.pages ?? [];
}

/** The values a page sends: hidden fields are left out; an absent parent is just `{ absent: true }`. */
export function valuesToSend(page: PageDefinition, values: Record<string, unknown>): Record<string, unknown> {
  if (values['absent'] === true) return { absent: true };
  const result: Record<string, unknown> = {};
  for (const field of page.fields) {
    if (field.showIf && !field.showIf(values)) continue;
    const value = values[field.name];
    if (field.kind === 'checkbox') result[field.name] = value === true;
    else if (value !== '' && value !== null && value !== undefined) result[field.name] = value;
  }
  return result;
}
