import { EXTRA_COPY_FEE_CASE, POST_DELIVERY_FEE_CASE, procedureForms } from '@portal/contracts';
import { demoProcedures } from '@portal/server/catalogue';
import { workflowOf } from '@portal/server/workflow';
import * as z from 'zod';
import { intakeChecksOf } from './intake/checks/registry';

/**
 * Every procedure with an online form has, on the server's side, every part a procedure
 * declares: its catalogue entry (names in vi and en, fee rules for each fee case, the
 * papers its form asks for), intake checks the worker runs, a state table the engine knows, and — when that table hands
 * the dossier on — what the agencies receive. A missing part fails here.
 */
describe('each registered procedure, on the server', () => {
  it.each(Object.values(procedureForms).map((form) => [form.code, form] as const))(
    '%s has its catalogue entry, workflow and hand-off',
    (code, form) => {
      const seed = demoProcedures.find((p) => p.code === code);
      expect(seed).toBeDefined();
      if (!seed) return;
      expect(seed.name.vi && seed.name.en).toBeTruthy();
      // Every fee case the form can give has a rule (on time at least; a late rule where the form charges it).
      expect(seed.fees.map((f) => f.case)).toContain('on_time');
      for (const fee of seed.fees)
        expect(['on_time', 'late', EXTRA_COPY_FEE_CASE, POST_DELIVERY_FEE_CASE]).toContain(fee.case);
      // A form with the result page has the copies and the post priced.
      if (form.steps.some((s) => s.id === 'delivery'))
        expect(seed.fees.map((f) => f.case)).toEqual(
          expect.arrayContaining([EXTRA_COPY_FEE_CASE, POST_DELIVERY_FEE_CASE]),
        );
      for (const paper of seed.requiredPapers) expect(paper.name.vi && paper.name.en).toBeTruthy();
      // The papers page asks only for papers the catalogue names.
      const papersPage = form.steps.find((s) => s.id === 'papers')?.schema;
      const uploads = papersPage instanceof z.ZodObject ? Object.keys(papersPage.shape) : [];
      expect(uploads.length).toBeGreaterThan(0);
      for (const upload of uploads) expect(seed.requiredPapers.map((p) => p.code)).toContain(upload);
      // Every intake check it names is one the worker runs.
      expect(form.intakeChecks.length).toBeGreaterThan(0);
      for (const check of intakeChecksOf(code)) expect(check?.run).toBeInstanceOf(Function);
      const workflow = workflowOf(seed.workflow);
      expect(workflow).toBeDefined();
      if (workflow?.transitions.some((t) => t.handOff)) expect(form.handOffPayload).toBeInstanceOf(Function);
    },
  );
});
