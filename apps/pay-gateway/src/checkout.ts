/**
 * The payment: a merchant's signed request opens a checkout, the payer's answers on its page end it, and
 * the end is told to the merchant twice — the browser is sent (303) to vnp_ReturnUrl with the signed
 * result, and the same result is queued as the IPN.
 */
import { randomBytes } from 'node:crypto';
import {
  findCard,
  TEST_CARD_HOLDER,
  TEST_CARD_ISSUE_DATE,
  TEST_CARDS,
  TEST_OTP,
  transactionStatusOf,
  type Locale,
} from './cards';
import { nextTransactionNo, queueNotices, resultParams, type DeliveryOptions } from './ipn';
import { textsOf, type FieldError } from './pages';
import type { Merchant } from './settings';
import { signQuery, verifyQuery } from './signing';
import type { Payment, Store } from './store';
import { formatVnTime, parseVnTime, vnDay } from './vn-time';

export interface GatewayContext {
  store: Store;
  merchantOf(tmnCode: string): Merchant | undefined;
  deliveries: DeliveryOptions;
  /** Tells the deliverer there is something to send. */
  kick(): void;
  log(message: string): void;
}

/** Minutes a request stays payable when it names no vnp_ExpireDate. */
export const DEFAULT_EXPIRY_MINUTES = 15;
/** VNPAY takes from 5,000 đồng to under 1 billion. */
const MIN_AMOUNT = 5_000;
const MAX_AMOUNT = 1_000_000_000;
/** Wrong card details or OTPs before the payment fails (10, 13). */
const TRIES = 3;

export type PaymentRequestResult =
  { ok: true; payment: Payment; reused: boolean } | { ok: false; code: string; locale: Locale; detail?: string };

const localeOf = (value: string | null): Locale => (value === 'en' ? 'en' : 'vn');

/** Checks `GET /paymentv2/vpcpay.html?…` and opens (or reopens) its payment. */
export function openPayment(ctx: GatewayContext, query: URLSearchParams, now = Date.now()): PaymentRequestResult {
  const params = Object.fromEntries(query.entries());
  const locale = localeOf(query.get('vnp_Locale'));
  const fail = (code: string, detail?: string): PaymentRequestResult => ({ ok: false, code, locale, detail });

  const merchant = ctx.merchantOf(params['vnp_TmnCode'] ?? '');
  if (!merchant) return fail('71');
  if (!verifyQuery(merchant.secret, params)) return fail('70');

  const bad = formatProblem(params);
  if (bad) return fail('03', bad);
  const created = parseVnTime(params['vnp_CreateDate']) as number;
  const expireAt = params['vnp_ExpireDate']
    ? (parseVnTime(params['vnp_ExpireDate']) as number)
    : created + DEFAULT_EXPIRY_MINUTES * 60_000;
  if (expireAt <= now) return fail('15');

  // vnp_TxnRef is unique per merchant per day (Viet Nam's day): another day may use it again.
  const existing = Object.values(ctx.store.state.payments).find(
    (p) => p.tmnCode === merchant.tmnCode && p.txnRef === params['vnp_TxnRef'] && vnDay(p.createdAt) === vnDay(now),
  );
  if (existing) {
    // The same request opened again (a reload, the back button) shows its checkout; any other use of the
    // reference is a second transaction with it.
    if (existing.requestHash === params['vnp_SecureHash'].toLowerCase() && !existing.outcome) {
      return { ok: true, payment: existing, reused: true };
    }
    return fail('01');
  }

  const payment: Payment = {
    id: randomBytes(16).toString('base64url'),
    tmnCode: merchant.tmnCode,
    txnRef: params['vnp_TxnRef'],
    amount: params['vnp_Amount'],
    orderInfo: params['vnp_OrderInfo'],
    orderType: params['vnp_OrderType'],
    locale,
    returnUrl: params['vnp_ReturnUrl'],
    ipAddr: params['vnp_IpAddr'],
    ...(params['vnp_BankCode'] ? { bankCode: params['vnp_BankCode'] } : {}),
    createDate: params['vnp_CreateDate'],
    expireAt,
    createdAt: now,
    requestHash: params['vnp_SecureHash'].toLowerCase(),
    detailFailures: 0,
    otpFailures: 0,
    refunds: [],
  };
  ctx.store.state.payments[payment.id] = payment;
  ctx.store.save('payments');
  ctx.log(`payment ${payment.tmnCode}/${payment.txnRef} opened (${payment.amount} × 1/100 đồng)`);
  return { ok: true, payment, reused: false };
}

