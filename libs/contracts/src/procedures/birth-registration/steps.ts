import * as z from 'zod';
import {
  applicantStep,
  attachmentId,
  optionalAttachmentId,
  optionalPersonalId,
  optionalText,
  optionalTime,
  pastDate,
  personName,
  requiredText,
  sexes,
} from '../fields';

/** The pages of the birth registration form (1.001193), one schema each. */

export const informantRelations = [
  'mother',
  'father',
  'grandparent',
  'sibling',
  'other_relative',
  'authorised',
] as const;
export type InformantRelation = (typeof informantRelations)[number];

export const childStep = z.object({
  fullName: personName,
  sex: z.enum(sexes, { message: 'choose' }),
  dateOfBirth: pastDate,
  timeOfBirth: optionalTime,
});
export type ChildStep = z.output<typeof childStep>;

export const birthPlaceStep = z
  .object({
    kind: z.enum(['facility', 'other'], { message: 'choose' }),
    facilityName: optionalText(),
    address: requiredText(300),
  })
  .refine((v) => v.kind !== 'facility' || !!v.facilityName, {
    path: ['facilityName'],
    message: 'facilityName',
  });

export const originStep = z.object({
  ethnicity: requiredText(50),
  nationality: requiredText(50),
  homeTown: requiredText(200),
});

const parentDetails = z.object({
  absent: z.literal(false),
  fullName: personName,
  dateOfBirth: pastDate,
  ethnicity: requiredText(50),
  nationality: requiredText(50),
  personalId: optionalPersonalId,
  residence: requiredText(300),
});

const parentStep = z.preprocess(
  (v) => (v && typeof v === 'object' && (v as { absent?: unknown }).absent === true ? { absent: true } : v),
  z.discriminatedUnion('absent', [z.object({ absent: z.literal(true) }), parentDetails], { message: 'required' }),
);
export const motherStep = parentStep;
export const fatherStep = parentStep;

export const informantStep = applicantStep(informantRelations, 'relation');

export const papersStep = z.object({
  medical_birth_certificate: attachmentId,
  marriage_certificate: optionalAttachmentId,
});

/** An application of birth registration, as its pages' schemas give it. */
export interface BirthApplication {
  child: ChildStep;
  mother: { absent: boolean; personalId?: string };
  father: { absent: boolean; personalId?: string };
  informant: { fullName: string; phone: string; email?: string };
  ward: { unitCode: string };
  papers?: Record<string, string | undefined>;
}
