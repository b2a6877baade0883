import { BIRTH_REGISTRATION } from '../../procedure-codes';
import { deliveryStep, wardStep } from '../fields';
import type { FormStepDefinition, ProcedureForm } from '../procedure-form';
import { birthFeeCase, birthRegistrationParts, marriageCertificateRule } from './rules';
import { birthPlaceStep, childStep, fatherStep, informantStep, motherStep, originStep, papersStep } from './steps';

export * from './steps';
export * from './rules';
export * from './result';

/** The pages birth registration shares with the linked procedure, before the papers. */
export const birthSteps: FormStepDefinition[] = [
  { id: 'child', schema: childStep },
  { id: 'birthPlace', schema: birthPlaceStep },
  { id: 'origin', schema: originStep },
  { id: 'mother', schema: motherStep },
  { id: 'father', schema: fatherStep },
  { id: 'informant', schema: informantStep },
  { id: 'ward', schema: wardStep },
  { id: 'delivery', schema: deliveryStep },
];

export const birthPapersStep: FormStepDefinition = { id: 'papers', schema: papersStep };

/** Đăng ký khai sinh (1.001193): Law on Civil Status 2014 art. 13–17, Decree 123/2015/NĐ-CP. */
export const birthRegistrationForm: ProcedureForm = {
  code: BIRTH_REGISTRATION,
  steps: [...birthSteps, birthPapersStep],
  crossPageRules: (application, report, channel) => marriageCertificateRule(application, report, channel),
  feeCase: birthFeeCase,
  ...birthRegistrationParts,
};
