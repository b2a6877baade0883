/**
 * `POST /merchant_webapi/api/transaction`: the merchant's server asks about a payment (querydr) or refunds
 * it (refund), one JSON endpoint for both. Every answer is HTTP 200 with a vnp_ResponseCode, signed once the
 * merchant is known:
 *   00 done · 02 unknown merchant · 03 bad format (or an amount the refund cannot take) · 91 no such
 *   payment · 94 request id already used today, or a refund of this payment already in progress ·
 *   95 the payment did not succeed (refund) · 97 bad checksum · 99 other.
 * A payment is found by vnp_TxnRef and vnp_TransactionDate, which must be the payment's vnp_CreateDate.
 * A refund answer's checksum counts vnp_Amount in đồng (÷ 100), as the vnpay package verifies it (signing.ts).
 */
import { randomBytes } from 'node:crypto';
import type { GatewayContext } from './checkout';
import { nextTransactionNo } from './ipn';
import { checksumsEqual, hmacSha512, requestHashData, signAnswer } from './signing';
import type { Payment } from './store';
import { formatVnTime, parseVnTime, vnDay } from './vn-time';

type Body = Record<string, unknown>;
type Answer = Record<string, string | undefined>;

const MESSAGES: Record<string, string> = {
  '00': 'Success',
  '02': 'Merchant is not valid',
  '03': 'Invalid data format',
  '91': 'Transaction not found',
  '94': 'Duplicate request',
  '95': 'Transaction is not successful, cannot be refunded',
  '97': 'Invalid checksum',
  '99': 'Unknown error',
};

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'object' ? '' : String(value);

function formatProblem(b: Body): string | undefined {
  const required = [
    'vnp_RequestId',
    'vnp_Version',
    'vnp_TxnRef',
    'vnp_TransactionDate',
    'vnp_CreateDate',
    'vnp_IpAddr',
    'vnp_OrderInfo',
    'vnp_SecureHash',
  ];
  if (b['vnp_Command'] === 'refund') required.push('vnp_TransactionType', 'vnp_Amount', 'vnp_CreateBy');
  const missing = required.filter((name) => !text(b[name]));
  if (missing.length) return `missing ${missing.join(', ')}`;
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(text(b['vnp_RequestId']))) return 'vnp_RequestId: up to 32 letters or digits';
  if (text(b['vnp_Version']) !== '2.1.0') return 'vnp_Version must be 2.1.0';
  if (parseVnTime(b['vnp_TransactionDate']) === undefined) return 'vnp_TransactionDate must be yyyyMMddHHmmss';
  if (parseVnTime(b['vnp_CreateDate']) === undefined) return 'vnp_CreateDate must be yyyyMMddHHmmss';
  if (b['vnp_Command'] === 'refund') {
    if (!['02', '03'].includes(text(b['vnp_TransactionType']))) return 'vnp_TransactionType must be 02 or 03';
    if (!/^[1-9]\d*$/.test(text(b['vnp_Amount']))) return 'vnp_Amount must be a whole number of đồng × 100';
    if (b['vnp_TransactionNo'] !== undefined && !/^\d+$/.test(text(b['vnp_TransactionNo']))) {
      return 'vnp_TransactionNo must be digits';
    }
  }
  return undefined;
}

/** What querydr says a payment is now: its type and status once refunded (05 in progress, 06 sent). */
function paymentState(payment: Payment, now: number): { type: string; status: string } {
  const refund = payment.refunds[payment.refunds.length - 1];
  if (refund) return { type: refund.transactionType, status: refund.settleAt > now ? '05' : '06' };
  return { type: '01', status: payment.outcome?.transactionStatus ?? '01' };
}

export interface TransactionApiOptions {
  refundSettleMs: number;
}

