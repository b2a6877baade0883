import { randomBytes } from 'node:crypto';
import {
  signQueryRequest,
  signRefundRequest,
  verifyQueryAnswer,
  verifyRefundAnswer,
  vnpayDate,
  VNPAY_VERSION,
} from './protocol';

export interface GatewaySettings {
  url: string;
  tmnCode: string;
  secret: string;
  /** How long one call may take. */
  timeoutMs?: number;
}

/** What the gateway says of a payment (querydr), once its answer's signature is checked. */
export type QueryAnswer =
  | {
      kind: 'found';
      /** 00 paid, 01 not completed (the payer may still pay), 02 error, 05/06 refunded, 07 suspected fraud. */
      transactionStatus: string;
      amount: number;
      transactionNo: string;
      bankCode: string;
      payDate: string;
    }
  | { kind: 'not-found' }
  | { kind: 'unavailable'; reason: string };

export type RefundAnswer =
  | { kind: 'accepted' }
  | { kind: 'already' }
  | { kind: 'refused'; code: string }
  | { kind: 'unavailable'; reason: string };

/** `vnp_RequestId`: unique per merchant per day; random, so that a retried call is a new request. */
const requestId = () => randomBytes(12).toString('hex');

async function call(
  settings: GatewaySettings,
  body: Record<string, string>,
): Promise<{ ok: true; answer: Record<string, unknown> } | { ok: false; reason: string }> {
  try {
    const response = await fetch(`${settings.url.replace(/\/$/, '')}/merchant_webapi/api/transaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
    });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    return { ok: true, answer: (await response.json()) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.name : 'error' };
  }
}

/** Asks the gateway about one payment (`querydr`), by its reference and the date it was created at the gateway. */
export async function queryPayment(
  settings: GatewaySettings,
  payment: { reference: string; gatewayCreated: string; orderInfo: string },
): Promise<QueryAnswer> {
  const body: Record<string, string> = {
    vnp_RequestId: requestId(),
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: settings.tmnCode,
    vnp_TxnRef: payment.reference,
    vnp_TransactionDate: payment.gatewayCreated,
    vnp_CreateDate: vnpayDate(new Date()),
    vnp_IpAddr: '127.0.0.1',
    vnp_OrderInfo: payment.orderInfo,
  };
  body['vnp_SecureHash'] = signQueryRequest(body, settings.secret);
  const result = await call(settings, body);
  if (!result.ok) return { kind: 'unavailable', reason: result.reason };
  const answer = result.answer;
  if (!verifyQueryAnswer(answer, settings.secret))
    return { kind: 'unavailable', reason: 'answer not signed by the gateway' };
  if (answer['vnp_ResponseCode'] === '91') return { kind: 'not-found' };
  if (answer['vnp_ResponseCode'] !== '00' || answer['vnp_TxnRef'] !== payment.reference)
    return { kind: 'unavailable', reason: `querydr answered ${String(answer['vnp_ResponseCode'])}` };
  return {
    kind: 'found',
    transactionStatus: String(answer['vnp_TransactionStatus'] ?? ''),
    amount: Number(answer['vnp_Amount']),
    transactionNo: String(answer['vnp_TransactionNo'] ?? ''),
    bankCode: String(answer['vnp_BankCode'] ?? ''),
    payDate: String(answer['vnp_PayDate'] ?? ''),
  };
}

/** Refunds a paid payment in full (`refund`, type 02). */
export async function refundPayment(
  settings: GatewaySettings,
  payment: { reference: string; gatewayCreated: string; amount: number; transactionNo: string; orderInfo: string },
): Promise<RefundAnswer> {
  const body: Record<string, string> = {
    vnp_RequestId: requestId(),
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'refund',
    vnp_TmnCode: settings.tmnCode,
    vnp_TransactionType: '02',
    vnp_TxnRef: payment.reference,
    vnp_Amount: String(payment.amount * 100),
    vnp_TransactionNo: payment.transactionNo,
    vnp_TransactionDate: payment.gatewayCreated,
    vnp_CreateBy: 'he-thong-cong-dich-vu-cong',
    vnp_CreateDate: vnpayDate(new Date()),
    vnp_IpAddr: '127.0.0.1',
    vnp_OrderInfo: payment.orderInfo,
  };
  body['vnp_SecureHash'] = signRefundRequest(body, settings.secret);
  const result = await call(settings, body);
  if (!result.ok) return { kind: 'unavailable', reason: result.reason };
  const answer = result.answer;
  if (!verifyRefundAnswer(answer, settings.secret))
    return { kind: 'unavailable', reason: 'answer not signed by the gateway' };
  const code = String(answer['vnp_ResponseCode'] ?? '');
  if (code === '00') return { kind: 'accepted' };
  if (code === '94') return { kind: 'already' };
  if (code === '95' || code === '91' || code === '02' || code === '03') return { kind: 'refused', code };
  return { kind: 'unavailable', reason: `refund answered ${code}` };
}
