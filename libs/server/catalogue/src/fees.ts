import type { FeeRule } from '@portal/contracts';

/** The lowest fee any case of the procedure charges; 0 when some case is free. */
export function minimumFee(fees: readonly FeeRule[]): number {
  return fees.length === 0 ? 0 : Math.min(...fees.map((fee) => fee.amount));
}
