import type { LocalizedText } from './common';
import type { FeeRule } from './procedure';
import { todayInVietnam, type Delivery } from './procedures/fields';
import type { ApplicationData } from './procedures/procedure-form';
import { feeCaseOf, stepsOf } from './procedures/registry';

/** The catalogue's fee cases for the result page: each certified copy beyond the first, and posting the paper result. */
export const EXTRA_COPY_FEE_CASE = 'extra_copy';
export const POST_DELIVERY_FEE_CASE = 'post_delivery';

/** One line of what an application costs: the case, its label, how many, at what price. */
export interface FeeLine {
  case: string;
  label: LocalizedText;
  quantity: number;
  unitAmount: number;
  amount: number;
}

export interface FeeQuote {
  lines: FeeLine[];
  /** Whole đồng. */
  total: number;
}

/**
 * What an application costs, line by line, with the procedure's fee rules as the
 * catalogue has them now: the registration's own case (on time or late, as the
 * procedure's plug-in decides), then the extra copies and the post from the result
 * page, when the procedure has one and the catalogue prices them. Shared by the
 * check-your-answers page and the submission, so the citizen is charged what was shown.
 */
export function quoteFees(
  procedureCode: string,
  application: ApplicationData,
  fees: readonly FeeRule[],
  today = todayInVietnam(),
): FeeQuote {
  const lines: FeeLine[] = [];
  const add = (feeCase: string, quantity: number, always = false) => {
    const rule = fees.find((fee) => fee.case === feeCase);
    if (!rule && !always) return;
    const unitAmount = rule?.amount ?? 0;
    lines.push({
      case: feeCase,
      label: rule?.label ?? { vi: feeCase, en: feeCase },
      quantity,
      unitAmount,
      amount: unitAmount * quantity,
    });
  };
  add(feeCaseOf(procedureCode, application, today), 1, true);
  if (stepsOf(procedureCode)?.some((step) => step.id === 'delivery')) {
    const delivery = (application['delivery'] ?? {}) as Partial<Delivery>;
    const copies = Number.isInteger(delivery.extraCopies) ? (delivery.extraCopies as number) : 0;
    if (copies > 0) add(EXTRA_COPY_FEE_CASE, copies);
    if (delivery.method === 'post') add(POST_DELIVERY_FEE_CASE, 1);
  }
  return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}
