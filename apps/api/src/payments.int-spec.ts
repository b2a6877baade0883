import 'reflect-metadata';
import {
  clearFaults,
  payAtCheckout,
  paymentState,
  setFault,
  startPayGateway,
  TEST_CARDS,
  type PayGateway,
} from '@portal/pay-gateway/testing';
import type { ApiError, OfficeDossier, PaymentStart, PaymentView } from '@portal/contracts';
import { PaymentsService, signParams } from '@portal/server/payments';
import { ResultsService } from '@portal/server/results';
import {
  aBirthApplication,
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  BrowserClient,
  eventually,
  uploadPaper,
  vietnamDaysAgo,
} from '@portal/testing';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { VNPay } from 'vnpay';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

const TMN = 'DVCPORT1';
const card = (code: string) => TEST_CARDS.find((c) => c.responseCode === code && c.at === 'otp')?.number ?? '';

/**
 * Online payment against the running gateway stand-in (apps/pay-gateway, VNPAY API 2.1.0): the
 * citizen pays a late birth registration item by item; the gateway's notices — forged, replayed,
 * duplicated, out of order, late, of the wrong amount, or never sent — change nothing they should not;
 * concurrent creations make one payment; reconciliation settles and expires; a refused paid dossier
 * is refunded once; a gateway restarted mid-retry still delivers. The `vnpay` package is the third
 * implementation both sides are held to.
 */
