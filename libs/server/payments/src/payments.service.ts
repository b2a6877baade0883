import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IDEMPOTENCY_KEY,
  type CreatePayment,
  type FeeLine,
  type PaymentMethod,
  type PaymentStart,
  type PaymentState,
  type PaymentView,
  type SessionUser,
} from '@portal/contracts';
import { applySystemTransition, DossierNotFound, readerScope, tellApplicant } from '@portal/server/dossiers';
import { audit } from '@portal/server/identity';
import { APP_CONFIG, QueueNames, writeToOutbox, type AppConfig } from '@portal/server/platform';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AlreadyPaid,
  IdempotencyKeyInvalid,
  IdempotencyKeyRequired,
  IdempotencyKeyReused,
  NothingToPay,
  PaymentNotFound,
  PaymentReturnInvalid,
} from './payment.errors';
import { queryPayment, refundPayment, type GatewaySettings } from './vnpay/gateway-client';
import { IPN_ANSWERS, outcomeOf, paymentUrl, verifyParams, vnpayDate, type IpnAnswer } from './vnpay/protocol';

/** A payment row as the service reads it. */
interface PaymentRow {
  id: string;
  reference: string;
  dossier_id: string;
  dossier_code: string;
  amount: number;
  items: FeeLine[];
  state: PaymentState;
  method: PaymentMethod | null;
  created_by: string;
  request_hash: string;
  checkout_url: string;
  gateway_created: string;
  expires_at: Date;
  transaction_no: string | null;
  bank_code: string | null;
  paid_at: Date | null;
  refund_state: 'requested' | 'refunded' | 'refused' | null;
  refund_amount: number | null;
  refunded_at: Date | null;
  created_at: Date;
}

const SELECT_PAYMENT = `SELECT p.*, d.code AS dossier_code FROM payment p JOIN dossier d ON d.id = p.dossier_id`;
const OPEN: PaymentState[] = ['created', 'pending'];
const isOpen = (state: PaymentState) => OPEN.includes(state);
const bankCodes: Record<PaymentMethod, 'INTCARD' | 'VNBANK' | 'VNPAYQR'> = {
  card: 'VNBANK',
  transfer: 'VNBANK',
  qr: 'VNPAYQR',
};

/** What the gateway's word (an IPN, or querydr) says happened to a payment. */
export interface GatewayOutcome {
  outcome: 'succeeded' | 'failed' | 'cancelled' | 'expired';
  responseCode: string;
  transactionNo?: string;
  bankCode?: string;
  cardType?: string;
  payDate?: string;
}

