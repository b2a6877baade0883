import { computed, Signal } from '@angular/core';
import { fieldProblems, isValidationMessageKey, validationMessages, type Language } from '@portal/contracts';
import type { FieldError } from '@portal/web/ui';
import type { z } from 'zod';

/** A problem with a form field: a shared message key when there is one, or the API's own words. */
export interface FormProblem {
  field: string;
  code?: string;
  message: string;
}

/** Checks form values with the same schema the API uses; empty when all is well. */
export function validate(schema: z.ZodType, value: unknown, language: Language): FormProblem[] {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? [] : fieldProblems(result.error, language);
}

/** Problems from an API answer (see toApiProblem); a problem without fields is put on the given field. */
export function problemsFromApi(
  problem: { message: string; fields: FormProblem[] },
  generalField: string,
): FormProblem[] {
  return problem.fields.length ? problem.fields : [{ field: generalField, message: problem.message }];
}

/** The problems in the page's current language, for the summary and the fields. */
export function displayedProblems(problems: Signal<FormProblem[]>, language: Signal<Language>) {
  const list = computed<FieldError[]>(() =>
    problems().map((p) => ({
      field: p.field,
      message: p.code && isValidationMessageKey(p.code) ? validationMessages[p.code][language()] : p.message,
    })),
  );
  const byField = computed(() => Object.fromEntries(list().map((p) => [p.field, p.message])) as Record<string, string>);
  return { list, byField };
}
