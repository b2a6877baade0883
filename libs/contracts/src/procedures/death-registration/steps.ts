import * as z from 'zod';
import {
  applicantStep,
  attachmentId,
  optionalAttachmentId,
  optionalPersonalId,
  optionalTime,
  pastDate,
  personName,
  requiredText,
  sexes,
} from '../fields';

/** The pages of the death registration form (1.000656), one schema each. */

/** Who registers the death (Law on Civil Status 2014 art. 33): a relative, else the organisation concerned. */
export const declarantRelations = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'organisation',
  'authorised',
] as const;
export type DeclarantRelation = (typeof declarantRelations)[number];

export const deathPlaceKinds = ['health_facility', 'home', 'other'] as const;
export const deathCauses = ['illness', 'old_age', 'accident', 'other'] as const;

export const deceasedStep = z.object({
  fullName: personName,
  sex: z.enum(sexes, { message: 'choose' }),
  dateOfBirth: pastDate,
  /** Not everyone who dies has one (the very old, a child not yet registered). */
  personalId: optionalPersonalId,
  lastResidence: requiredText(300),
});

export const deathStep = z.object({
  dateOfDeath: pastDate,
  timeOfDeath: optionalTime,
  placeKind: z.enum(deathPlaceKinds, { message: 'choose' }),
  placeAddress: requiredText(300),
  cause: z.enum(deathCauses, { message: 'choose' }),
});

export const declarantStep = applicantStep(declarantRelations, 'declarantRelation');

export const deathPapersStep = z.object({
  death_notice: attachmentId,
  authorisation: optionalAttachmentId,
});

/** An application of death registration, as its pages' schemas give it. */
export interface DeathApplication {
  deceased: z.output<typeof deceasedStep>;
  death: z.output<typeof deathStep>;
  declarant: z.output<typeof declarantStep>;
  ward: { unitCode: string };
  papers?: Record<string, string | undefined>;
}
