import { BIRTH_REGISTRATION, informantRelations } from '@portal/contracts';
import {
  contactFields,
  deliveryPage,
  type FieldDefinition,
  type PageDefinition,
  type PrefillSource,
  type ProcedurePages,
} from '../page-definition';

/** Birth registration (1.001193): the pages of its form (texts under `apply.`). */

/** With a verified national eID, the signed-in person's own parent page (by their sex) is filled from the identity. */
const parentFromIdentity =
  (page: 'mother' | 'father') =>
  (user: PrefillSource): Record<string, unknown> =>
    user.identity && (user.identity.sex === 'female' ? 'mother' : 'father') === page
      ? {
          absent: false,
          fullName: user.fullName,
          dateOfBirth: user.identity.dateOfBirth,
          nationality: 'Việt Nam',
          personalId: user.identity.personalId,
          residence: user.identity.permanentAddress,
        }
      : {};

const notAbsent = (values: Record<string, unknown>) => values['absent'] !== true;

const parentFields = (who: 'mother' | 'father'): FieldDefinition[] => [
  { name: 'absent', kind: 'checkbox', label: `apply.${who}.absent` },
  {
    name: 'fullName',
    kind: 'text',
    label: 'apply.person.fullName',
    hint: 'apply.person.fullNameHint',
    showIf: notAbsent,
  },
  { name: 'dateOfBirth', kind: 'date', label: 'apply.person.dateOfBirth', showIf: notAbsent },
  { name: 'ethnicity', kind: 'text', label: 'apply.person.ethnicity', showIf: notAbsent },
  { name: 'nationality', kind: 'text', label: 'apply.person.nationality', showIf: notAbsent },
  {
    name: 'personalId',
    kind: 'text',
    label: 'apply.person.personalId',
    hint: 'apply.person.personalIdHint',
    showIf: notAbsent,
  },
  { name: 'residence', kind: 'textarea', label: 'apply.person.residence', showIf: notAbsent },
];

export const birthPages: PageDefinition[] = [
  {
    id: 'child',
    title: 'apply.child.title',
    fields: [
      { name: 'fullName', kind: 'text', label: 'apply.child.fullName', hint: 'apply.person.fullNameHint' },
      {
        name: 'sex',
        kind: 'radios',
        label: 'apply.child.sex',
        options: [
          { value: 'male', label: 'apply.sex.male' },
          { value: 'female', label: 'apply.sex.female' },
        ],
      },
      { name: 'dateOfBirth', kind: 'date', label: 'apply.child.dateOfBirth' },
      { name: 'timeOfBirth', kind: 'time', label: 'apply.child.timeOfBirth', hint: 'apply.optional' },
    ],
  },
  {
    id: 'birthPlace',
    title: 'apply.birthPlace.title',
    fields: [
      {
        name: 'kind',
        kind: 'radios',
        label: 'apply.birthPlace.kind',
        options: [
          { value: 'facility', label: 'apply.birthPlace.facility' },
          { value: 'other', label: 'apply.birthPlace.other' },
        ],
      },
      {
        name: 'facilityName',
        kind: 'text',
        label: 'apply.birthPlace.facilityName',
        showIf: (v) => v['kind'] === 'facility',
      },
      { name: 'address', kind: 'textarea', label: 'apply.birthPlace.address' },
    ],
  },
  {
    id: 'origin',
    title: 'apply.origin.title',
    fields: [
      { name: 'ethnicity', kind: 'text', label: 'apply.person.ethnicity', hint: 'apply.origin.ethnicityHint' },
      { name: 'nationality', kind: 'text', label: 'apply.person.nationality' },
      { name: 'homeTown', kind: 'text', label: 'apply.origin.homeTown', hint: 'apply.origin.homeTownHint' },
    ],
  },
  { id: 'mother', title: 'apply.mother.title', fields: parentFields('mother'), prefill: parentFromIdentity('mother') },
  { id: 'father', title: 'apply.father.title', fields: parentFields('father'), prefill: parentFromIdentity('father') },
  {
    id: 'informant',
    title: 'apply.informant.title',
    intro: 'apply.informant.intro',
    // The informant is the signed-in person; with a verified eID, the mother or the father by their sex.
    prefill: (user) => ({
      fullName: user.fullName,
      phone: user.phone ?? '',
      email: user.email ?? '',
      personalId: user.identity?.personalId ?? '',
      relation: user.identity ? (user.identity.sex === 'female' ? 'mother' : 'father') : '',
    }),
    fields: [
      { name: 'fullName', kind: 'text', label: 'apply.person.fullName', autocomplete: 'name' },
      {
        name: 'relation',
        kind: 'radios',
        label: 'apply.informant.relation',
        options: informantRelations.map((value) => ({ value, label: `apply.relation.${value}` })),
      },
      { name: 'personalId', kind: 'text', label: 'apply.person.personalId', hint: 'apply.person.personalIdHint' },
      ...contactFields,
    ],
  },
  {
    id: 'ward',
    title: 'apply.ward.title',
    intro: 'apply.ward.intro',
    fields: [{ name: 'unitCode', kind: 'select', label: 'apply.ward.unitCode', optionsFrom: 'units' }],
  },
  deliveryPage,
];

export const birthPapersPage: PageDefinition = {
  id: 'papers',
  title: 'apply.papers.title',
  intro: 'apply.papers.intro',
  fields: [
    {
      name: 'medical_birth_certificate',
      kind: 'file',
      label: 'apply.papers.medical_birth_certificate',
      hint: 'apply.papers.medicalHint',
    },
    {
      name: 'marriage_certificate',
      kind: 'file',
      label: 'apply.papers.marriage_certificate',
      hint: 'apply.papers.marriageHint',
    },
  ],
};

export const birthRegistrationPages: ProcedurePages = {
  code: BIRTH_REGISTRATION,
  pages: [...birthPages, birthPapersPage],
  lateFeeText: 'apply.check.late',
  onTimeFeeText: 'apply.check.onTime',
  supplementPapers: ['medical_birth_certificate', 'marriage_certificate', 'authorisation'],
};
