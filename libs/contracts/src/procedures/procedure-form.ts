import type * as z from 'zod';
import type { ValidationMessageKey } from '../validation';

/** How an application comes in: online from the citizen's form, or typed in at the counter by a clerk. */
export type Channel = 'online' | 'counter';

/** Which of the procedure's fee rules (the catalogue's `fees[].case`) applies to an application. */
export type FeeCase = 'on_time' | 'late';

/** The automatic intake checks the worker knows (libs/server/dossiers/src/intake/checks). */
export const intakeCheckNames = ['papers', 'duplicates'] as const;
export type IntakeCheckName = (typeof intakeCheckNames)[number];

/** One page of a form: the step id (`PUT /api/drafts/:id/steps/:step`) and the schema that checks it. */
export interface FormStepDefinition {
  id: string;
  schema: z.ZodType;
}

/** A whole application as its pages' schemas give it: page id → that page's values. */
export type ApplicationData = Record<string, unknown>;

/** Who or what a dossier is about (the child, the deceased): what the inbox, search, e-mails and reports show. */
export interface Subject {
  fullName: string;
}

/** The person the ward deals with about the dossier. */
export interface Contact {
  fullName: string;
  phone: string;
  email?: string;
}

/** What the national population registry is told when a dossier's result is issued. */
export type RegistryRecord =
  | {
      kind: 'birth';
      fullName: string;
      sex: 'male' | 'female';
      dateOfBirth: string;
      placeOfBirth?: string;
      motherPersonalId?: string;
      fatherPersonalId?: string;
    }
  | { kind: 'death'; personalId?: string; fullName: string; dateOfBirth?: string; dateOfDeath: string };

/** One line of a result document, in Vietnamese (the language of civil-status documents). */
export interface ResultFact {
  label: string;
  value: string;
}

/** The result document a procedure issues: its title, its facts, and the minimum the public verification page shows. */
export interface ResultDocument {
  /** e.g. `TRÍCH LỤC KHAI SINH`. */
  title: string;
  /** The abbreviation in the registration number, e.g. `TLKS` (Số: 12/2026/TLKS-BS). */
  numberSuffix: string;
  facts: ResultFact[];
  /** What `/verify/:code` says the document certifies, no more. */
  summary: ResultFact[];
}

/** A rule that spans pages reports a problem on a field, with one of the shared validation messages. */
export type ReportIssue = (path: (string | number)[], message: ValidationMessageKey) => void;

/**
 * One procedure's application form, shared by the browser and the API: its pages,
 * the rules across pages, the papers it needs, which fee case applies, who the
 * dossier is about and who to contact. Generic code asks the registry for these,
 * and never reads a procedure's own fields.
 */
export interface ProcedureForm {
  /** The procedure's code in the national database, e.g. `1.001193`. */
  code: string;
  /** The pages, in order (the check-your-answers page follows the last). The ward page is `ward`, the uploads `papers`. */
  steps: FormStepDefinition[];
  /** The rules across pages, on an application whose pages each passed their own schema. */
  crossPageRules(application: ApplicationData, report: ReportIssue, channel: Channel, today: string): void;
  /** The papers that must be uploaded (codes of the catalogue's required papers). At the counter: none. */
  requiredPapers(application: ApplicationData, channel: Channel): string[];
  /** Which fee rule applies on the given day (YYYY-MM-DD, Viet Nam). */
  feeCase(application: ApplicationData, today: string): FeeCase;
  subject(application: ApplicationData): Subject;
  contact(application: ApplicationData): Contact;
  /** The ward that handles the application. */
  unitCode(application: ApplicationData): string;
  /**
   * Keys that identify the event registered (the same birth, the same death): another live dossier
   * sharing one is a possible duplicate. Each starts with the kind of event, so procedures that register
   * the same kind of event (birth registration and the linked procedure) find each other.
   */
  duplicateKeys(application: ApplicationData): string[];
  /** The automatic checks a submitted dossier goes through, in order (the worker's, for the clerk). */
  intakeChecks: readonly IntakeCheckName[];
  /**
   * A procedure whose workflow hands the dossier on to partner agencies (`handOff` in its state
   * table) says here what they receive of the application.
   */
  handOffPayload?(application: ApplicationData): Record<string, unknown>;
  /** What the population registry records when the result is issued (a new citizen, a death). */
  registryRecord(application: ApplicationData): RegistryRecord;
  /**
   * The signed result document (the extract), given what the registry answered: the personal ID number
   * of the person the dossier is about (null when the registry has none) and the registration date.
   */
  result(application: ApplicationData, context: { personalId: string | null; registeredOn: string }): ResultDocument;
}
