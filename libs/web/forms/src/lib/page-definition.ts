import type { SessionUser } from '@portal/contracts';

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

/** What the portal knows of the signed-in person, to start a page from. */
export type PrefillSource = Pick<SessionUser, 'fullName' | 'email' | 'phone' | 'identity'>;

export interface PageDefinition {
  /** The step id of the shared schema. */
  id: string;
  title: string;
  intro?: string;
  fields: FieldDefinition[];
  /** The values an unsaved page starts from, given the signed-in person (the applicant's own page, say). */
  prefill?: (user: PrefillSource) => Record<string, unknown>;
  /** The values an unsaved page starts from for anyone, at the counter too (the result page's "no copies"). */
  defaults?: Record<string, unknown>;
}

/** What a procedure's web form declares: its pages, and its own texts beside the shared ones. */
export interface ProcedurePages {
  /** The procedure's code, as in @portal/contracts' registry. */
  code: string;
  pages: PageDefinition[];
  /** The check-your-answers page's sentence when the registration is late and a fee is charged. */
  lateFeeText: string;
  /** The sentence when it is on time and free. */
  onTimeFeeText: string;
  /** The papers a clerk may ask the citizen for (codes; each named `apply.papers.<code>`). */
  supplementPapers: readonly string[];
}

/** The applicant's phone and e-mail fields, the same on every procedure's applicant page. */
export const contactFields: FieldDefinition[] = [
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
];

/**
 * The result page (step `delivery`), the same for every procedure that issues an extract:
 * extra certified copies and whether the paper result is posted. Starts at no copies and
 * the electronic result only, so a citizen who wants nothing more just continues.
 */
export const deliveryPage: PageDefinition = {
  id: 'delivery',
  title: 'apply.delivery.title',
  intro: 'apply.delivery.intro',
  fields: [
    {
      name: 'extraCopies',
      kind: 'text',
      label: 'apply.delivery.extraCopies',
      hint: 'apply.delivery.extraCopiesHint',
      autocomplete: 'off',
    },
    {
      name: 'method',
      kind: 'radios',
      label: 'apply.delivery.method',
      options: [
        { value: 'collect', label: 'apply.delivery.collect' },
        { value: 'post', label: 'apply.delivery.post' },
      ],
    },
    {
      name: 'postalAddress',
      kind: 'textarea',
      label: 'apply.delivery.postalAddress',
      hint: 'apply.delivery.postalAddressHint',
      autocomplete: 'street-address',
      showIf: (values) => values['method'] === 'post',
    },
  ],
  defaults: { extraCopies: '0', method: 'collect' },
};
