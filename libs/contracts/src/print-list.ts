import * as z from 'zod';
import type { LocalizedText } from './common';
import { optionalText, type Delivery, type DeliveryMethod } from './procedures/fields';
import type { ApplicationData } from './procedures/procedure-form';
import { stepsOf } from './procedures/registry';

/**
 * The paper side of a result: the certified copies a citizen ordered on the result
 * page and, when the paper goes by post, the post. The ward prints them from the
 * signed result, then hands them over at the desk or posts them.
 */
export const paperDeliveryStates = ['to_print', 'printed', 'handed_over', 'posted'] as const;
export type PaperDeliveryState = (typeof paperDeliveryStates)[number];

/** What the ward has to print for a dossier, or null when the citizen wants the electronic result only. */
export interface PaperOrder {
  copies: number;
  method: DeliveryMethod;
  postalAddress: string | null;
}

/**
 * The paper a dossier's application asks for: its extra copies; a posted result with
 * no extra copy is still one paper print to post. Procedures without a result page
 * (step `delivery`) have none.
 */
export function paperOrderOf(procedureCode: string, application: ApplicationData): PaperOrder | null {
  if (!stepsOf(procedureCode)?.some((step) => step.id === 'delivery')) return null;
  const delivery = (application['delivery'] ?? {}) as Partial<Delivery>;
  const extra = Number.isInteger(delivery.extraCopies) ? Math.max(0, delivery.extraCopies as number) : 0;
  const method: DeliveryMethod = delivery.method === 'post' ? 'post' : 'collect';
  const copies = method === 'post' ? Math.max(1, extra) : extra;
  if (copies === 0) return null;
  return { copies, method, postalAddress: method === 'post' ? (delivery.postalAddress ?? null) : null };
}

/** The print list's tabs: still to print, printed and waiting to go out, done. */
export const printListTabs = ['to_print', 'printed', 'done'] as const;
export type PrintListTab = (typeof printListTabs)[number];

export const printListQuerySchema = z.object({
  tab: z.enum(printListTabs, { message: 'wrongType' }).default('to_print').meta({
    description: '`to_print` (default), `printed` (waiting to be handed over or posted), `done`.',
  }),
});

/** Marking a posted paper: the postal service's reference, when there is one. */
export const paperPostedSchema = z.object({
  postalReference: optionalText(32),
});
export type PaperPostedInput = z.input<typeof paperPostedSchema>;

/** One dossier on the print list. */
export interface PrintListRow {
  dossierCode: string;
  procedureName: LocalizedText;
  /** Whom the result is about (the child, the deceased). */
  subjectName: string | null;
  applicantName: string | null;
  contactPhone: string | null;
  documentNumber: string;
  copies: number;
  method: DeliveryMethod;
  postalAddress: string | null;
  state: PaperDeliveryState;
  queuedAt: string;
  printedAt: string | null;
  deliveredAt: string | null;
  postalReference: string | null;
  unitName: string;
}

export interface PrintListPage {
  rows: PrintListRow[];
  counts: Record<PrintListTab, number>;
}
