import { LINKED_BIRTH_REGISTRATION } from '@portal/contracts';
import type { ProcedurePages } from '../page-definition';
import { birthPages, birthPapersPage, birthRegistrationPages } from './birth-registration';

/** The linked procedure (LT.KS-TT-BHYT): birth registration's pages, then permanent residence and health insurance. */
export const linkedBirthRegistrationPages: ProcedurePages = {
  code: LINKED_BIRTH_REGISTRATION,
  pages: [
    ...birthPages,
    {
      id: 'residence',
      title: 'apply.residence.title',
      intro: 'apply.residence.intro',
      fields: [
        { name: 'permanentAddress', kind: 'textarea', label: 'apply.residence.permanentAddress' },
        { name: 'householdHeadName', kind: 'text', label: 'apply.residence.householdHeadName' },
        {
          name: 'householdHeadRelation',
          kind: 'text',
          label: 'apply.residence.householdHeadRelation',
          hint: 'apply.residence.relationHint',
        },
      ],
    },
    {
      id: 'healthInsurance',
      title: 'apply.healthInsurance.title',
      fields: [
        {
          name: 'initialClinic',
          kind: 'text',
          label: 'apply.healthInsurance.initialClinic',
          hint: 'apply.healthInsurance.initialClinicHint',
        },
      ],
    },
    birthPapersPage,
  ],
  // Free in every case (a late birth is registered on its own procedure).
  lateFeeText: 'apply.check.late',
  onTimeFeeText: 'apply.check.onTime',
  supplementPapers: birthRegistrationPages.supplementPapers,
};
