/**
 * VNPAY 2.1.0 checksums: lower-case hex HMAC-SHA512 with the merchant's secret.
 *
 * - The payment request, the return URL and the IPN sign their query: the parameters sorted by name, empty
 *   values dropped, each form-encoded (`URLSearchParams`, so a space is `+`), joined by `&`; the hash fields
 *   themselves are left out.
 * - The transaction API (querydr, refund) signs the values of a fixed list of fields joined by `|`, an absent
 *   field counting as an empty string.
 *
 * Every comparison is constant-time, so an attacker cannot learn a checksum byte by byte from timings.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Params = Record<string, string | number | undefined | null>;

const HASH_FIELDS = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(Buffer.from(data, 'utf8')).digest('hex');
}

/** The text a query's checksum is computed over: sorted, empty values dropped, form-encoded, no hash fields. */
export function canonicalQuery(params: Params): string {
  const search = new URLSearchParams();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (HASH_FIELDS.has(name) || value === undefined || value === null || value === '') continue;
    search.append(name, String(value));
  }
  return search.toString();
}

/** The parameters with their checksum, as a query string (`a=1&b=2&vnp_SecureHash=…`). */
export function signQuery(secret: string, params: Params): string {
  const canonical = canonicalQuery(params);
  const hash = hmacSha512(secret, canonical);
  return canonical ? `${canonical}&vnp_SecureHash=${hash}` : `vnp_SecureHash=${hash}`;
}

/** Constant-time comparison of two hex checksums (case-insensitive, as VNPAY accepts upper-case ones). */
export function checksumsEqual(expected: string, received: string | undefined | null): boolean {
  if (typeof received !== 'string' || !/^[0-9a-fA-F]+$/.test(received)) return false;
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether `vnp_SecureHash` in the parameters is the checksum of the others. */
export function verifyQuery(secret: string, params: Params): boolean {
  const received = params['vnp_SecureHash'];
  return checksumsEqual(
    hmacSha512(secret, canonicalQuery(params)),
    received === undefined ? undefined : String(received),
  );
}

/** Values joined by `|`, an absent value as an empty string. */
export function pipeJoined(values: Array<string | number | undefined | null>): string {
  return values.map((value) => (value === undefined || value === null ? '' : String(value))).join('|');
}

type Body = Record<string, unknown>;
const field = (body: Body, name: string) => body[name] as string | number | undefined;

export const QUERYDR_REQUEST_FIELDS = [
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

export const REFUND_REQUEST_FIELDS = [
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

export const QUERYDR_ANSWER_FIELDS = [
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

export const REFUND_ANSWER_FIELDS = [
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

/** The text a querydr or refund request's checksum is computed over. */
export function requestHashData(body: Body): string {
  const fields = body['vnp_Command'] === 'refund' ? REFUND_REQUEST_FIELDS : QUERYDR_REQUEST_FIELDS;
  return pipeJoined(fields.map((name) => field(body, name)));
}

/**
 * The text an answer's checksum is computed over. A refund answer's vnp_Amount is counted in đồng (the
 * field ÷ 100): that is what the vnpay package, which our merchants verify with, checks; a querydr answer's is
 * counted as sent.
 */
export function answerHashData(answer: Body): string {
  if (answer['vnp_Command'] === 'refund') {
    const amount = field(answer, 'vnp_Amount');
    const inDong = amount ? Number(amount) / 100 : amount;
    return pipeJoined(REFUND_ANSWER_FIELDS.map((name) => (name === 'vnp_Amount' ? inDong : field(answer, name))));
  }
  return pipeJoined(QUERYDR_ANSWER_FIELDS.map((name) => field(answer, name)));
}

/** The answer with its vnp_SecureHash. */
export function signAnswer<T extends Body>(secret: string, answer: T): T & { vnp_SecureHash: string } {
  return { ...answer, vnp_SecureHash: hmacSha512(secret, answerHashData(answer)) };
}
