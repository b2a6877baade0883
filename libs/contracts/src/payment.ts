import * as z from 'zod';
import type { FeeLine } from './fees';

/**
 * Online payment of a dossier's fee. A payment is one attempt at the gateway:
 * created → pending (the payer is at the gateway) → succeeded | failed | cancelled | expired;
 * a succeeded one may end refunded. Amounts are whole đồng.
 */
export const paymentStates = ['created', 'pending', 'succeeded', 'failed', 'cancelled', 'expired', 'refunded'] as const;
export type PaymentState = (typeof paymentStates)[number];
export const openPaymentStates: readonly PaymentState[] = ['created', 'pending'];

/** How the payer means to pay; absent, they choose on the gateway's page. */
export const paymentMethods = ['card', 'transfer', 'qr'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** `POST /api/dossiers/:code/payments` (with an `Idempotency-Key` header). */
export const createPaymentSchema = z.object({
  method: z.enum(paymentMethods, { message: 'choose' }).optional(),
});
export type CreatePayment = z.input<typeof createPaymentSchema>;

/** `Idempotency-Key`: 1–255 letters, digits and hyphens (GOV.UK Pay's rule). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{1,255}$/;

export interface PaymentEventView {
  action: string;
  fromState: PaymentState | null;
  toState: PaymentState | null;
  at: string;
  details?: Record<string, unknown>;
}

export interface PaymentView {
  /** The portal's payment reference, sent to the gateway as `vnp_TxnRef`. */
  reference: string;
  dossierCode: string;
  state: PaymentState;
  amount: number;
  items: FeeLine[];
  method: PaymentMethod | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  /** The gateway's transaction number and the bank, once paid. */
  transactionNo: string | null;
  bankCode: string | null;
  refund: { state: 'requested' | 'refunded' | 'refused'; amount: number | null; at: string | null } | null;
  /** The signed electronic receipt, once issued (`GET /api/dossiers/:code/payments/:reference/receipt`). */
  receipt: { number: string; verificationCode: string } | null;
  events: PaymentEventView[];
}

/** What creating a payment answers: the payment, and where to send the payer (the portal's own redirect). */
export interface PaymentStart {
  payment: PaymentView;
  checkoutUrl: string;
}

/** `GET /api/payments/:reference/checkout`. */
export const paymentPathSchema = z.object({
  reference: z
    .string()
    .regex(/^DVC\d{14}$/, { message: 'wrongType' })
    .meta({ description: "The portal's payment reference (vnp_TxnRef).", example: 'DVC26120100000001' }),
});

const vnpField = z.string().max(512).optional();
/**
 * The signed query the gateway sends back (return URL and IPN): VNPAY 2.1.0's fields, each a single
 * value; any other field is kept as sent, for the signature covers the whole query.
 */
export const vnpayResultQuerySchema = z.looseObject({
  vnp_TmnCode: vnpField,
  vnp_Amount: vnpField,
  vnp_BankCode: vnpField,
  vnp_BankTranNo: vnpField,
  vnp_CardType: vnpField,
  vnp_PayDate: vnpField,
  vnp_OrderInfo: vnpField,
  vnp_TransactionNo: vnpField,
  vnp_ResponseCode: vnpField,
  vnp_TransactionStatus: vnpField,
  vnp_TxnRef: vnpField,
  vnp_SecureHash: vnpField,
  vnp_SecureHashType: vnpField,
});

/** `/api/verify/:code`: the code printed under a document's QR code (`K7M2-Q9XD`). */
export const verificationPathSchema = z.object({
  code: z
    .string()
    .regex(/^[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/, { message: 'wrongType' })
    .meta({ description: "The verification code printed under the document's QR code.", example: 'K7M2-Q9XD' }),
});

/** The citizen's rating of the service, once the result is out (once per dossier, editable for 7 days). */
export const RATING_EDIT_DAYS = 7;
export const ratingSchema = z.object({
  score: z
    .number({ message: 'ratingScore' })
    .int({ message: 'ratingScore' })
    .min(1, { message: 'ratingScore' })
    .max(5, {
      message: 'ratingScore',
    }),
  comment: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ message: 'wrongType' })
      .transform((v) => v.normalize('NFC').trim())
      .pipe(z.string().max(1000, { message: 'tooLong' }))
      .optional(),
  ),
});
export type RatingInput = z.input<typeof ratingSchema>;

export interface RatingView {
  score: number;
  comment: string | null;
  ratedAt: string;
  /** Until when the citizen may change it. */
  editableUntil: string;
}

/** A rating as the ward's leader (and auditors) read them. */
export interface OfficeRating extends RatingView {
  dossierCode: string;
  procedureName: { vi: string; en: string };
  unitName: string;
}

export interface OfficeRatingsPage {
  rows: OfficeRating[];
  count: number;
  /** The mean score, one decimal; null with no ratings. */
  average: number | null;
}
