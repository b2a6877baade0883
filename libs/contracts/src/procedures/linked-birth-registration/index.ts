import * as z from 'zod';
import { LINKED_BIRTH_REGISTRATION } from '../../procedure-codes';
import { personName, requiredText } from '../fields';
import type { ProcedureForm } from '../procedure-form';
import {
  birthPapersStep,
  birthRegistrationParts,
  birthSteps,
  daysSinceBirth,
  marriageCertificateRule,
} from '../birth-registration';
import type { BirthApplication } from '../birth-registration';

/** Where the child will be registered as a permanent resident. */
export const residenceStep = z.object({
  permanentAddress: requiredText(300),
  householdHeadName: personName,
  householdHeadRelation: requiredText(50),
});

/** The health insurance card. */
export const healthInsuranceStep = z.object({
  initialClinic: requiredText(200),
});

/** What the partner agencies (residence police, social insurance) receive once the birth is registered. */
function agencyPayload(application: Record<string, unknown>): Record<string, unknown> {
  const data = application as Partial<BirthApplication> & {
    residence?: { permanentAddress?: string };
    healthInsurance?: { initialClinic?: string };
  };
  return {
    childName: data.child?.fullName,
    dateOfBirth: data.child?.dateOfBirth,
    permanentAddress: data.residence?.permanentAddress,
    initialClinic: data.healthInsurance?.initialClinic,
  };
}

/**
 * Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi (Decree 63/2024/NĐ-CP):
 * birth registration's pages plus the residence and health insurance pages; free; only under six.
 */
export const linkedBirthRegistrationForm: ProcedureForm = {
  code: LINKED_BIRTH_REGISTRATION,
  steps: [
    ...birthSteps,
    { id: 'residence', schema: residenceStep },
    { id: 'healthInsurance', schema: healthInsuranceStep },
    birthPapersStep,
  ],
  crossPageRules: (application, report, channel, today) => {
    marriageCertificateRule(application, report, channel);
    const { child } = application as unknown as BirthApplication;
    if (daysSinceBirth(child.dateOfBirth, today) >= 6 * 365.25) report(['child', 'dateOfBirth'], 'underSix');
  },
  // The linked procedure has one fee rule: on time (a late birth is registered on its own).
  feeCase: () => 'on_time',
  ...birthRegistrationParts,
  handOffPayload: agencyPayload,
};
