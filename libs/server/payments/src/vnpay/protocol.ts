import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The portal's side of VNPAY's API 2.1.0 wire protocol, written from the protocol's
 * description (the gateway stand-in is a separate implementation, and the `vnpay`
 * package a third that the tests hold both to): the signed redirect, the signed
 * return and IPN, and the pipe-signed querydr and refund of the transaction API.
 */

export const VNPAY_VERSION = '2.1.0';

/** `application/x-www-form-urlencoded` as VNPAY signs it: PHP's urlencode (space → `+`). */
function urlencode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const hmac = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

/** The text a query is signed over: its `vnp_` fields sorted by name, empty ones and the hash itself left out. */
export function signedText(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '' && params[k] !== undefined)
    .sort()
    .map((k) => `${urlencode(k)}=${urlencode(params[k])}`)
    .join('&');
}

export function signParams(params: Record<string, string>, secret: string): string {
  return hmac(secret, signedText(params));
}

/** Constant-time comparison of two hex signatures; a malformed one is simply not equal. */
export function signaturesEqual(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || !/^[0-9a-fA-F]+$/.test(given) || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'hex'), Buffer.from(expected, 'hex'));
}

/** A signed query (return or IPN) is genuine when its `vnp_SecureHash` is the HMAC of the rest. */
export function verifyParams(params: Record<string, string>, secret: string): boolean {
  return signaturesEqual(params['vnp_SecureHash'], signParams(params, secret));
}

/** `yyyyMMddHHmmss` in Viet Nam time (UTC+7), as every VNPAY date is written. */
export function vnpayDate(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return vn.slice(0, 19).replace(/[-T:]/g, '');
}

/** Order info must be Vietnamese without diacritics (VNPAY's rule), at most 255 characters. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .,:_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export interface PaymentRequest {
  gatewayUrl: string;
  tmnCode: string;
  secret: string;
  reference: string;
  /** Whole đồng. */
  amount: number;
  orderInfo: string;
  locale: 'vn' | 'en';
  returnUrl: string;
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
  bankCode?: 'VNPAYQR' | 'VNBANK' | 'INTCARD';
}

/** The signed redirect that opens the gateway's checkout (`GET /paymentv2/vpcpay.html`). */
export function paymentUrl(request: PaymentRequest): { url: string; createDate: string } {
  const createDate = vnpayDate(request.createdAt);
  const params: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: request.tmnCode,
    vnp_Amount: String(request.amount * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: request.reference,
    vnp_OrderInfo: withoutDiacritics(request.orderInfo),
    vnp_OrderType: 'billpayment',
    vnp_Locale: request.locale,
    vnp_ReturnUrl: request.returnUrl,
    vnp_IpAddr: request.ipAddr,
    vnp_CreateDate: createDate,
    vnp_ExpireDate: vnpayDate(request.expiresAt),
    ...(request.bankCode ? { vnp_BankCode: request.bankCode } : {}),
  };
  const query = `${signedText(params)}&vnp_SecureHash=${signParams(params, request.secret)}`;
  return { url: `${request.gatewayUrl.replace(/\/$/, '')}/paymentv2/vpcpay.html?${query}`, createDate };
}

/** The fields of the transaction API's requests, in the order their signature joins them with `|`. */
const QUERY_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;
const REFUND_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TransactionType',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_TransactionNo',
  'vnp_TransactionDate',
  'vnp_CreateBy',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;
const QUERY_ANSWER_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;
/** The refund answer as VNPAY signs it (its amount in đồng, as the `vnpay` package checks it). */
const REFUND_ANSWER_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
] as const;

const pipeSign = (fields: readonly string[], body: Record<string, unknown>, secret: string) =>
  hmac(secret, fields.map((f) => (body[f] === undefined || body[f] === null ? '' : String(body[f]))).join('|'));

export function signQueryRequest(body: Record<string, string>, secret: string): string {
  return pipeSign(QUERY_FIELDS, body, secret);
}

export function signRefundRequest(body: Record<string, string>, secret: string): string {
  return pipeSign(REFUND_FIELDS, body, secret);
}

export function verifyQueryAnswer(answer: Record<string, unknown>, secret: string): boolean {
  return signaturesEqual(answer['vnp_SecureHash'] as string, pipeSign(QUERY_ANSWER_FIELDS, answer, secret));
}

export function verifyRefundAnswer(answer: Record<string, unknown>, secret: string): boolean {
  const amount = answer['vnp_Amount'];
  const inDong = typeof amount === 'string' || typeof amount === 'number' ? String(Number(amount) / 100) : amount;
  return signaturesEqual(
    answer['vnp_SecureHash'] as string,
    pipeSign(REFUND_ANSWER_FIELDS, { ...answer, vnp_Amount: inDong }, secret),
  );
}

/** What the IPN answer says back to the gateway. */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  other: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/** How a payment ends, from the gateway's response code. */
export function outcomeOf(
  responseCode: string,
  transactionStatus?: string,
): 'succeeded' | 'cancelled' | 'expired' | 'failed' {
  if (responseCode === '00' && (transactionStatus === undefined || transactionStatus === '00')) return 'succeeded';
  if (responseCode === '24') return 'cancelled';
  if (responseCode === '11') return 'expired';
  return 'failed';
}
