/**
 * The IPN (instant payment notification): once a payment ends, the gateway tells the merchant's server
 * itself, `GET <ipnUrl>?<signed result>`, whatever the payer's browser does. The merchant answers
 * `{"RspCode":"..","Message":".."}`; 00 (confirmed) and 02 (already confirmed) settle the notice, anything
 * else — another code, no JSON, an error, no answer in time — is retried every `intervalMs`, at most
 * `attempts` calls in all (VNPAY: 10 calls, 5 minutes apart).
 *
 * Deliveries live in the store, with each attempt, so a gateway restarted after a crash sends what is due
 * (a call cut short by the crash counts as not made and is made again: merchants must expect a notice more
 * than once, as with the real gateway).
 */
import { randomBytes } from 'node:crypto';
import { faultFor } from './faults';
import type { Merchant } from './settings';
import { signQuery } from './signing';
import type { Attempt, Delivery, DeliveryKind, Payment, Store } from './store';

export interface DeliveryOptions {
  attempts: number;
  intervalMs: number;
  timeoutMs: number;
  lateMs: number;
}

/** The fields of the return URL and the IPN, in vnp_ names (empty ones are left out when signed). */
export function resultParams(payment: Payment): Record<string, string | undefined> {
  const outcome = payment.outcome;
  if (!outcome) throw new Error(`payment ${payment.tmnCode}/${payment.txnRef} has not ended`);
  return {
    vnp_TmnCode: payment.tmnCode,
    vnp_Amount: payment.amount,
    vnp_BankCode: outcome.bankCode,
    vnp_BankTranNo: outcome.bankTranNo,
    vnp_CardType: outcome.cardType,
    vnp_PayDate: outcome.payDate,
    vnp_OrderInfo: payment.orderInfo,
    vnp_TransactionNo: outcome.transactionNo,
    vnp_ResponseCode: outcome.responseCode,
    vnp_TransactionStatus: outcome.transactionStatus,
    vnp_TxnRef: payment.txnRef,
  };
}

export function nextTransactionNo(store: Store): string {
  const number = store.state.meta.nextTransactionNo++;
  store.save('meta');
  return String(number);
}

function newDelivery(
  store: Store,
  payment: Payment,
  kind: DeliveryKind,
  query: string,
  maxAttempts: number,
  nextAttemptAt: number | null,
): Delivery {
  const delivery: Delivery = {
    id: `${store.state.meta.nextDeliveryNo++}-${randomBytes(4).toString('hex')}`,
    paymentId: payment.id,
    tmnCode: payment.tmnCode,
    txnRef: payment.txnRef,
    kind,
    query,
    maxAttempts,
    attempts: [],
    state: 'pending',
    nextAttemptAt,
    createdAt: Date.now(),
  };
  store.state.deliveries[delivery.id] = delivery;
  return delivery;
}

/** vnp_Amount changed (one more đồng × 1000) and the checksum left as it was. */
function tamperedQuery(query: string): string {
  const params = new URLSearchParams(query);
  params.set('vnp_Amount', String(Number(params.get('vnp_Amount')) + 100_000));
  return params.toString();
}

/**
 * Queues the IPN of a payment that has just ended, with the extra notices its fault calls for (faults.ts).
 * Returns what was queued, for the log.
 */
export function queueNotices(store: Store, merchant: Merchant, payment: Payment, options: DeliveryOptions): string {
  const notice = payment.notice as string;
  const now = Date.now();
  const fault = faultFor(store.state.faults, payment, 'ipn', merchant.fault);
  if (fault?.fault === 'none') return 'no IPN (fault: none)';

  // The merchant's latest earlier notice, before this payment's own is added.
  const previous = Object.values(store.state.deliveries)
    .filter((d) => d.tmnCode === payment.tmnCode && d.kind === 'genuine' && d.txnRef !== payment.txnRef)
    .sort((a, b) => b.createdAt - a.createdAt)[0];

  const genuine = newDelivery(store, payment, 'genuine', notice, options.attempts, now);
  const queued = ['IPN'];
  switch (fault?.fault) {
    case 'late':
      genuine.nextAttemptAt = now + (fault.delayMs ?? options.lateMs);
      queued.push(`late by ${genuine.nextAttemptAt - now} ms`);
      break;
    case 'duplicate': {
      const copy = newDelivery(store, payment, 'duplicate', notice, 1, null);
      copy.after = genuine.id;
      queued.push('and the same notice again');
      break;
    }
    case 'out-of-order': {
      const failure = signQuery(merchant.secret, {
        ...resultParams(payment),
        vnp_ResponseCode: '99',
        vnp_TransactionStatus: '02',
        vnp_TransactionNo: nextTransactionNo(store),
        vnp_BankTranNo: undefined,
      });
      const stale = newDelivery(store, payment, 'stale-failure', failure, 1, null);
      if (fault.order === 'before') {
        stale.nextAttemptAt = now;
        genuine.nextAttemptAt = null;
        genuine.after = stale.id;
        queued.push('after a failure notice');
      } else {
        stale.after = genuine.id;
        queued.push('then a failure notice');
      }
      break;
    }
    case 'tampered': {
      const forged = newDelivery(store, payment, 'tampered', tamperedQuery(notice), 1, now);
      genuine.nextAttemptAt = null;
      genuine.after = forged.id;
      queued.push('after a tampered copy');
      break;
    }
    case 'replayed': {
      const again = newDelivery(store, payment, 'replay', notice, 1, null);
      again.after = genuine.id;
      again.afterDelayMs = fault.delayMs ?? 0;
      if (previous) {
        const old = newDelivery(store, payment, 'replay', previous.query, 1, null);
        old.after = genuine.id;
        old.afterDelayMs = fault.delayMs ?? 0;
      }
      queued.push(previous ? 'then replays of it and of an earlier notice' : 'then a replay of it');
      break;
    }
    default:
      break;
  }
  store.save('deliveries', 'meta');
  return queued.join(' ');
}

