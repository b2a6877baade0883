import { BIRTH_REGISTRATION, informantRelations, LINKED_BIRTH_REGISTRATION } from '@portal/contracts';

/**
 * How each page of an application form looks: which fields, in what order, with
 * which labels (translation keys under `apply.`). What the values must be is
 * decided by the step schemas in @portal/contracts, shared with the API.
 */
export type FieldKind =
  'text' | 'tel' | 'email' | 'date' | 'time' | 'textarea' | 'radios' | 'select' | 'checkbox' | 'file';

export interface FieldDefinition {
  name: string;
  kind: FieldKind;
  /** Translation keys. */
  label: string;
  hint?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Options that come from the API instead: the wards. */
  optionsFrom?: 'units';
  autocomplete?: string;
  /** Only asked when this returns true for the page's current values. */
  showIf?: (values: Record<string, unknown>) => boolean;
}

export interface PageDefinition {
  /** The step id of the shared schema. */
  id: string;
  title: string;
  intro?: string;
  fields: FieldDefinition[];
}

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

const commonPages: PageDefinition[] = [
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
  { id: 'mother', title: 'apply.mother.title', fields: parentFields('mother') },
  { id: 'father', title: 'apply.father.title', fields: parentFields('father') },
  {
    id: 'informant',
    title: 'apply.informant.title',
    intro: 'apply.informant.intro',
    fields: [
      { name: 'fullName', kind: 'text', label: 'apply.person.fullName', autocomplete: 'name' },
      {
        name: 'relation',
        kind: 'radios',
        label: 'apply.informant.relation',
        options: informantRelations.map((value) => ({ value, label: `apply.relation.${value}` })),
      },
      { name: 'personalId', kind: 'text', label: 'apply.person.personalId', hint: 'apply.person.personalIdHint' },
      {
        name: 'phone',
        kind: 'tel',
        label: 'apply.informant.phone',
        hint: 'apply.informant.phoneHint',
        autocomplete: 'tel-national',
      },
      {
        name: 'email',
        kind: 'email',
        label: 'apply.informant.email',
        hint: 'apply.informant.emailHint',
        autocomplete: 'email',
      },
    ],
  },
  {
    id: 'ward',
    title: 'apply.ward.title',
    intro: 'apply.ward.intro',
    fields: [{ name: 'unitCode', kind: 'select', label: 'apply.ward.unitCode', optionsFrom: 'units' }],
  },
];

const papersPage: PageDefinition = {
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

export const formPages: Record<string, PageDefinition[]> = {
  [BIRTH_REGISTRATION]: [...commonPages, papersPage],
  [LINKED_BIRTH_REGISTRATION]: [
    ...commonPages,
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
    papersPage,
  ],
};

export function pagesOf(procedureCode: string): PageDefinition[] {
  return formPages[procedureCode] ?? [];
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