/**
 * Online payment of a dossier's fee, the portal's side (GOV.UK Pay's and
 * Stripe's rules): one open payment per dossier, creation idempotent by key, the
 * state changed only on the gateway's signed word (IPN) or its answer to querydr
 * — never on the browser's return —, every step a payment event, a dossier event
 * and an audit entry, and refunds made exactly once.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get gateway(): GatewaySettings {
    return {
      url: this.config.PAYMENT_GATEWAY_URL,
      tmnCode: this.config.PAYMENT_TMN_CODE,
      secret: this.config.PAYMENT_HASH_SECRET,
      timeoutMs: 8000,
    };
  }

  // ---------------------------------------------------------------- creating and starting

  /**
   * Creates the payment of a citizen's dossier, or answers the one this key (same
   * request) or the dossier's open payment already is. Every creation for one
   * dossier takes the dossier's row lock, so concurrent requests are answered one
   * after the other; the unique index keeps one open payment per dossier whatever happens.
   */
  async create(
    user: SessionUser,
    dossierCode: string,
    idempotencyKey: string | undefined,
    body: CreatePayment,
    context: { ip: string; language: 'vi' | 'en'; requestId?: string },
  ): Promise<PaymentStart> {
    if (idempotencyKey === undefined || idempotencyKey === '') throw new IdempotencyKeyRequired();
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) throw new IdempotencyKeyInvalid();
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ dossierCode, method: body.method ?? null }))
      .digest('hex');
    const reference = await this.dataSource.transaction(async (manager) => {
      const [dossier] = (await manager.query(
        `SELECT d.id, d.code, d.status, d.fee_amount, d.fee_items, p.name
           FROM dossier d JOIN procedure p ON p.code = d.procedure_code
          WHERE d.code = $1 AND d.applicant_id = $2 FOR UPDATE OF d`,
        [dossierCode.slice(0, 32), user.id],
      )) as { id: string; code: string; status: string; fee_amount: number; fee_items: FeeLine[]; name: string }[];
      if (!dossier) throw new DossierNotFound();

      const [same] = (await manager.query(
        `SELECT reference, request_hash FROM payment WHERE created_by = $1 AND idempotency_key = $2`,
        [user.id, idempotencyKey],
      )) as { reference: string; request_hash: string }[];
      if (same) {
        if (same.request_hash !== requestHash) throw new IdempotencyKeyReused();
        return same.reference;
      }
      const payments = (await manager.query(`${SELECT_PAYMENT} WHERE p.dossier_id = $1 ORDER BY p.created_at`, [
        dossier.id,
      ])) as PaymentRow[];
      if (payments.some((p) => p.state === 'succeeded')) throw new AlreadyPaid();
      if (dossier.status !== 'awaiting_payment' || dossier.fee_amount <= 0) throw new NothingToPay(dossier.status);

      const now = new Date();
      const open = payments.find((p) => isOpen(p.state));
      if (open && open.state === 'created' && open.expires_at > now) return open.reference;
      // The payer left a checkout unfinished (or it ran out): that attempt is given up, and a new one starts.
      // Should the gateway still report it paid, that word wins and any second payment is refunded.
      if (open) await this.move(manager, open, open.expires_at > now ? 'cancelled' : 'expired', 'superseded', {});

      const [{ seq }] = await manager.query(`SELECT nextval('payment_reference_seq') AS seq`);
      const ref = `DVC${vnpayDate(now).slice(2, 8)}${String(seq).padStart(8, '0')}`;
      const expiresAt = new Date(now.getTime() + this.config.PAYMENT_EXPIRY_MINUTES * 60_000);
      const { url, createDate } = paymentUrl({
        gatewayUrl: this.config.PAYMENT_GATEWAY_URL,
        tmnCode: this.config.PAYMENT_TMN_CODE,
        secret: this.config.PAYMENT_HASH_SECRET,
        reference: ref,
        amount: dossier.fee_amount,
        orderInfo: `Thanh toan le phi ho so ${dossier.code}`,
        locale: context.language === 'en' ? 'en' : 'vn',
        returnUrl: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/payments/vnpay/return`,
        ipAddr: context.ip,
        createdAt: now,
        expiresAt,
        ...(body.method ? { bankCode: bankCodes[body.method] } : {}),
      });
      const inserted = (await manager.query(
        `INSERT INTO payment (reference, dossier_id, amount, items, method, created_by, idempotency_key, request_hash,
                              checkout_url, gateway_created, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT DO NOTHING RETURNING *`,
        [
          ref,
          dossier.id,
          dossier.fee_amount,
          JSON.stringify(dossier.fee_items),
          body.method ?? null,
          user.id,
          idempotencyKey,
          requestHash,
          url,
          createDate,
          expiresAt,
        ],
      )) as PaymentRow[];
      // Only a race the row lock rules out could land here; the unique indexes are the last word.
      if (!inserted.length) throw new IdempotencyKeyReused();
      const payment = { ...inserted[0], dossier_code: dossier.code };
      await this.record(
        manager,
        payment,
        'created',
        null,
        'created',
        { amount: payment.amount },
        user.id,
        context.requestId,
      );
      return ref;
    });
    const payment = await this.byReference(this.dataSource.manager, reference);
    return { payment: await this.view(payment), checkoutUrl: `/api/payments/${reference}/checkout` };
  }

  /** The payer is on their way to the gateway: the payment is pending, and the signed redirect is answered. */
  async checkout(user: SessionUser, reference: string): Promise<{ url: string } | { dossierCode: string }> {
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.byReference(manager, reference, true);
      if (payment.created_by !== user.id) throw new PaymentNotFound();
      if (payment.state === 'created' && payment.expires_at > new Date()) {
        await this.move(manager, payment, 'pending', 'sent-to-gateway', {}, user.id);
        return { url: payment.checkout_url };
      }
      if (payment.state === 'pending' && payment.expires_at > new Date()) return { url: payment.checkout_url };
      return { dossierCode: payment.dossier_code };
    });
  }

  // ---------------------------------------------------------------- the gateway's word

  /**
   * The gateway's server-to-server notice (IPN). Checked before anything changes:
   * signature (constant time), merchant, reference, amount and currency. Each
   * notice is kept once by (reference, transaction number, response code): a
   * duplicate or a replay finds its twin. A notice about a payment already final
   * answers `02` and changes nothing — except a genuine success, which is the
   * gateway saying the money moved: it is recorded (and refunded if the dossier
   * was paid another way meanwhile).
   */
  async notice(params: Record<string, string>): Promise<IpnAnswer> {
    const reference = params['vnp_TxnRef'] ?? '';
    const log = (answer: IpnAnswer, why: string) => {
      this.logger.warn({
        msg: 'payment notice refused',
        reference: reference.slice(0, 40),
        why,
        answer: answer.RspCode,
      });
      return answer;
    };
    if (!verifyParams(params, this.config.PAYMENT_HASH_SECRET)) return log(IPN_ANSWERS.invalidSignature, 'signature');
    if (params['vnp_TmnCode'] !== this.config.PAYMENT_TMN_CODE) return log(IPN_ANSWERS.notFound, 'merchant');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [payment] = (await manager.query(`${SELECT_PAYMENT} WHERE p.reference = $1 FOR UPDATE OF p`, [
          reference.slice(0, 32),
        ])) as PaymentRow[];
        if (!payment) return log(IPN_ANSWERS.notFound, 'reference');
        if (params['vnp_Amount'] !== String(payment.amount * 100)) return log(IPN_ANSWERS.invalidAmount, 'amount');
        if (params['vnp_CurrCode'] !== undefined && params['vnp_CurrCode'] !== 'VND')
          return log(IPN_ANSWERS.invalidAmount, 'currency');

        const [kept] = (await manager.query(
          `INSERT INTO payment_notice (reference, transaction_no, response_code, outcome, params)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (reference, transaction_no, response_code)
           DO UPDATE SET times_received = payment_notice.times_received + 1, last_at = now()
           RETURNING times_received`,
          [
            payment.reference,
            (params['vnp_TransactionNo'] ?? '').slice(0, 64),
            (params['vnp_ResponseCode'] ?? '').slice(0, 8),
            outcomeOf(params['vnp_ResponseCode'] ?? '', params['vnp_TransactionStatus']),
            JSON.stringify(params),
          ],
        )) as { times_received: number }[];
        if (kept.times_received > 1) return log(IPN_ANSWERS.alreadyConfirmed, 'seen before');

        const outcome: GatewayOutcome = {
          outcome: outcomeOf(params['vnp_ResponseCode'] ?? '', params['vnp_TransactionStatus']),
          responseCode: params['vnp_ResponseCode'] ?? '',
          transactionNo: params['vnp_TransactionNo'],
          bankCode: params['vnp_BankCode'],
          cardType: params['vnp_CardType'],
          payDate: params['vnp_PayDate'],
        };
        const changed = await this.settle(manager, payment, outcome, 'ipn');
        return changed ? IPN_ANSWERS.confirmed : log(IPN_ANSWERS.alreadyConfirmed, `payment ${payment.state}`);
      });
    } catch (error) {
      this.logger.error({ msg: 'payment notice failed', reference: reference.slice(0, 40), err: error });
      return IPN_ANSWERS.other;
    }
  }

  /**
   * The browser back from the gateway. Its query is only a pointer: the page shows
   * what the server holds. When the notice is late, the gateway is asked (querydr).
   */
  async browserReturn(params: Record<string, string>): Promise<{ dossierCode: string; reference: string }> {
    if (
      !verifyParams(params, this.config.PAYMENT_HASH_SECRET) ||
      params['vnp_TmnCode'] !== this.config.PAYMENT_TMN_CODE
    )
      throw new PaymentReturnInvalid();
    const payment = await this.byReference(this.dataSource.manager, (params['vnp_TxnRef'] ?? '').slice(0, 32)).catch(
      () => {
        throw new PaymentReturnInvalid();
      },
    );
    if (isOpen(payment.state)) await this.reconcileOne(payment.id, { expireIfUnpaid: false });
    return { dossierCode: payment.dossier_code, reference: payment.reference };
  }

  /**
   * Applies the gateway's word to a payment (inside the caller's transaction, the
   * row locked). An open payment takes any outcome; a failed, cancelled or expired
   * one only a success (money that moved is never ignored); a succeeded or
   * refunded one nothing. Answers whether anything changed.
   */
  async settle(
    manager: EntityManager,
    payment: PaymentRow,
    outcome: GatewayOutcome,
    by: 'ipn' | 'querydr' | 'expiry',
  ): Promise<boolean> {
    const final = !isOpen(payment.state);
    if (payment.state === 'succeeded' || payment.state === 'refunded') return false;
    if (final && outcome.outcome !== 'succeeded') return false;
    await manager.query(
      `UPDATE payment SET transaction_no = COALESCE($2, transaction_no), bank_code = COALESCE($3, bank_code),
              card_type = COALESCE($4, card_type), response_code = $5, settled_at = now(), settled_by = $6,
              paid_at = CASE WHEN $7 THEN now() ELSE paid_at END
        WHERE id = $1`,
      [
        payment.id,
        outcome.transactionNo?.slice(0, 32) || null,
        outcome.bankCode?.slice(0, 32) || null,
        outcome.cardType?.slice(0, 32) || null,
        outcome.responseCode.slice(0, 4),
        by,
        outcome.outcome === 'succeeded',
      ],
    );
    await this.move(manager, payment, outcome.outcome, `settled-by-${by}`, {
      responseCode: outcome.responseCode,
      ...(outcome.transactionNo ? { transactionNo: outcome.transactionNo } : {}),
      ...(outcome.bankCode ? { bankCode: outcome.bankCode } : {}),
    });
    // Paid: the dossier goes on to its ward. (Withdrawn or paid otherwise meanwhile: the refund sweep returns it.)
    if (outcome.outcome === 'succeeded') {
      const moved = await applySystemTransition(manager, payment.dossier_id, 'pay', {
        payment: payment.reference,
        amount: payment.amount,
      });
      // The signed electronic receipt, made in the worker once this commits; when the dossier moved on,
      // the e-mail that says the fee is received goes out with it, the receipt attached.
      await writeToOutbox(manager, [
        { queue: QueueNames.documents, name: 'issue-receipt', payload: { paymentId: payment.id, tell: moved } },
      ]);
    }
    return true;
  }

  // ---------------------------------------------------------------- reconciliation and refunds

  /**
   * Asks the gateway about one open payment and settles it; past its expiry with
   * nothing paid, it is expired (when `expireIfUnpaid`). Gateway unreachable: left for the next sweep.
   */
  async reconcileOne(paymentId: string, options: { expireIfUnpaid: boolean }): Promise<PaymentState> {
    const [payment] = (await this.dataSource.query(`${SELECT_PAYMENT} WHERE p.id = $1`, [paymentId])) as PaymentRow[];
    if (!payment || !isOpen(payment.state)) return payment?.state ?? 'expired';
    const answer = await queryPayment(this.gateway, {
      reference: payment.reference,
      gatewayCreated: payment.gateway_created,
      orderInfo: `Tra cuu giao dich ${payment.reference}`,
    });
    if (answer.kind === 'unavailable') {
      this.logger.warn({ msg: 'querydr unavailable', reference: payment.reference, reason: answer.reason });
      return payment.state;
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.byReference(manager, payment.reference, true);
      const expired = current.expires_at.getTime() < Date.now();
      if (answer.kind === 'found' && answer.amount !== current.amount * 100) {
        this.logger.warn({ msg: 'querydr amount differs', reference: current.reference });
        return current.state;
      }
      if (answer.kind === 'found' && answer.transactionStatus === '00') {
        await this.settle(
          manager,
          current,
          { outcome: 'succeeded', responseCode: '00', transactionNo: answer.transactionNo, bankCode: answer.bankCode },
          'querydr',
        );
      } else if (answer.kind === 'found' && answer.transactionStatus !== '01') {
        await this.settle(manager, current, { outcome: 'failed', responseCode: answer.transactionStatus }, 'querydr');
      } else if (expired && options.expireIfUnpaid) {
        await this.settle(manager, current, { outcome: 'expired', responseCode: '11' }, 'expiry');
      }
      return (await this.byReference(manager, current.reference)).state;
    });
  }

  /**
   * The sweep the worker repeats: open payments older than a few minutes (and
   * younger than three days) asked about; older ones expired; paid dossiers that
   * ended without their result (refused, stopped, withdrawn) and second payments
   * of one dossier refunded, once; unpaid dossiers reminded, then withdrawn.
   */
  async sweep(
    now = new Date(),
  ): Promise<{ reconciled: number; refunded: number; reminded: number; cancelled: number }> {
    const after = this.config.PAYMENT_RECONCILE_AFTER_SECONDS;
    const open = (await this.dataSource.query(
      `SELECT id, created_at FROM payment
        WHERE state IN ('created', 'pending') AND created_at < $1::timestamptz - make_interval(secs => $2)
        ORDER BY created_at LIMIT 200`,
      [now, after],
    )) as { id: string; created_at: Date }[];
    let reconciled = 0;
    for (const payment of open) {
      const tooOld = now.getTime() - new Date(payment.created_at).getTime() > 3 * 86_400_000;
      if (tooOld) {
        await this.dataSource.transaction(async (manager) => {
          const [row] = (await manager.query(`${SELECT_PAYMENT} WHERE p.id = $1 FOR UPDATE OF p`, [
            payment.id,
          ])) as PaymentRow[];
          if (row && isOpen(row.state))
            await this.settle(manager, row, { outcome: 'expired', responseCode: '11' }, 'expiry');
        });
      } else {
        const state = await this.reconcileOne(payment.id, { expireIfUnpaid: true });
        if (!isOpen(state)) reconciled++;
      }
    }
    const refunded = await this.refundDue();
    const { reminded, cancelled } = await this.chaseUnpaid(now);
    return { reconciled, refunded, reminded, cancelled };
  }

  /**
   * Refunds, each exactly once: the claim is a conditional update of the payment's
   * refund key (unique), so a sweep running twice, or two at once, refunds once;
   * a claim whose call did not get an answer is asked again by the next sweep (the
   * gateway answers `94` for a refund already made).
   */
  async refundDue(): Promise<number> {
    const due = (await this.dataSource.query(
      `SELECT p.id FROM payment p JOIN dossier d ON d.id = p.dossier_id
        WHERE p.state = 'succeeded' AND (p.refund_state IS NULL OR p.refund_state = 'requested')
          AND (d.status IN ('refused', 'stopped', 'withdrawn')
               OR EXISTS (SELECT 1 FROM payment q WHERE q.dossier_id = p.dossier_id AND q.id <> p.id
                            AND q.state IN ('succeeded', 'refunded') AND q.paid_at < p.paid_at))
        LIMIT 100`,
    )) as { id: string }[];
    let refunded = 0;
    for (const { id } of due) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query(
          `UPDATE payment SET refund_key = 'refund-' || reference, refund_state = 'requested', refund_amount = amount
            WHERE id = $1 AND state = 'succeeded' AND (refund_key IS NULL OR refund_state = 'requested')
          RETURNING id, refund_key, (xmax = 0) AS fresh`,
          [id],
        )) as { id: string }[];
        if (!row) return undefined;
        const [payment] = (await manager.query(`${SELECT_PAYMENT} WHERE p.id = $1 FOR UPDATE OF p SKIP LOCKED`, [
          id,
        ])) as PaymentRow[];
        if (!payment) return undefined;
        const first = !(
          await manager.query(`SELECT 1 FROM payment_event WHERE payment_id = $1 AND action = 'refund-requested'`, [id])
        ).length;
        if (first)
          await this.record(manager, payment, 'refund-requested', 'succeeded', 'succeeded', { amount: payment.amount });
        return payment;
      });
      if (!claimed) continue;
      const answer = await refundPayment(this.gateway, {
        reference: claimed.reference,
        gatewayCreated: claimed.gateway_created,
        amount: claimed.amount,
        transactionNo: claimed.transaction_no ?? '0',
        orderInfo: `Hoan tien ho so ${claimed.dossier_code}`,
      });
      if (answer.kind === 'unavailable') {
        this.logger.warn({ msg: 'refund call unanswered', reference: claimed.reference, reason: answer.reason });
        continue;
      }
      await this.dataSource.transaction(async (manager) => {
        const payment = await this.byReference(manager, claimed.reference, true);
        if (payment.state !== 'succeeded' || payment.refund_state !== 'requested') return;
        if (answer.kind === 'refused') {
          await manager.query(`UPDATE payment SET refund_state = 'refused' WHERE id = $1`, [payment.id]);
          await this.record(manager, payment, 'refund-refused', 'succeeded', 'succeeded', { code: answer.code });
          return;
        }
        await manager.query(`UPDATE payment SET refund_state = 'refunded', refunded_at = now() WHERE id = $1`, [
          payment.id,
        ]);
        await this.move(manager, payment, 'refunded', 'refunded', { amount: payment.amount });
        await tellApplicant(manager, payment.dossier_id, this.config.PUBLIC_URL, {
          change: 'refunded',
          amount: payment.amount,
        });
        refunded++;
      });
    }
    return refunded;
  }

  /** Unpaid dossiers: one reminder after UNPAID_REMIND_AFTER_HOURS, withdrawn after UNPAID_CANCEL_AFTER_HOURS. */
  async chaseUnpaid(now: Date): Promise<{ reminded: number; cancelled: number }> {
    const hours = (h: number) => new Date(now.getTime() - h * 3600_000);
    const toCancel = (await this.dataSource.query(
      `SELECT d.id FROM dossier d
        WHERE d.status = 'awaiting_payment' AND d.submitted_at < $1
          AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.dossier_id = d.id AND p.state IN ('created', 'pending'))
        LIMIT 200`,
      [hours(this.config.UNPAID_CANCEL_AFTER_HOURS)],
    )) as { id: string }[];
    let cancelled = 0;
    for (const { id } of toCancel) {
      const done = await this.dataSource.transaction(async (manager) => {
        const moved = await applySystemTransition(manager, id, 'cancel_unpaid', {
          afterHours: this.config.UNPAID_CANCEL_AFTER_HOURS,
        });
        if (moved) {
          await audit(manager, {
            actorId: null,
            action: 'dossier.cancelled-unpaid',
            targetType: 'dossier',
            targetId: id,
          });
          await tellApplicant(manager, id, this.config.PUBLIC_URL, { change: 'cancelled_unpaid' });
        }
        return moved;
      });
      if (done) cancelled++;
    }
    const toRemind = (await this.dataSource.query(
      `SELECT d.id FROM dossier d
        WHERE d.status = 'awaiting_payment' AND d.submitted_at < $1
          AND NOT EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = 'payment-reminder')
        LIMIT 200`,
      [hours(this.config.UNPAID_REMIND_AFTER_HOURS)],
    )) as { id: string }[];
    for (const { id } of toRemind) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO dossier_event (dossier_id, actor_role, action, details) VALUES ($1, 'system', 'payment-reminder', $2)`,
          [id, JSON.stringify({ afterHours: this.config.UNPAID_REMIND_AFTER_HOURS })],
        );
        const [{ fee_amount: amount }] = await manager.query(`SELECT fee_amount FROM dossier WHERE id = $1`, [id]);
        await tellApplicant(manager, id, this.config.PUBLIC_URL, {
          change: 'payment_reminder',
          amount: Number(amount),
        });
      });
    }
    return { reminded: toRemind.length, cancelled };
  }

  // ---------------------------------------------------------------- reading

  /** The payments of a citizen's own dossier, newest first. */
  async ofMyDossier(user: SessionUser, dossierCode: string): Promise<PaymentView[]> {
    const [dossier] = await this.dataSource.query(`SELECT id FROM dossier WHERE code = $1 AND applicant_id = $2`, [
      dossierCode.slice(0, 32),
      user.id,
    ]);
    if (!dossier) throw new DossierNotFound();
    return this.ofDossier(dossier.id);
  }

  /** The payments of a dossier in a reader of the back office's scope (their ward's; every ward's for auditors). */
  async ofOfficeDossier(user: SessionUser, dossierCode: string): Promise<PaymentView[]> {
    const { unitCode } = readerScope(user);
    const [dossier] = await this.dataSource.query(
      `SELECT id FROM dossier WHERE code = $1 AND ($2::text IS NULL OR unit_code = $2)`,
      [dossierCode.slice(0, 32), unitCode],
    );
    if (!dossier) throw new DossierNotFound();
    return this.ofDossier(dossier.id);
  }

  private async ofDossier(dossierId: string): Promise<PaymentView[]> {
    const rows = (await this.dataSource.query(`${SELECT_PAYMENT} WHERE p.dossier_id = $1 ORDER BY p.created_at DESC`, [
      dossierId,
    ])) as PaymentRow[];
    return Promise.all(rows.map((row) => this.view(row)));
  }

  private async view(row: PaymentRow): Promise<PaymentView> {
    const [receipt] = await this.dataSource.query(
      `SELECT receipt_number, verification_code FROM payment_receipt WHERE payment_id = $1`,
      [row.id],
    );
    const events = (await this.dataSource.query(
      `SELECT action, from_state, to_state, details, created_at FROM payment_event WHERE payment_id = $1 ORDER BY id`,
      [row.id],
    )) as {
      action: string;
      from_state: PaymentState | null;
      to_state: PaymentState | null;
      details: Record<string, unknown> | null;
      created_at: Date;
    }[];
    return {
      reference: row.reference,
      dossierCode: row.dossier_code,
      state: row.state,
      amount: row.amount,
      items: row.items,
      method: row.method,
      createdAt: new Date(row.created_at).toISOString(),
      expiresAt: new Date(row.expires_at).toISOString(),
      paidAt: row.paid_at ? new Date(row.paid_at).toISOString() : null,
      transactionNo: row.transaction_no,
      bankCode: row.bank_code,
      refund: row.refund_state
        ? {
            state: row.refund_state,
            amount: row.refund_amount,
            at: row.refunded_at ? new Date(row.refunded_at).toISOString() : null,
          }
        : null,
      receipt: receipt ? { number: receipt.receipt_number, verificationCode: receipt.verification_code } : null,
      events: events.map((e) => ({
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        at: new Date(e.created_at).toISOString(),
        ...(e.details ? { details: e.details } : {}),
      })),
    };
  }

  private async byReference(manager: EntityManager, reference: string, lock = false): Promise<PaymentRow> {
    const [row] = (await manager.query(`${SELECT_PAYMENT} WHERE p.reference = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [
      reference.slice(0, 32),
    ])) as PaymentRow[];
    if (!row) throw new PaymentNotFound();
    return row;
  }

  // ---------------------------------------------------------------- recording

  /** A change of state: the row, its payment event, the dossier's event and the audit trail, together. */
  private async move(
    manager: EntityManager,
    payment: PaymentRow,
    to: PaymentState,
    action: string,
    details: Record<string, unknown>,
    actorId: string | null = null,
  ): Promise<void> {
    await manager.query(`UPDATE payment SET state = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [
      payment.id,
      to,
    ]);
    await this.record(manager, payment, action, payment.state, to, details, actorId);
    payment.state = to;
  }

  private async record(
    manager: EntityManager,
    payment: PaymentRow,
    action: string,
    from: PaymentState | null,
    to: PaymentState | null,
    details: Record<string, unknown>,
    actorId: string | null = null,
    requestId?: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO payment_event (payment_id, action, from_state, to_state, details) VALUES ($1, $2, $3, $4, $5)`,
      [payment.id, action, from, to, JSON.stringify(details)],
    );
    await manager.query(
      `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, details, request_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        payment.dossier_id,
        actorId,
        actorId ? 'citizen' : 'system',
        `payment-${to === from ? action : to}`,
        JSON.stringify({ payment: payment.reference, amount: payment.amount, action, ...details }),
        requestId ?? null,
      ],
    );
    await audit(manager, {
      actorId,
      action: `payment.${action}`,
      targetType: 'payment',
      targetId: payment.reference,
      details: { from, to, dossierId: payment.dossier_id, ...details },
      requestId,
    });
  }
}
