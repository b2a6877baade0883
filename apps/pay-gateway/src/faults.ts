/**
 * Faults: what the gateway does wrong on purpose, so the merchant's handling of a real gateway's bad days
 * can be tested. Set per merchant (tmnCode), per payment reference (txnRef, of one merchant or of any), or
 * for a whole merchant in PAY_GATEWAY_MERCHANTS (`"fault": "late"`); the most specific one applies.
 *
 * IPN faults (each payment's notice is the "genuine" one; the extra notices are sent once, never retried):
 *   duplicate     the genuine notice, then the same notice again once the first is settled
 *   late          the genuine notice goes out only after `delayMs` (default PAY_GATEWAY_IPN_LATE_MS)
 *   out-of-order  a validly signed failure notice (vnp_ResponseCode 99, status 02, its own TransactionNo) for
 *                 the same TxnRef: after the genuine notice is settled (`order: "after"`, the default), or
 *                 sent, and settled, before it (`order: "before"`)
 *   tampered      first a copy of the notice with vnp_Amount changed and not re-signed, then the genuine one
 *   replayed      once the genuine notice is settled and `delayMs` (default 0) later: the same notice again,
 *                 and the merchant's previous notice (of another TxnRef), if there is one
 *   none          no IPN at all: only querydr can tell the merchant what happened
 * Transaction API faults (POST /merchant_webapi/api/transaction of the merchant):
 *   api-slow      answers after `delayMs` (default 5000)
 *   api-down      answers 503 without a body
 */
export const IPN_FAULTS = ['duplicate', 'late', 'out-of-order', 'tampered', 'replayed', 'none'] as const;
export const API_FAULTS = ['api-slow', 'api-down'] as const;
export const FAULT_MODES = [...IPN_FAULTS, ...API_FAULTS] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export interface Fault {
  fault: FaultMode;
  delayMs?: number;
  order?: 'before' | 'after';
}

export interface FaultEntry extends Fault {
  tmnCode?: string;
  txnRef?: string;
}

/** The key of a fault's scope; `*` stands for "any". */
export function faultKey(scope: { tmnCode?: string; txnRef?: string }): string {
  return `${scope.tmnCode ?? '*'}/${scope.txnRef ?? '*'}`;
}

const isApiFault = (mode: FaultMode) => (API_FAULTS as readonly string[]).includes(mode);

/**
 * The fault of one kind that applies to a payment: its own (merchant + reference), then any merchant's with
 * that reference, then the merchant's, then the merchant's configured one.
 */
export function faultFor(
  faults: Record<string, FaultEntry>,
  scope: { tmnCode: string; txnRef?: string },
  kind: 'ipn' | 'api',
  configured?: FaultMode,
): Fault | undefined {
  const keys = scope.txnRef
    ? [faultKey(scope), faultKey({ txnRef: scope.txnRef }), faultKey({ tmnCode: scope.tmnCode })]
    : [faultKey({ tmnCode: scope.tmnCode })];
  const wanted = (mode: FaultMode) => (kind === 'api') === isApiFault(mode);
  for (const key of keys) {
    const entry = faults[key];
    if (entry && wanted(entry.fault)) return entry;
  }
  return configured && wanted(configured) ? { fault: configured } : undefined;
}

/** Checks a fault set through the control API; the problem in words, or the entry. */
export function parseFault(body: unknown): FaultEntry | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object';
  const b = body as Record<string, unknown>;
  if (!FAULT_MODES.includes(b['fault'] as FaultMode)) return `fault must be one of ${FAULT_MODES.join(', ')}`;
  for (const name of ['tmnCode', 'txnRef']) {
    if (b[name] !== undefined && (typeof b[name] !== 'string' || !b[name])) return `${name} must be a string`;
  }
  if (b['tmnCode'] === undefined && b['txnRef'] === undefined) return 'name a tmnCode, a txnRef or both';
  if (b['delayMs'] !== undefined && !(Number.isInteger(b['delayMs']) && (b['delayMs'] as number) >= 0)) {
    return 'delayMs must be a whole number of milliseconds';
  }
  if (b['order'] !== undefined && b['order'] !== 'before' && b['order'] !== 'after') {
    return 'order must be "before" or "after"';
  }
  return {
    fault: b['fault'] as FaultMode,
    ...(b['tmnCode'] ? { tmnCode: b['tmnCode'] as string } : {}),
    ...(b['txnRef'] ? { txnRef: b['txnRef'] as string } : {}),
    ...(b['delayMs'] !== undefined ? { delayMs: b['delayMs'] as number } : {}),
    ...(b['order'] ? { order: b['order'] as 'before' | 'after' } : {}),
  };
}
