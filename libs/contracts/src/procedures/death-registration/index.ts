import { DEATH_REGISTRATION } from '../../procedure-codes';
import { deliveryStep, wardStep } from '../fields';
import type { ProcedureForm } from '../procedure-form';
import { deathCrossPageRules, deathDuplicateKeys, deathFeeCase, deathPapers } from './rules';
import { deathRegistryRecord, deathResult } from './result';
import { deathPapersStep, deathStep, declarantStep, deceasedStep, type DeathApplication } from './steps';

export * from './steps';
export * from './rules';
export * from './result';

const death = (application: Record<string, unknown>) => application as unknown as DeathApplication;

/**
 * Đăng ký khai tử (1.000656): Law on Civil Status 2014 art. 33–34, Decree 123/2015/NĐ-CP.
 * The deceased, the death, the declarant (a relative, else the organisation concerned), the ward
 * of the deceased's last residence, and the death notice.
 */
export const deathRegistrationForm: ProcedureForm = {
  code: DEATH_REGISTRATION,
  steps: [
    { id: 'deceased', schema: deceasedStep },
    { id: 'death', schema: deathStep },
    { id: 'declarant', schema: declarantStep },
    { id: 'ward', schema: wardStep },
    { id: 'delivery', schema: deliveryStep },
    { id: 'papers', schema: deathPapersStep },
  ],
  crossPageRules: deathCrossPageRules,
  requiredPapers: deathPapers,
  feeCase: deathFeeCase,
  subject: (application) => ({ fullName: death(application).deceased.fullName }),
  contact: (application) => {
    const { fullName, phone, email } = death(application).declarant;
    return { fullName, phone, ...(email ? { email } : {}) };
  },
  unitCode: (application) => death(application).ward.unitCode,
  duplicateKeys: deathDuplicateKeys,
  intakeChecks: ['papers', 'duplicates'],
  registryRecord: deathRegistryRecord,
  result: deathResult,
};
