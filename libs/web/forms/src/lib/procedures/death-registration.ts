import { DEATH_REGISTRATION, deathCauses, deathPlaceKinds, declarantRelations } from '@portal/contracts';
import { contactFields, deliveryPage, type ProcedurePages } from '../page-definition';

/** Death registration (1.000656): the pages of its form (texts under `apply.death.`). */
export const deathRegistrationPages: ProcedurePages = {
  code: DEATH_REGISTRATION,
  pages: [
    {
      id: 'deceased',
      title: 'apply.death.deceased.title',
      fields: [
        { name: 'fullName', kind: 'text', label: 'apply.death.deceased.fullName', hint: 'apply.person.fullNameHint' },
        {
          name: 'sex',
          kind: 'radios',
          label: 'apply.death.deceased.sex',
          options: [
            { value: 'male', label: 'apply.sex.male' },
            { value: 'female', label: 'apply.sex.female' },
          ],
        },
        { name: 'dateOfBirth', kind: 'date', label: 'apply.person.dateOfBirth' },
        {
          name: 'personalId',
          kind: 'text',
          label: 'apply.person.personalId',
          hint: 'apply.death.deceased.personalIdHint',
        },
        { name: 'lastResidence', kind: 'textarea', label: 'apply.death.deceased.lastResidence' },
      ],
    },
    {
      id: 'death',
      title: 'apply.death.event.title',
      fields: [
        { name: 'dateOfDeath', kind: 'date', label: 'apply.death.event.dateOfDeath' },
        { name: 'timeOfDeath', kind: 'time', label: 'apply.death.event.timeOfDeath', hint: 'apply.optional' },
        {
          name: 'placeKind',
          kind: 'radios',
          label: 'apply.death.event.placeKind',
          options: deathPlaceKinds.map((value) => ({ value, label: `apply.death.place.${value}` })),
        },
        { name: 'placeAddress', kind: 'textarea', label: 'apply.death.event.placeAddress' },
        {
          name: 'cause',
          kind: 'radios',
          label: 'apply.death.event.cause',
          options: deathCauses.map((value) => ({ value, label: `apply.death.cause.${value}` })),
        },
      ],
    },
    {
      id: 'declarant',
      title: 'apply.death.declarant.title',
      intro: 'apply.death.declarant.intro',
      // The declarant is the signed-in person.
      prefill: (user) => ({
        fullName: user.fullName,
        phone: user.phone ?? '',
        email: user.email ?? '',
        personalId: user.identity?.personalId ?? '',
      }),
      fields: [
        { name: 'fullName', kind: 'text', label: 'apply.person.fullName', autocomplete: 'name' },
        {
          name: 'relation',
          kind: 'radios',
          label: 'apply.death.declarant.relation',
          options: declarantRelations.map((value) => ({ value, label: `apply.death.relation.${value}` })),
        },
        { name: 'personalId', kind: 'text', label: 'apply.person.personalId', hint: 'apply.person.personalIdHint' },
        ...contactFields,
      ],
    },
    {
      id: 'ward',
      title: 'apply.death.wardTitle',
      intro: 'apply.death.wardIntro',
      fields: [{ name: 'unitCode', kind: 'select', label: 'apply.ward.unitCode', optionsFrom: 'units' }],
    },
    deliveryPage,
    {
      id: 'papers',
      title: 'apply.papers.title',
      intro: 'apply.papers.intro',
      fields: [
        {
          name: 'death_notice',
          kind: 'file',
          label: 'apply.papers.death_notice',
          hint: 'apply.death.papers.deathNoticeHint',
        },
        {
          name: 'authorisation',
          kind: 'file',
          label: 'apply.papers.authorisation',
          hint: 'apply.death.papers.authorisationHint',
        },
      ],
    },
  ],
  lateFeeText: 'apply.death.late',
  onTimeFeeText: 'apply.death.onTime',
  supplementPapers: ['death_notice', 'authorisation'],
};
