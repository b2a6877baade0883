import type { FeeRule } from '@portal/contracts';

/** The lowest fee any case of the procedure charges; 0 when some case is free. */
export function minimumFee(fees: readonly FeeRule[]): number {
  return fees.length === 0 ? 0 : Math.min(...fees.map((fee) => fee.amount));
}

/** The amount of one fee case of a procedure; a case the procedure does not list costs nothing. */
export function feeFor(fees: readonly FeeRule[], feeCase: string): number {
  return fees.find((fee) => fee.case === feeCase)?.amount ?? 0;
}