describe('online payment through the gateway', () => {
  const secret = randomBytes(24).toString('hex');
  let gateway: PayGateway;
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;
  let clerk: BrowserClient;
  let ipnUrl = 'http://127.0.0.1:9/not-yet';
  const merchant = () => ({ tmnCode: TMN, secret, ipnUrl, name: 'Cổng Dịch vụ công' });
  const oracle = () =>
    new VNPay({ tmnCode: TMN, secureSecret: secret, vnpayHost: gateway.url, queryDrAndRefundHost: gateway.url });
  const startGateway = (dataDir?: string, port = 0) =>
    startPayGateway({
      merchants: [merchant()],
      port,
      ...(dataDir ? { dataDir } : {}),
      ipnAttempts: 8,
      ipnIntervalMs: 200,
      ipnTimeoutMs: 3000,
      ipnLateMs: 2000,
      refundSettleMs: 100,
      log: () => undefined,
    });

  beforeAll(async () => {
    gateway = await startGateway();
    api = await startApi({
      config: {
        PAYMENT_GATEWAY_URL: gateway.url,
        PAYMENT_HASH_SECRET: secret,
        PAYMENT_RECONCILE_AFTER_SECONDS: 0,
        UNPAID_REMIND_AFTER_HOURS: 24,
        UNPAID_CANCEL_AFTER_HOURS: 72,
      },
    });
    ({ base, dataSource } = api);
    ipnUrl = `${base}/payments/vnpay/ipn`;
    gateway.setMerchant(merchant());
    clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
  });

  afterAll(async () => {
    await api?.stop();
    await gateway?.stop();
  });

  afterEach(() => clearFaults(gateway.url));

  const payments = () => api.app.get(PaymentsService);

  /** A late birth registration (90 days) with two extra copies posted: 8,000 + 2 × 8,000 + 25,000 ₫. */
  async function aDossierToPay(browser?: BrowserClient): Promise<{ browser: BrowserClient; code: string }> {
    const citizen = browser ?? (await aSignedInCitizen(base)).browser;
    const certificate = await uploadPaper(citizen, 'medical_birth_certificate');
    const draft = await aDraft(
      citizen,
      aBirthApplication(
        { medical_birth_certificate: certificate },
        {
          child: { fullName: 'Phan Gia Hưng', sex: 'male', dateOfBirth: vietnamDaysAgo(90) },
          delivery: { extraCopies: 2, method: 'post', postalAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình, Hà Nội' },
        },
      ),
    );
    const submitted = await citizen.post(`/drafts/${draft.id}/submit`);
    expect(submitted.status).toBe(201);
    const { code, status, feeAmount } = (await submitted.json()) as { code: string; status: string; feeAmount: number };
    expect({ status, feeAmount }).toEqual({ status: 'awaiting_payment', feeAmount: 49_000 });
    return { browser: citizen, code };
  }

  const create = (browser: BrowserClient, code: string, key: string | null = randomUUID(), body: unknown = {}) =>
    browser.request('POST', `/dossiers/${code}/payments`, body, key === null ? {} : { 'Idempotency-Key': key });

  async function started(browser: BrowserClient, code: string): Promise<{ reference: string; url: string }> {
    const response = await create(browser, code);
    expect(response.status).toBe(201);
    const start = (await response.json()) as PaymentStart;
    const redirect = await browser.get(start.checkoutUrl.replace(/^\/api/, ''));
    expect(redirect.status).toBe(303);
    return { reference: start.payment.reference, url: redirect.headers.get('location') ?? '' };
  }

  const paymentOf = async (reference: string) =>
    (
      await dataSource.query(
        `SELECT p.state, p.amount, p.transaction_no, p.refund_state, d.status AS dossier_status, d.code
           FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE p.reference = $1`,
        [reference],
      )
    )[0] as {
      state: string;
      amount: number;
      transaction_no: string | null;
      refund_state: string | null;
      dossier_status: string;
    };
  const settled = (reference: string, state: string) =>
    eventually(
      async () => ((await paymentOf(reference)).state === state ? paymentOf(reference) : undefined),
      10_000,
      `payment ${reference} ${state}`,
    );
  const eventsOf = async (reference: string) =>
    (
      (await dataSource.query(
        `SELECT e.action FROM payment_event e JOIN payment p ON p.id = e.payment_id WHERE p.reference = $1 ORDER BY e.id`,
        [reference],
      )) as { action: string }[]
    ).map((e) => e.action);
  const deliveries = async (reference: string) => (await paymentState(gateway.url, TMN, reference)).deliveries;

  it('takes a late registration with two copies posted, priced item by item, paid by card: the ward gets it as paid', async () => {
    const { browser, code } = await aDossierToPay();
    const response = await create(browser, code, randomUUID(), { method: 'card' });
    expect(response.status).toBe(201);
    const start = (await response.json()) as PaymentStart;
    expect(start.payment).toMatchObject({ state: 'created', amount: 49_000, method: 'card' });
    expect(start.payment.items.map((i) => [i.case, i.quantity, i.amount])).toEqual([
      ['late', 1, 8000],
      ['extra_copy', 2, 16000],
      ['post_delivery', 1, 25000],
    ]);

    // The portal's signed redirect is what the `vnpay` package would build from the same facts.
    const redirect = await browser.get(start.checkoutUrl.replace(/^\/api/, ''));
    expect(redirect.status).toBe(303);
    const url = new URL(redirect.headers.get('location') ?? '');
    expect(url.origin + url.pathname).toBe(`${gateway.url}/paymentv2/vpcpay.html`);
    const params = Object.fromEntries(url.searchParams.entries());
    expect(params).toMatchObject({ vnp_Amount: '4900000', vnp_TmnCode: TMN, vnp_TxnRef: start.payment.reference });
    const { vnp_SecureHash: hash, ...unsigned } = params;
    expect(hash).toBe(signParams(unsigned, secret));
    const rebuilt = new URL(
      oracle().buildPaymentUrl({
        vnp_Amount: 49_000,
        vnp_IpAddr: unsigned['vnp_IpAddr'],
        vnp_TxnRef: unsigned['vnp_TxnRef'],
        vnp_OrderInfo: unsigned['vnp_OrderInfo'],
        vnp_OrderType: 'billpayment' as never,
        vnp_ReturnUrl: unsigned['vnp_ReturnUrl'],
        vnp_Locale: unsigned['vnp_Locale'] as never,
        vnp_BankCode: unsigned['vnp_BankCode'],
        vnp_CreateDate: Number(unsigned['vnp_CreateDate']),
        vnp_ExpireDate: Number(unsigned['vnp_ExpireDate']),
      }),
    );
    expect(rebuilt.searchParams.get('vnp_SecureHash')).toBe(hash);
    expect((await paymentOf(start.payment.reference)).state).toBe('pending');

    const paid = await payAtCheckout(url.toString(), { card: card('00') });
    expect(paid.responseCode).toBe('00');
    expect(oracle().verifyReturnUrl(paid.params as never).isVerified).toBe(true);
    // Back in the browser: the page shows what the server holds (the IPN may or may not have come yet).
    const back = await browser.get(`/payments/vnpay/return?${new URL(paid.location).searchParams}`);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/dossiers/${code}?payment=${start.payment.reference}`);
    const row = await settled(start.payment.reference, 'succeeded');
    expect(row).toMatchObject({ dossier_status: 'new', amount: 49_000 });

    const [view] = (await (await browser.get(`/dossiers/${code}/payments`)).json()) as PaymentView[];
    expect(view).toMatchObject({ state: 'succeeded', amount: 49_000, bankCode: 'NCB' });
    expect(view.events.map((e) => e.action)).toEqual([
      'created',
      'sent-to-gateway',
      expect.stringMatching(/^settled-by-/),
    ]);
    const office = (await (await clerk.get(`/office/dossiers/${code}/payments`)).json()) as PaymentView[];
    expect(office[0].state).toBe('succeeded');
    const dossier = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    expect(dossier.status).toBe('new');
    const audits = await dataSource.query(
      `SELECT action FROM audit_event WHERE target_type = 'payment' AND target_id = $1 ORDER BY id`,
      [start.payment.reference],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual([
      'payment.created',
      'payment.sent-to-gateway',
      expect.stringMatching(/^payment\.settled-by-/),
    ]);
    const timeline = await dataSource.query(
      `SELECT e.action FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = $1 ORDER BY e.id`,
      [code],
    );
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['submit', 'payment-created', 'payment-pending', 'payment-succeeded', 'pay']),
    );
    // Once confirmed, the gateway stops: one call, answered 00.
    await eventually(async () => (await deliveries(start.payment.reference))[0]?.attempts?.length, 5000, 'the IPN');
    expect(await payments().notice(paid.params)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
  });

  it('issues one signed electronic receipt per successful payment, with the amount in words, verifiable by its code', async () => {
    const { browser, code } = await aDossierToPay();
    const { reference, url } = await started(browser, code);
    await payAtCheckout(url, { card: card('00') });
    await settled(reference, 'succeeded');
    const [{ id: paymentId }] = await dataSource.query(`SELECT id FROM payment WHERE reference = $1`, [reference]);
    const [queued] = await dataSource.query(
      `SELECT payload FROM outbox_message WHERE queue = 'documents' AND job_name = 'issue-receipt' AND payload->>'paymentId' = $1`,
      [paymentId],
    );
    // The job says to tell the citizen (the dossier moved on); it runs twice at once: one receipt, one e-mail.
    expect(queued.payload).toEqual({ paymentId, tell: true });
    const receipts = api.app.get(ResultsService);
    const runs = await Promise.all([
      receipts.issueReceipt(paymentId, { tell: true }),
      receipts.issueReceipt(paymentId, { tell: true }),
    ]);
    expect(runs.filter((r) => r.issued)).toHaveLength(1);
    // The e-mail that says the fee is received carries the signed receipt, the very bytes kept.
    const mails = await dataSource.query(
      `SELECT a.file_name, a.content_type, encode(sha256(a.content), 'hex') AS sha
         FROM notification n JOIN dossier d ON d.id = n.dossier_id
         LEFT JOIN notification_attachment a ON a.notification_id = n.id
        WHERE d.code = $1 AND n.params->>'change' = 'payment_received'`,
      [code],
    );
    const [kept] = await dataSource.query(`SELECT receipt_number, sha256 FROM payment_receipt WHERE payment_id = $1`, [
      paymentId,
    ]);
    expect(mails).toEqual([
      { file_name: `${kept.receipt_number}.pdf`, content_type: 'application/pdf', sha: kept.sha256 },
    ]);
    const download = await browser.get(`/dossiers/${code}/payments/${reference}/receipt`);
    expect(download.status).toBe(200);
    const pdf = Buffer.from(await download.arrayBuffer());
    const dir = mkdtempSync(join(tmpdir(), 'portal-receipt-'));
    writeFileSync(join(dir, 'bien-lai.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'bien-lai.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('BIÊN LAI');
    expect(text).toContain('Trần Thị Mai');
    expect(text).toContain('49.000');
    expect(text).toContain('Bốn mươi chín nghìn đồng');
    expect(text).toContain(reference);
    let signature = '';
    try {
      signature = execFileSync('pdfsig', [join(dir, 'bien-lai.pdf')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      signature = String((error as { stdout?: string }).stdout);
    }
    expect(signature).toContain('Signature is Valid');
    rmSync(dir, { recursive: true, force: true });
    const [view] = (await (await browser.get(`/dossiers/${code}/payments`)).json()) as PaymentView[];
    expect(view.receipt?.number).toMatch(/^BL-\d{4}-\d{6}$/);
    const verified = await new BrowserClient(base).get(`/verify/${view.receipt?.verificationCode}`);
    expect(await verified.json()).toMatchObject({
      title: 'BIÊN LAI THU PHÍ, LỆ PHÍ',
      documentNumber: view.receipt?.number,
    });
    expect(
      (await (await aSignedInCitizen(base)).browser.get(`/dossiers/${code}/payments/${reference}/receipt`)).status,
    ).toBe(404);
  });

  it('leaves a declined card and a cancelled payment awaiting payment, and a new attempt can pay', async () => {
    const { browser, code } = await aDossierToPay();
    const declined = await started(browser, code);
    expect((await payAtCheckout(declined.url, { card: card('51') })).responseCode).toBe('51');
    expect(await settled(declined.reference, 'failed')).toMatchObject({ dossier_status: 'awaiting_payment' });

    const cancelled = await started(browser, code);
    expect(cancelled.reference).not.toBe(declined.reference);
    expect((await payAtCheckout(cancelled.url, { cancel: true })).responseCode).toBe('24');
    expect(await settled(cancelled.reference, 'cancelled')).toMatchObject({ dossier_status: 'awaiting_payment' });

    const third = await started(browser, code);
    await payAtCheckout(third.url, { card: card('00') });
    expect(await settled(third.reference, 'succeeded')).toMatchObject({ dossier_status: 'new' });
    const again = await create(browser, code);
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiError).code).toBe('ALREADY_PAID');
  });

  it('makes one payment of 100 concurrent requests with one key, and one open payment with 100 keys', async () => {
    const { browser, code } = await aDossierToPay();
    const key = randomUUID();
    const same = await Promise.all(Array.from({ length: 100 }, () => create(browser, code, key)));
    expect(new Set(same.map((r) => r.status))).toEqual(new Set([201]));
    const references = await Promise.all(same.map(async (r) => ((await r.json()) as PaymentStart).payment.reference));
    expect(new Set(references).size).toBe(1);

    const { browser: other, code: otherCode } = await aDossierToPay();
    const many = await Promise.all(Array.from({ length: 100 }, () => create(other, otherCode)));
    expect(new Set(many.map((r) => r.status))).toEqual(new Set([201]));
    const [{ open, all }] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE p.state IN ('created', 'pending'))::int AS open, count(*)::int AS all
         FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.code = $1`,
      [otherCode],
    );
    expect({ open, all }).toEqual({ open: 1, all: 1 });

    // The same key with another body, a malformed key, no key.
    const reused = await create(browser, code, key, { method: 'qr' });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as ApiError).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const malformed = await create(browser, code, 'khoa co dau!');
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as ApiError).message).toContain('Idempotency-Key');
    expect((await create(browser, code, 'x'.repeat(256))).status).toBe(422);
    expect((await create(browser, code, null)).status).toBe(400);
    // Someone else's dossier is not found; a bad method is a field error.
    expect((await create((await aSignedInCitizen(base)).browser, code)).status).toBe(404);
    expect((await create(browser, code, randomUUID(), { method: 'cash' })).status).toBe(400);
  });

  it('changes nothing on a forged, an amount-mismatched, a replayed or a duplicated notice, and keeps each once', async () => {
    const { browser, code } = await aDossierToPay();
    const { reference, url } = await started(browser, code);
    await setFault(gateway.url, { txnRef: reference, fault: 'none' });
    const paid = await payAtCheckout(url, { card: card('00') });
    const genuine = paid.params;

    const forged = { ...genuine, vnp_SecureHash: signParams({ ...genuine, vnp_SecureHash: '' }, 'not-the-secret') };
    expect(await payments().notice(forged)).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    const { vnp_SecureHash: _hash, ...rest } = genuine;
    const cheaper = { ...rest, vnp_Amount: '100000' };
    expect(await payments().notice({ ...cheaper, vnp_SecureHash: signParams(cheaper, secret) })).toMatchObject({
      RspCode: '04',
    });
    const otherMerchant = { ...rest, vnp_TmnCode: 'OTHERMER' };
    expect(
      await payments().notice({ ...otherMerchant, vnp_SecureHash: signParams(otherMerchant, secret) }),
    ).toMatchObject({
      RspCode: '01',
    });
    const unknown = { ...rest, vnp_TxnRef: 'DVC26010100000000' };
    expect(await payments().notice({ ...unknown, vnp_SecureHash: signParams(unknown, secret) })).toMatchObject({
      RspCode: '01',
    });
    // Nothing of that changed the payment; the forged ones are not even kept.
    expect((await paymentOf(reference)).state).toBe('pending');

    expect(await payments().notice(genuine)).toMatchObject({ RspCode: '00' });
    expect(await payments().notice(genuine)).toMatchObject({ RspCode: '02' });
    // Through HTTP, as the gateway sends it.
    const replay = await new BrowserClient(base).get(`/payments/vnpay/ipn?${new URL(paid.location).searchParams}`);
    expect(await replay.json()).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    const [notice] = await dataSource.query(`SELECT times_received FROM payment_notice WHERE reference = $1`, [
      reference,
    ]);
    expect(notice.times_received).toBe(3);
    expect((await eventsOf(reference)).filter((a) => a.startsWith('settled'))).toHaveLength(1);

    // The gateway's own duplicate: sent again once settled; one change.
    const second = await aDossierToPay();
    const dup = await started(second.browser, second.code);
    await setFault(gateway.url, { txnRef: dup.reference, fault: 'duplicate' });
    await payAtCheckout(dup.url, { card: card('00') });
    await settled(dup.reference, 'succeeded');
    await eventually(
      async () => ((await deliveries(dup.reference)).length >= 2 ? true : undefined),
      8000,
      'the duplicate',
    );
    await eventually(
      async () => (await deliveries(dup.reference)).every((d) => d.attempts.some((a) => a.rspCode)) || undefined,
      8000,
      'both answered',
    );
    const answers = (await deliveries(dup.reference)).map((d) => d.attempts.at(-1)?.rspCode);
    expect(answers).toEqual(['00', '02']);
    expect((await eventsOf(dup.reference)).filter((a) => a.startsWith('settled'))).toHaveLength(1);
  });

  it('holds to a success whichever way a failure notice comes out of order, and to the amount', async () => {
    for (const order of ['after', 'before'] as const) {
      const { browser, code } = await aDossierToPay();
      const { reference, url } = await started(browser, code);
      await setFault(gateway.url, { txnRef: reference, fault: 'out-of-order', order });
      await payAtCheckout(url, { card: card('00') });
      await settled(reference, 'succeeded');
      await eventually(
        async () =>
          (await deliveries(reference)).length >= 2 &&
          (await deliveries(reference)).every((d) => d.attempts.some((a) => a.rspCode))
            ? true
            : undefined,
        8000,
        `both notices (${order})`,
      );
      expect((await paymentOf(reference)).state).toBe('succeeded');
      expect((await paymentOf(reference)).dossier_status).toBe('new');
    }

    // The tampered notice (its amount changed, not re-signed) comes first and is refused; the genuine one settles.
    const { browser, code } = await aDossierToPay();
    const tampered = await started(browser, code);
    await setFault(gateway.url, { txnRef: tampered.reference, fault: 'tampered' });
    await payAtCheckout(tampered.url, { card: card('00') });
    await settled(tampered.reference, 'succeeded');
    const sent = await deliveries(tampered.reference);
    expect(sent.map((d) => [d.kind, d.attempts[0]?.rspCode])).toEqual(
      expect.arrayContaining([
        ['tampered', '97'],
        ['genuine', '00'],
      ]),
    );
  });

  it('settles a payment whose notice is late from the return page, and one whose notice never comes by reconciliation', async () => {
    const late = await aDossierToPay();
    const lateOne = await started(late.browser, late.code);
    await setFault(gateway.url, { txnRef: lateOne.reference, fault: 'late', delayMs: 3000 });
    const paid = await payAtCheckout(lateOne.url, { card: card('00') });
    await late.browser.get(`/payments/vnpay/return?${new URL(paid.location).searchParams}`);
    // Asked with querydr on the way back: settled before the notice arrives.
    expect((await paymentOf(lateOne.reference)).state).toBe('succeeded');
    expect(await eventsOf(lateOne.reference)).toContain('settled-by-querydr');
    await eventually(
      async () => (await deliveries(lateOne.reference))[0]?.attempts.at(-1)?.rspCode,
      8000,
      'the late notice',
    );
    expect((await deliveries(lateOne.reference))[0].attempts.at(-1)?.rspCode).toBe('02');

    const silent = await aDossierToPay();
    const none = await started(silent.browser, silent.code);
    await setFault(gateway.url, { txnRef: none.reference, fault: 'none' });
    await payAtCheckout(none.url, { card: card('00') });
    expect((await paymentOf(none.reference)).state).toBe('pending');
    await payments().sweep();
    expect(await paymentOf(none.reference)).toMatchObject({ state: 'succeeded', dossier_status: 'new' });
  });

  it('expires an abandoned payment once its time has passed, and the dossier can be paid again', async () => {
    const { browser, code } = await aDossierToPay();
    const { reference } = await started(browser, code);
    await payments().sweep();
    expect((await paymentOf(reference)).state).toBe('pending');
    await dataSource.query(`UPDATE payment SET expires_at = now() - interval '1 minute' WHERE reference = $1`, [
      reference,
    ]);
    await payments().sweep();
    expect(await paymentOf(reference)).toMatchObject({ state: 'expired', dossier_status: 'awaiting_payment' });
    expect(await eventsOf(reference)).toContain('settled-by-expiry');
    const next = await started(browser, code);
    expect(next.reference).not.toBe(reference);
  });

  it('refunds a refused paid dossier exactly once, however often and however concurrently the sweep runs', async () => {
    const { browser, code } = await aDossierToPay();
    const { reference, url } = await started(browser, code);
    await payAtCheckout(url, { card: card('00') });
    await settled(reference, 'succeeded');
    const dossier = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    const refused = await clerk.post(`/office/dossiers/${code}/actions/refuse`, {
      version: dossier.version,
      reason: 'Hồ sơ không thuộc thẩm quyền',
    });
    expect(refused.status).toBe(200);

    await Promise.all([payments().refundDue(), payments().refundDue(), payments().sweep()]);
    await payments().sweep();
    expect(await paymentOf(reference)).toMatchObject({ state: 'refunded', refund_state: 'refunded' });
    const atGateway = await paymentState(gateway.url, TMN, reference);
    expect(atGateway.payment.refunds).toHaveLength(1);
    expect(Number(atGateway.payment.refunds[0].amount)).toBe(4_900_000);
    expect((await eventsOf(reference)).filter((a) => a === 'refunded')).toHaveLength(1);
  });

  it('reminds the citizen of an unpaid fee once, then withdraws the dossier, telling them by e-mail', async () => {
    const { code } = await aDossierToPay();
    const notices = async () =>
      (
        (await dataSource.query(
          `SELECT n.params->>'change' AS change FROM notification n JOIN dossier d ON d.id = n.dossier_id
            WHERE d.code = $1 AND n.template = 'dossier-status-changed' ORDER BY n.created_at`,
          [code],
        )) as { change: string }[]
      ).map((n) => n.change);
    const age = (hours: number) =>
      dataSource.query(`UPDATE dossier SET submitted_at = now() - make_interval(hours => $2) WHERE code = $1`, [
        code,
        hours,
      ]);
    await payments().sweep();
    expect(await notices()).toEqual([]);
    await age(25);
    await payments().sweep();
    await payments().sweep();
    expect(await notices()).toEqual(['payment_reminder']);
    const [row] = await dataSource.query(`SELECT status FROM dossier WHERE code = $1`, [code]);
    expect(row.status).toBe('awaiting_payment');
    await age(73);
    await payments().sweep();
    expect(await notices()).toEqual(['payment_reminder', 'cancelled_unpaid']);
    const [after] = await dataSource.query(`SELECT status, finished_at FROM dossier WHERE code = $1`, [code]);
    expect(after.status).toBe('withdrawn');
    expect(after.finished_at).not.toBeNull();
  });

  it('is paid even when the gateway is restarted in the middle of its notice retries', async () => {
    // Notices first go to a merchant address that answers "99, try again".
    const refusing: Server = createServer((_req, res) => res.end(JSON.stringify({ RspCode: '99', Message: 'busy' })));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const { browser, code } = await aDossierToPay();
    const { reference, url } = await started(browser, code);
    gateway.setMerchant({ ...merchant(), ipnUrl: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/ipn` });
    await payAtCheckout(url, { card: card('00') });
    await eventually(
      async () => ((await deliveries(reference))[0]?.attempts.length >= 2 ? true : undefined),
      8000,
      'two refused calls',
    );
    const { dataDir, port } = gateway;
    await gateway.stop();
    refusing.close();
    // The same gateway (data and port) again, configured with the portal's real address.
    gateway = await startGateway(dataDir, port);
    expect(await settled(reference, 'succeeded')).toMatchObject({ dossier_status: 'new' });
  });
});
