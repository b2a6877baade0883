import { ONLINE_FORM_PROCEDURES } from '../procedure-codes';
import { isValidationMessageKey } from '../validation';
import { intakeCheckNames } from './procedure-form';
import { procedureForms } from './registry';

/** Every registered procedure has every part a procedure must declare; a missing one fails here. */
describe('the procedure registry', () => {
  const forms = Object.values(procedureForms);

  it('has a form for each procedure that offers one online, and no other', () => {
    expect(Object.keys(procedureForms).sort()).toEqual([...ONLINE_FORM_PROCEDURES].sort());
  });

  it.each(forms.map((form) => [form.code, form] as const))('%s declares every part', (_code, form) => {
    expect(form.steps.length).toBeGreaterThan(0);
    for (const step of form.steps) expect(typeof step.schema.safeParse).toBe('function');
    expect(form.steps.map((s) => s.id)).toContain('ward');
    expect(form.steps.map((s) => s.id)).toContain('papers');
    expect(new Set(form.steps.map((s) => s.id)).size).toBe(form.steps.length);
    for (const part of [
      'crossPageRules',
      'requiredPapers',
      'feeCase',
      'subject',
      'contact',
      'unitCode',
      'duplicateKeys',
      'registryRecord',
      'result',
    ] as const)
      expect(typeof form[part]).toBe('function');
    expect(form.intakeChecks.length).toBeGreaterThan(0);
    for (const check of form.intakeChecks) expect(intakeCheckNames).toContain(check);
  });

  it('uses only the shared validation messages in its cross-page rules', () => {
    // The rules report with a typed key; this guards the messages the registry's procedures use at run time.
    for (const key of ['marriageCertificate', 'underSix', 'deathBeforeBirth', 'authorisationRequired'])
      expect(isValidationMessageKey(key)).toBe(true);
  });
});