/** What is wrong with a signed payment request's fields, if anything. */
export function formatProblem(p: Record<string, string>): string | undefined {
  const required = [
    'vnp_Version',
    'vnp_Command',
    'vnp_TmnCode',
    'vnp_Amount',
    'vnp_CurrCode',
    'vnp_TxnRef',
    'vnp_OrderInfo',
    'vnp_OrderType',
    'vnp_Locale',
    'vnp_ReturnUrl',
    'vnp_IpAddr',
    'vnp_CreateDate',
  ];
  const missing = required.filter((name) => !p[name]);
  if (missing.length) return `missing ${missing.join(', ')}`;
  if (p['vnp_Version'] !== '2.1.0') return 'vnp_Version must be 2.1.0';
  if (p['vnp_Command'] !== 'pay') return 'vnp_Command must be pay';
  if (p['vnp_CurrCode'] !== 'VND') return 'vnp_CurrCode must be VND';
  if (p['vnp_Locale'] !== 'vn' && p['vnp_Locale'] !== 'en') return 'vnp_Locale must be vn or en';
  if (!/^[1-9]\d*00$/.test(p['vnp_Amount'])) return 'vnp_Amount must be a whole number of đồng × 100';
  const dong = Number(p['vnp_Amount']) / 100;
  if (dong < MIN_AMOUNT || dong >= MAX_AMOUNT) return 'vnp_Amount must be from 5,000 to under 1,000,000,000 đồng';
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(p['vnp_TxnRef'])) return 'vnp_TxnRef must be up to 100 letters, digits, _ . -';
  if (p['vnp_OrderInfo'].length > 255 || !/^[\x20-\x7e]+$/.test(p['vnp_OrderInfo'])) {
    return 'vnp_OrderInfo must be up to 255 characters of Vietnamese without diacritics';
  }
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(p['vnp_OrderType'])) return 'vnp_OrderType is not a category code';
  try {
    const url = new URL(p['vnp_ReturnUrl']);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'vnp_ReturnUrl must be an http(s) URL';
  } catch {
    return 'vnp_ReturnUrl must be an http(s) URL';
  }
  if (parseVnTime(p['vnp_CreateDate']) === undefined) return 'vnp_CreateDate must be yyyyMMddHHmmss';
  if (p['vnp_ExpireDate'] && parseVnTime(p['vnp_ExpireDate']) === undefined) {
    return 'vnp_ExpireDate must be yyyyMMddHHmmss';
  }
  if (p['vnp_BankCode'] && !/^[A-Z0-9]{2,20}$/.test(p['vnp_BankCode'])) return 'vnp_BankCode is not a bank code';
  return undefined;
}

/** The return URL with the signed result appended to its own query. */
export function returnLocation(payment: Payment): string {
  const url = new URL(payment.returnUrl);
  url.search = url.search ? `${url.search}&${payment.notice}` : `?${payment.notice}`;
  return url.toString();
}

interface Ending {
  bankCode: string;
  cardType?: string;
}

/** Ends the payment: records the outcome, signs the result and queues the IPN. */
export function finish(ctx: GatewayContext, payment: Payment, responseCode: string, ending: Ending): string {
  if (payment.outcome) return returnLocation(payment);
  const merchant = ctx.merchantOf(payment.tmnCode);
  if (!merchant) throw new Error(`merchant ${payment.tmnCode} is no longer configured`);
  const now = Date.now();
  // Nothing reached a bank when the payer cancelled or let the time run out.
  const transactionNo = responseCode === '24' || responseCode === '11' ? '0' : nextTransactionNo(ctx.store);
  payment.outcome = {
    responseCode,
    transactionStatus: transactionStatusOf(responseCode),
    transactionNo,
    bankCode: ending.bankCode,
    ...(transactionNo !== '0' ? { bankTranNo: `VNP${transactionNo}` } : {}),
    ...(ending.cardType ? { cardType: ending.cardType } : {}),
    payDate: formatVnTime(now),
    at: now,
  };
  delete payment.otpCard;
  payment.notice = signQuery(merchant.secret, resultParams(payment));
  ctx.store.save('payments');
  const queued = queueNotices(ctx.store, merchant, payment, ctx.deliveries);
  ctx.kick();
  ctx.log(`payment ${payment.tmnCode}/${payment.txnRef} ended: ${responseCode}; ${queued}`);
  return returnLocation(payment);
}