function merchantAnswer(text: string): { rspCode?: string; message?: string } {
  try {
    const body = JSON.parse(text) as { RspCode?: unknown; Message?: unknown };
    if (typeof body !== 'object' || body === null) return {};
    return {
      ...(body.RspCode !== undefined ? { rspCode: String(body.RspCode) } : {}),
      ...(typeof body.Message === 'string' ? { message: body.Message.slice(0, 200) } : {}),
    };
  } catch {
    return {};
  }
}

async function call(url: string, timeoutMs: number, stopSignal: AbortSignal): Promise<Attempt> {
  const at = Date.now();
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { 'User-Agent': 'VNPAY-IPN (pay-gateway stand-in)', Accept: 'application/json' },
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopSignal]),
    });
    const text = await response.text();
    const answer = merchantAnswer(text);
    if (answer.rspCode !== undefined) return { at, result: 'answered', httpStatus: response.status, ...answer };
    return { at, result: response.ok ? 'not-json' : 'http-error', httpStatus: response.status };
  } catch (error) {
    const name = (error as Error).name;
    return { at, result: name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
}

export interface Deliverer {
  /** Looks for due deliveries now (after a payment ends). */
  kick(): void;
  stop(): Promise<void>;
}

/** Sends due deliveries, checking every `pollMs` and whenever kicked. */
export function startDeliverer(
  store: Store,
  merchantOf: (tmnCode: string) => Merchant | undefined,
  options: DeliveryOptions,
  log: (message: string) => void,
  pollMs = 100,
): Deliverer {
  const deliveries = store.state.deliveries;
  const inFlight = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;

  function release(settled: Delivery, now: number): void {
    for (const next of Object.values(deliveries)) {
      if (next.after === settled.id && next.state === 'pending' && next.nextAttemptAt === null) {
        next.nextAttemptAt = now + (next.afterDelayMs ?? 0);
      }
    }
  }

  // A crash between settling a delivery and releasing its followers cannot happen (one file, one write),
  // but a follower whose predecessor is gone would wait for ever: release those.
  for (const d of Object.values(deliveries)) {
    const before = d.after ? deliveries[d.after] : undefined;
    if (d.state === 'pending' && d.nextAttemptAt === null && (!before || before.state !== 'pending')) {
      d.nextAttemptAt = Date.now();
    }
  }

  async function attempt(delivery: Delivery): Promise<void> {
    const merchant = merchantOf(delivery.tmnCode);
    const now = Date.now();
    if (!merchant) {
      delivery.state = 'given-up';
      delivery.nextAttemptAt = null;
      release(delivery, now);
      store.save('deliveries');
      log(`IPN ${delivery.tmnCode}/${delivery.txnRef} dropped: the merchant is no longer configured`);
      return;
    }
    const url = new URL(merchant.ipnUrl);
    url.search = url.search ? `${url.search}&${delivery.query}` : `?${delivery.query}`;
    const result = await call(url.toString(), options.timeoutMs, stopping.signal);
    if (stopping.signal.aborted) return;
    delivery.attempts.push(result);
    const done = result.result === 'answered' && (result.rspCode === '00' || result.rspCode === '02');
    const settledAt = Date.now();
    if (done || delivery.attempts.length >= delivery.maxAttempts) {
      delivery.state = done ? 'delivered' : 'given-up';
      delivery.nextAttemptAt = null;
      release(delivery, settledAt);
    } else {
      delivery.nextAttemptAt = settledAt + options.intervalMs;
    }
    store.save('deliveries');
    const said = result.result === 'answered' ? `RspCode ${result.rspCode}` : result.result;
    log(
      `IPN ${delivery.tmnCode}/${delivery.txnRef} (${delivery.kind}) call ${delivery.attempts.length}/${delivery.maxAttempts}: ${said}` +
        (delivery.state === 'pending' ? '; will retry' : `; ${delivery.state}`),
    );
  }

  function tick(): void {
    timer = undefined;
    if (stopping.signal.aborted) return;
    const now = Date.now();
    for (const delivery of Object.values(deliveries)) {
      if (delivery.state !== 'pending' || delivery.nextAttemptAt === null || delivery.nextAttemptAt > now) continue;
      if (inFlight.has(delivery.id)) continue;
      const running = attempt(delivery)
        .catch((error: unknown) => log(`IPN delivery ${delivery.id} failed: ${(error as Error).message}`))
        .finally(() => {
          inFlight.delete(delivery.id);
          kick();
        });
      inFlight.set(delivery.id, running);
    }
    timer = setTimeout(tick, pollMs);
  }

  function kick(): void {
    if (stopping.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, 0);
  }

  kick();
  return {
    kick,
    stop: async () => {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
