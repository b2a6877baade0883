/**
 * A payer without a browser, for tests: follows a payment URL to the checkout and posts its forms with
 * fetch, the way a browser would without script, and returns where the gateway sent the payer back to.
 * Also small clients of the control API.
 *
 *   payAtCheckout(paymentUrl: string, action: CheckoutAction, options?: { lang?: 'vn' | 'en' }): Promise<CheckoutOutcome>
 *   setFault(gatewayUrl: string, fault: FaultEntry, token?: string): Promise<void>
 *   clearFaults(gatewayUrl: string, scope?: { tmnCode?: string; txnRef?: string }, token?: string): Promise<void>
 *   paymentState(gatewayUrl: string, tmnCode: string, txnRef: string, token?: string): Promise<PaymentState>
 *   setMerchant(gatewayUrl: string, merchant: Merchant, token?: string): Promise<void>
 */
import { TEST_CARD_HOLDER, TEST_CARD_ISSUE_DATE, TEST_OTP } from './cards';
import type { FaultEntry } from './faults';
import type { Merchant } from './settings';
import type { Delivery, Payment } from './store';

export type CheckoutAction =
  /** Pays with a test card; holder, issue date and OTP default to the right ones. */
  | { card: string; holder?: string; issueDate?: string; otp?: string }
  | { qr: true }
  | { bankTransfer: true }
  | { cancel: true }
  /** The page's "let it time out" button: ends as if vnp_ExpireDate had passed (11). */
  | { timeout: true };

export interface CheckoutOutcome {
  /** The merchant's vnp_ReturnUrl with the signed result, as the gateway redirected the payer to it. */
  location: string;
  /** The result's query parameters (vnp_ResponseCode, vnp_TxnRef, … vnp_SecureHash). */
  params: Record<string, string>;
  responseCode: string;
}

/** The gateway showed a page instead of sending the payer back: its error code or the form's messages. */
export class CheckoutError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly html: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CheckoutError';
  }
}

function pageMessages(html: string): string[] {
  const summary = /<div class="summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);
}

type Step = { kind: 'checkout'; url: URL } | { kind: 'done'; location: string };

async function follow(response: Response, from: URL): Promise<Step> {
  if (response.status === 303) {
    const location = new URL(response.headers.get('location') ?? '', from);
    if (location.origin === from.origin && location.pathname.startsWith('/paymentv2/checkout/')) {
      return { kind: 'checkout', url: location };
    }
    return { kind: 'done', location: location.toString() };
  }
  const html = await response.text();
  const code = /data-error-code>([^<]*)</.exec(html)?.[1];
  const messages = pageMessages(html);
  throw new CheckoutError(
    code
      ? `the gateway refused the payment: error ${code}`
      : `the checkout said: ${messages.join(' ') || response.status}`,
    response.status,
    html,
    code,
  );
}

function outcome(location: string): CheckoutOutcome {
  const params = Object.fromEntries(new URL(location).searchParams.entries());
  return { location, params, responseCode: params['vnp_ResponseCode'] ?? '' };
}

/**
 * Opens the payment URL (or a checkout page's address) and acts on its checkout page; throws CheckoutError
 * when the gateway shows a page instead of sending the payer back.
 */
export async function payAtCheckout(
  paymentUrl: string,
  action: CheckoutAction,
  options: { lang?: 'vn' | 'en' } = {},
): Promise<CheckoutOutcome> {
  const start = new URL(paymentUrl);
  // A checkout page's own address (a payment already opened) is taken as it is.
  let step: Step = start.pathname.startsWith('/paymentv2/checkout/')
    ? { kind: 'checkout', url: start }
    : await follow(await fetch(start, { redirect: 'manual' }), start);
  const post = async (name: string, fields: Record<string, string> = {}) => {
    if (step.kind !== 'checkout') return;
    const target = new URL(`${step.url.pathname}/${name}`, step.url);
    const body = new URLSearchParams({ ...fields, ...(options.lang ? { lang: options.lang } : {}) });
    step = await follow(
      await fetch(target, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      }),
      target,
    );
  };

  if ('card' in action) {
    await post('card', {
      cardNumber: action.card,
      holder: action.holder ?? TEST_CARD_HOLDER,
      issueDate: action.issueDate ?? TEST_CARD_ISSUE_DATE,
    });
    await post('otp', { otp: action.otp ?? TEST_OTP });
  } else if ('qr' in action) await post('qr');
  else if ('bankTransfer' in action) await post('transfer');
  else if ('cancel' in action) await post('cancel');
  else await post('expire');

  const ended = step as Step;
  if (ended.kind !== 'done') throw new Error(`the checkout did not end: still at ${ended.url.toString()}`);
  return outcome(ended.location);
}

function headers(token?: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** PUT /_control/faults. */
export async function setFault(gatewayUrl: string, fault: FaultEntry, token?: string): Promise<void> {
  const response = await fetch(new URL('/_control/faults', gatewayUrl), {
    method: 'PUT',
    headers: headers(token),
    body: JSON.stringify(fault),
  });
  await expectOk(response, 'setting a fault');
}

/** DELETE /_control/faults: one scope's fault, or every fault when no scope is named. */
export async function clearFaults(
  gatewayUrl: string,
  scope: { tmnCode?: string; txnRef?: string } = {},
  token?: string,
): Promise<void> {
  const url = new URL('/_control/faults', gatewayUrl);
  if (scope.tmnCode) url.searchParams.set('tmnCode', scope.tmnCode);
  if (scope.txnRef) url.searchParams.set('txnRef', scope.txnRef);
  await expectOk(await fetch(url, { method: 'DELETE', headers: headers(token) }), 'clearing faults');
}

export interface PaymentState {
  payment: Omit<Payment, 'requestHash'>;
  /** The genuine IPN and any extra notices a fault added, oldest first, each with its calls. */
  deliveries: Delivery[];
}

/** GET /_control/payments/:tmnCode/:txnRef. */
export async function paymentState(
  gatewayUrl: string,
  tmnCode: string,
  txnRef: string,
  token?: string,
): Promise<PaymentState> {
  const url = new URL(`/_control/payments/${encodeURIComponent(tmnCode)}/${encodeURIComponent(txnRef)}`, gatewayUrl);
  const response = await fetch(url, { headers: headers(token) });
  await expectOk(response, `the state of ${tmnCode}/${txnRef}`);
  return (await response.json()) as PaymentState;
}

/** PUT /_control/merchants: adds or replaces a merchant of a running gateway (until it restarts). */
export async function setMerchant(gatewayUrl: string, merchant: Merchant, token?: string): Promise<void> {
  const response = await fetch(new URL('/_control/merchants', gatewayUrl), {
    method: 'PUT',
    headers: headers(token),
    body: JSON.stringify(merchant),
  });
  await expectOk(response, `setting merchant ${merchant.tmnCode}`);
}