export type StepResult =
  { kind: 'redirect'; location: string } | { kind: 'page'; errors: FieldError[]; values?: Record<string, string> };

const toCheckout = (payment: Payment, locale: Locale): StepResult => ({
  kind: 'redirect',
  location: `/paymentv2/checkout/${payment.id}${locale === payment.locale ? '' : `?lang=${locale}`}`,
});

export type Step = 'card' | 'otp' | 'transfer' | 'qr' | 'cancel' | 'expire';
export const STEPS: Step[] = ['card', 'otp', 'transfer', 'qr', 'cancel', 'expire'];

/** One of the checkout page's forms, posted. */
export function takeStep(
  ctx: GatewayContext,
  payment: Payment,
  step: Step,
  form: URLSearchParams,
  locale: Locale,
  now = Date.now(),
): StepResult {
  const t = textsOf(locale);
  const end = (code: string, ending: Ending): StepResult => ({
    kind: 'redirect',
    location: finish(ctx, payment, code, ending),
  });
  if (payment.outcome) return { kind: 'redirect', location: returnLocation(payment) };
  if (now >= payment.expireAt || step === 'expire') return end('11', { bankCode: 'VNPAY' });
  if (step === 'cancel') return end('24', { bankCode: 'VNPAY' });
  if (step === 'qr') return end('00', { bankCode: 'VNPAYQR', cardType: 'QRCODE' });
  if (step === 'transfer') return end('00', { bankCode: 'NCB', cardType: 'ATM' });

  if (step === 'otp') {
    const card = payment.otpCard === undefined ? undefined : TEST_CARDS[payment.otpCard];
    if (!card) return toCheckout(payment, locale);
    const otp = (form.get('otp') ?? '').trim();
    if (!otp) return { kind: 'page', errors: [{ field: 'otp', message: t.required(t.otp) }] };
    if (card.otpAlwaysWrong) return end('13', { bankCode: card.bank, cardType: 'ATM' });
    if (otp !== TEST_OTP) {
      payment.otpFailures += 1;
      if (payment.otpFailures >= TRIES) return end('13', { bankCode: card.bank, cardType: 'ATM' });
      ctx.store.save('payments');
      return { kind: 'page', errors: [{ field: 'otp', message: t.otpWrong(TRIES - payment.otpFailures) }] };
    }
    return end(card.responseCode ?? '99', { bankCode: card.bank, cardType: 'ATM' });
  }

  // The card step. The number is used here and never stored or logged: only which test card it was.
  if (payment.otpCard !== undefined) return toCheckout(payment, locale);
  const values = {
    cardNumber: (form.get('cardNumber') ?? '').trim(),
    holder: (form.get('holder') ?? '').trim(),
    issueDate: (form.get('issueDate') ?? '').trim(),
  };
  const errors: FieldError[] = [];
  if (!values.cardNumber) errors.push({ field: 'card-number', message: t.required(t.cardNumber) });
  if (!values.holder) errors.push({ field: 'card-holder', message: t.required(t.holder) });
  if (!values.issueDate) errors.push({ field: 'card-issue', message: t.required(t.issue) });
  if (errors.length) return { kind: 'page', errors, values };

  const card = findCard(values.cardNumber);
  if (!card) return { kind: 'page', errors: [{ field: 'card-number', message: t.cardUnknown }], values };
  if (card.refused) return { kind: 'page', errors: [{ field: 'card-number', message: card.refused[locale] }], values };
  const rightDetails =
    values.holder.toUpperCase().replace(/\s+/g, ' ') === TEST_CARD_HOLDER &&
    values.issueDate.replace(/\s/g, '') === TEST_CARD_ISSUE_DATE;
  if (!rightDetails) {
    payment.detailFailures += 1;
    if (payment.detailFailures >= TRIES) return end('10', { bankCode: card.bank, cardType: 'ATM' });
    ctx.store.save('payments');
    const message = t.cardDetailsLeft(TRIES - payment.detailFailures);
    return { kind: 'page', errors: [{ field: 'card-holder', message }], values };
  }
  if (card.at === 'card') return end(card.responseCode ?? '99', { bankCode: card.bank, cardType: 'ATM' });
  payment.otpCard = TEST_CARDS.indexOf(card);
  ctx.store.save('payments');
  return toCheckout(payment, locale);
}