/** One request of the transaction API; the answer's JSON body. */
export function answerTransactionRequest(
  ctx: GatewayContext,
  body: unknown,
  options: TransactionApiOptions,
  now = Date.now(),
): Answer {
  const responseId = randomBytes(16).toString('hex');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { vnp_ResponseId: responseId, vnp_ResponseCode: '03', vnp_Message: MESSAGES['03'] };
  }
  const b = body as Body;
  const command = text(b['vnp_Command']);
  if (command !== 'querydr' && command !== 'refund') {
    return { vnp_ResponseId: responseId, vnp_Command: command, vnp_ResponseCode: '03', vnp_Message: MESSAGES['03'] };
  }
  const merchant = ctx.merchantOf(text(b['vnp_TmnCode']));
  if (!merchant) {
    return { vnp_ResponseId: responseId, vnp_Command: command, vnp_ResponseCode: '02', vnp_Message: MESSAGES['02'] };
  }
  const txnRef = text(b['vnp_TxnRef']);
  const base = { vnp_ResponseId: responseId, vnp_Command: command, vnp_TmnCode: merchant.tmnCode, vnp_TxnRef: txnRef };
  const refuse = (code: string, extra: Answer = {}): Answer =>
    signAnswer(merchant.secret, { ...base, vnp_ResponseCode: code, vnp_Message: MESSAGES[code], ...extra });

  if (formatProblem(b)) return refuse('03');
  // A refund without vnp_TransactionNo is signed with it as "0" by some clients and as "" by others.
  const candidates =
    command === 'refund' && b['vnp_TransactionNo'] === undefined ? [{ ...b, vnp_TransactionNo: '0' }, b] : [b];
  const signed = candidates.some((candidate) =>
    checksumsEqual(hmacSha512(merchant.secret, requestHashData(candidate)), text(b['vnp_SecureHash'])),
  );
  if (!signed) return refuse('97');

  const requests = ctx.store.state.requests;
  const key = `${merchant.tmnCode}/${vnDay(now)}/${text(b['vnp_RequestId'])}`;
  if (requests[key] !== undefined) return refuse('94');
  requests[key] = now;
  for (const [old, at] of Object.entries(requests)) if (at < now - 2 * 24 * 60 * 60 * 1000) delete requests[old];
  ctx.store.save('requests');

  const payment = Object.values(ctx.store.state.payments).find(
    (p) => p.tmnCode === merchant.tmnCode && p.txnRef === txnRef && p.createDate === text(b['vnp_TransactionDate']),
  );
  if (!payment) return refuse('91');

  if (command === 'querydr') {
    const { type, status } = paymentState(payment, now);
    const outcome = payment.outcome;
    return refuse('00', {
      vnp_Amount: payment.amount,
      vnp_OrderInfo: payment.orderInfo,
      vnp_BankCode: outcome?.bankCode,
      vnp_PayDate: outcome?.payDate,
      vnp_TransactionNo: outcome?.transactionNo,
      vnp_TransactionType: type,
      vnp_TransactionStatus: status,
    });
  }

  const outcome = payment.outcome;
  if (!outcome || outcome.responseCode !== '00') return refuse('95');
  const transactionNo = text(b['vnp_TransactionNo']);
  if (transactionNo && transactionNo !== '0' && transactionNo !== outcome.transactionNo) return refuse('91');
  if (payment.refunds.some((r) => r.settleAt > now)) return refuse('94');
  const refunded = payment.refunds.reduce((sum, r) => sum + Number(r.amount), 0);
  const remaining = Number(payment.amount) - refunded;
  const amount = Number(text(b['vnp_Amount']));
  const type = text(b['vnp_TransactionType']) as '02' | '03';
  if (amount > remaining || (type === '02' && amount !== remaining)) return refuse('03');

  const refund = {
    requestId: text(b['vnp_RequestId']),
    transactionType: type,
    amount: String(amount),
    transactionNo: nextTransactionNo(ctx.store),
    createBy: text(b['vnp_CreateBy']).slice(0, 250),
    at: now,
    settleAt: now + options.refundSettleMs,
  };
  payment.refunds.push(refund);
  ctx.store.save('payments');
  ctx.log(`refund ${payment.tmnCode}/${payment.txnRef} (${type}) of ${refund.amount} × 1/100 đồng recorded`);
  return refuse('00', {
    vnp_Amount: refund.amount,
    vnp_BankCode: outcome.bankCode,
    vnp_PayDate: formatVnTime(now),
    vnp_TransactionNo: refund.transactionNo,
    vnp_TransactionType: type,
    vnp_TransactionStatus: '05',
    vnp_OrderInfo: text(b['vnp_OrderInfo']),
  });
}
