/**
 * The gateway against the vnpay package, an independent implementation of VNPAY's protocol: what the
 * package builds, the gateway accepts; what the gateway signs, the package verifies. A local HTTP server
 * plays the merchant's IPN endpoint and answers like a careful merchant (checksum, then 00 once, 02 after)
 * unless a test scripts its answers. The last test kills the gateway process with SIGKILL mid-retry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VNPay, type ReturnQueryFromVNPay } from 'vnpay';
import { TEST_CARDS } from './cards';
import {
  CheckoutError,
  clearFaults,
  payAtCheckout,
  paymentState,
  setFault,
  setMerchant,
  startPayGateway,
  type Merchant,
  type PayGateway,
} from './gateway';
import { hmacSha512, pipeJoined } from './signing';
import { formatVnTime } from './vn-time';

const TOKEN = 'control-token-for-tests';
const M1: Merchant = { tmnCode: 'DVCPORT1', secret: 'first-merchant-secret', ipnUrl: '', name: 'Cổng Dịch vụ công' };
const M2: Merchant = {
  tmnCode: 'DVCPORT2',
  secret: 'second-merchant-secret',
  ipnUrl: '',
  name: 'Cổng 2',
  fault: 'duplicate',
};
const RETURN_URL = 'http://127.0.0.1:9/api/payments/vnpay/return';
const INTERVAL_MS = 150;
const ATTEMPTS = 4;

type Answer = string | 'not-json' | 'hang';

interface IpnCall {
  at: number;
  query: Record<string, string>;
  verified: boolean;
  answered: Answer;
}

/** The merchant's IPN endpoint. */
function merchantServer(clients: Record<string, VNPay>) {
  const calls: IpnCall[] = [];
  const confirmed = new Set<string>();
  const scripts = new Map<string, Answer[]>();
  const server: Server = createServer((req, res) => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://merchant').searchParams.entries());
    const client = clients[query['vnp_TmnCode']];
    const verified = !!client && client.verifyIpnCall(query as unknown as ReturnQueryFromVNPay).isVerified;
    const script = scripts.get(query['vnp_TxnRef']);
    let answer: Answer;
    if (script?.length) answer = script.shift() as Answer;
    else if (!verified) answer = '97';
    else if (confirmed.has(query['vnp_TxnRef'])) answer = '02';
    else {
      confirmed.add(query['vnp_TxnRef']);
      answer = '00';
    }
    calls.push({ at: Date.now(), query, verified, answered: answer });
    if (answer === 'hang') return; // never answers; the gateway's time-out ends the call
    if (answer === 'not-json') return void res.end('<html>oops</html>');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ RspCode: answer, Message: 'test merchant' }));
  });
  return { server, calls, scripts, confirmed };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let refs = 0;
const newRef = (label: string) => `${label}-${Date.now().toString(36)}-${++refs}`;

describe('pay gateway (VNPAY 2.1.0 stand-in)', () => {
  let gateway: PayGateway;
  let vnpay: VNPay;
  let vnpay2: VNPay;
  let merchant: ReturnType<typeof merchantServer>;
  let ipnUrl: string;
  const logs: string[] = [];

  // Filled once the gateway's address is known; the merchant's server reads it per call.
  const clients: Record<string, VNPay> = {};

  beforeAll(async () => {
    merchant = merchantServer(clients);
    ipnUrl = `http://127.0.0.1:${await listen(merchant.server)}/api/payments/vnpay/ipn`;
    gateway = await startPayGateway({
      merchants: [
        { ...M1, ipnUrl },
        { ...M2, ipnUrl },
      ],
      ipnAttempts: ATTEMPTS,
      ipnIntervalMs: INTERVAL_MS,
      ipnTimeoutMs: 300,
      ipnLateMs: 600,
      refundSettleMs: 400,
      controlToken: TOKEN,
      log: (line) => logs.push(line),
    });
    // testMode would send everything to VNPAY's sandbox; the hosts point at our gateway instead.
    vnpay = new VNPay({
      tmnCode: M1.tmnCode,
      secureSecret: M1.secret,
      vnpayHost: gateway.url,
      queryDrAndRefundHost: gateway.url,
    });
    vnpay2 = new VNPay({
      tmnCode: M2.tmnCode,
      secureSecret: M2.secret,
      vnpayHost: gateway.url,
      queryDrAndRefundHost: gateway.url,
    });
    Object.assign(clients, { [M1.tmnCode]: vnpay, [M2.tmnCode]: vnpay2 });
  });

  afterAll(async () => {
    await gateway.stop();
    merchant.server.closeAllConnections();
    await new Promise((resolve) => merchant.server.close(resolve));
    rmSync(gateway.dataDir, { recursive: true, force: true });
  });

  function paymentUrl(
    txnRef: string,
    extra: Partial<Parameters<VNPay['buildPaymentUrl']>[0]> = {},
    client: VNPay = vnpay,
  ): string {
    const now = Date.now();
    return client.buildPaymentUrl({
      vnp_Amount: 165_000,
      vnp_IpAddr: '203.0.113.7',
      vnp_TxnRef: txnRef,
      vnp_OrderInfo: `Thanh toan le phi ho so ${txnRef}`,
      vnp_OrderType: 'billpayment' as never,
      vnp_ReturnUrl: RETURN_URL,
      vnp_CreateDate: Number(formatVnTime(now)),
      vnp_ExpireDate: Number(formatVnTime(now + 15 * 60_000)),
      ...extra,
    });
  }

  const callsFor = (txnRef: string) => merchant.calls.filter((c) => c.query['vnp_TxnRef'] === txnRef);
  const state = (txnRef: string, tmnCode = M1.tmnCode) => paymentState(gateway.url, tmnCode, txnRef, TOKEN);
  const settled = (txnRef: string, count = 1, tmnCode = M1.tmnCode) =>
    waitFor(`${count} settled notice(s) of ${txnRef}`, async () => {
      const s = await state(txnRef, tmnCode);
      return s.deliveries.length >= count && s.deliveries.every((d) => d.state !== 'pending') && s;
    });

  it('accepts a payment URL the vnpay package built and shows an accessible checkout in Vietnamese or English', async () => {
    const url = paymentUrl(newRef('PAGE'));
    expect(url.startsWith(`${gateway.url}/paymentv2/vpcpay.html?`)).toBe(true);
    const opened = await fetch(url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const checkout = new URL(opened.headers.get('location') ?? '', gateway.url);
    const page = await fetch(checkout);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' http://127.0.0.1:9");
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<dd>Cổng Dịch vụ công</dd>');
    expect(html).toContain('165.000\u00a0₫');
    expect(html).toContain('<label for="card-number">Số thẻ</label>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/i);
    const english = await (await fetch(`${checkout}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<label for="card-number">Card number</label>');
    const css = await fetch(new URL('/paymentv2/static/checkout.css', gateway.url));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('refuses a tampered, unknown-merchant, expired or malformed request on its error page, and a reused reference', async () => {
    const code = async (url: string) => {
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      return /data-error-code>([^<]*)</.exec(await response.text())?.[1];
    };
    const tampered = new URL(paymentUrl(newRef('TAMPER')));
    tampered.searchParams.set('vnp_Amount', '100000');
    expect(await code(tampered.toString())).toBe('70');
    const stranger = new VNPay({ tmnCode: 'NOBODY01', secureSecret: 'x'.repeat(16), vnpayHost: gateway.url });
    expect(await code(paymentUrl(newRef('WHO'), {}, stranger))).toBe('71');
    const past = Date.now() - 60_000;
    expect(
      await code(
        paymentUrl(newRef('OLD'), {
          vnp_CreateDate: Number(formatVnTime(past - 900_000)),
          vnp_ExpireDate: Number(formatVnTime(past)),
        }),
      ),
    ).toBe('15');
    expect(await code(paymentUrl(newRef('TINY'), { vnp_Amount: 1000 }))).toBe('03');
    expect(await code(paymentUrl(newRef('ACCENT'), { vnp_OrderInfo: 'Lệ phí hồ sơ' }))).toBe('03');

    const ref = newRef('REUSE');
    const first = paymentUrl(ref);
    await expect(fetch(first, { redirect: 'manual' }).then((r) => r.status)).resolves.toBe(303);
    // The same request again (a reload) reopens its checkout; another one with the reference is refused.
    await expect(fetch(first, { redirect: 'manual' }).then((r) => r.status)).resolves.toBe(303);
    await payAtCheckout(first, { cancel: true });
    expect(await code(paymentUrl(ref))).toBe('01');
  });

  it('pays with the success card: the return URL and the IPN it signs pass vnpay’s checks, confirmed on the first call', async () => {
    const ref = newRef('PAY');
    const result = await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
    expect(result.location.startsWith(`${RETURN_URL}?`)).toBe(true);
    const verified = vnpay.verifyReturnUrl(result.params as unknown as ReturnQueryFromVNPay);
    expect(verified).toMatchObject({ isVerified: true, isSuccess: true, vnp_Amount: 165_000, vnp_TxnRef: ref });
    expect(result.params).toMatchObject({
      vnp_TmnCode: 'DVCPORT1',
      vnp_Amount: '16500000',
      vnp_BankCode: 'NCB',
      vnp_CardType: 'ATM',
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
    });
    expect(result.params['vnp_BankTranNo']).toBe(`VNP${result.params['vnp_TransactionNo']}`);
    expect(result.params['vnp_PayDate']).toMatch(/^\d{14}$/);

    const s = await settled(ref);
    expect(s.deliveries).toHaveLength(1);
    expect(s.deliveries[0]).toMatchObject({ kind: 'genuine', state: 'delivered' });
    expect(s.deliveries[0].attempts).toMatchObject([{ result: 'answered', rspCode: '00' }]);
    const [call] = callsFor(ref);
    expect(call.verified).toBe(true);
    expect(vnpay.verifyIpnCall(call.query as unknown as ReturnQueryFromVNPay)).toMatchObject({
      isVerified: true,
      isSuccess: true,
    });
    expect(call.query).toEqual(result.params);
    // The log names the payment; it never holds a card number.
    expect(logs.join('\n')).toContain(`payment DVCPORT1/${ref} ended: 00`);
    expect(logs.join('\n')).not.toContain('9704198526191432198');
  });

  it('ends each test card the way the checkout page lists it', async () => {
    for (const card of TEST_CARDS) {
      const ref = newRef('CARD');
      if (card.refused) {
        const error = await payAtCheckout(paymentUrl(ref), { card: card.number }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CheckoutError);
        expect((error as CheckoutError).status).toBe(422);
        expect((error as CheckoutError).message).toContain(card.refused.vn);
        continue;
      }
      const result = await payAtCheckout(paymentUrl(ref), { card: card.number });
      expect({ card: card.number, code: result.responseCode }).toEqual({ card: card.number, code: card.responseCode });
      const status = card.responseCode === '00' ? '00' : card.responseCode === '07' ? '07' : '02';
      expect(result.params['vnp_TransactionStatus']).toBe(status);
      expect(vnpay.verifyReturnUrl(result.params as unknown as ReturnQueryFromVNPay).isVerified).toBe(true);
    }
  });

  it('fails after three wrong OTPs (13) or three wrong card details (10), showing each mistake on the page', async () => {
    const opened = await fetch(paymentUrl(newRef('OTP')), { redirect: 'manual' });
    const checkout = new URL(opened.headers.get('location') ?? '', gateway.url);
    const post = (step: string, fields: Record<string, string>) =>
      fetch(`${checkout}/${step}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields) });
    await post('card', { cardNumber: '9704198526191432198', holder: 'nguyen van a', issueDate: '07/15' });
    const wrong = await post('otp', { otp: '000000' });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('<li><a href="#otp">Mã OTP không đúng. Còn 2 lần thử.</a></li>');
    expect(html).toContain('aria-invalid="true"');
    await post('otp', { otp: '000000' });
    const last = await post('otp', { otp: '000000' });
    expect(last.status).toBe(303);
    expect(new URL(last.headers.get('location') ?? '').searchParams.get('vnp_ResponseCode')).toBe('13');

    const result = await payAtCheckout(paymentUrl(newRef('DETAILS')), {
      card: '9704198526191432198',
      holder: 'X',
    }).catch((e: unknown) => e as CheckoutError);
    expect((result as CheckoutError).message).toContain('Còn 2 lần thử');
  });

  it('ends with 24 when the payer cancels and 11 when the time runs out (the button, or vnp_ExpireDate passing)', async () => {
    const cancelled = await payAtCheckout(paymentUrl(newRef('CANCEL')), { cancel: true });
    expect(cancelled.params).toMatchObject({
      vnp_ResponseCode: '24',
      vnp_TransactionStatus: '02',
      vnp_TransactionNo: '0',
    });
    expect(vnpay.verifyReturnUrl(cancelled.params as unknown as ReturnQueryFromVNPay)).toMatchObject({
      isVerified: true,
      isSuccess: false,
    });
    const timedOut = await payAtCheckout(paymentUrl(newRef('TIMEOUT')), { timeout: true });
    expect(timedOut.responseCode).toBe('11');

    const now = Date.now();
    const url = paymentUrl(newRef('EXPIRES'), {
      vnp_CreateDate: Number(formatVnTime(now)),
      vnp_ExpireDate: Number(formatVnTime(now + 2000)),
    });
    const opened = await fetch(url, { redirect: 'manual' });
    // vnp_ExpireDate counts whole seconds, so the payment ends at or before now + 2 s.
    await sleep(now + 2100 - Date.now());
    const checkout = await fetch(new URL(opened.headers.get('location') ?? '', gateway.url), { redirect: 'manual' });
    expect(checkout.status).toBe(303);
    expect(new URL(checkout.headers.get('location') ?? '').searchParams.get('vnp_ResponseCode')).toBe('11');
  });

  it('pays by QR or bank transfer, and vnp_BankCode leaves only the method it names', async () => {
    const qrUrl = paymentUrl(newRef('QR'), { vnp_BankCode: 'VNPAYQR' });
    const opened = await fetch(qrUrl, { redirect: 'manual' });
    const html = await (await fetch(new URL(opened.headers.get('location') ?? '', gateway.url))).text();
    expect(html).toContain('/qr"');
    expect(html).not.toContain('id="card-number"');
    const qr = await payAtCheckout(qrUrl, { qr: true });
    expect(qr.params).toMatchObject({ vnp_ResponseCode: '00', vnp_BankCode: 'VNPAYQR', vnp_CardType: 'QRCODE' });
    const transfer = await payAtCheckout(paymentUrl(newRef('TRANSFER')), { bankTransfer: true });
    expect(transfer.responseCode).toBe('00');
  });

  it('answers vnpay.queryDr and vnpay.refund with answers that verify, and refuses what VNPAY refuses', async () => {
    const ref = newRef('QUERY');
    const url = paymentUrl(ref);
    const created = Number(new URL(url).searchParams.get('vnp_CreateDate'));
    const paid = await payAtCheckout(url, { card: '9704198526191432198' });
    const ask = {
      vnp_TxnRef: ref,
      vnp_TransactionDate: created,
      vnp_CreateDate: Number(formatVnTime(Date.now())),
      vnp_IpAddr: '127.0.0.1',
      vnp_OrderInfo: 'Truy van',
      vnp_TransactionNo: 0,
    };
    const query = await vnpay.queryDr({ ...ask, vnp_RequestId: newRef('R') });
    expect(query).toMatchObject({
      isVerified: true,
      isSuccess: true,
      vnp_ResponseCode: '00',
      vnp_TxnRef: ref,
      vnp_Amount: '16500000',
      vnp_TransactionNo: paid.params['vnp_TransactionNo'],
      vnp_TransactionType: '01',
      vnp_TransactionStatus: '00',
    });

    const refund = (requestId: string, amount: number, type: '02' | '03', txnRef = ref) =>
      vnpay.refund({
        ...ask,
        vnp_TxnRef: txnRef,
        vnp_RequestId: requestId,
        vnp_Amount: amount,
        vnp_TransactionType: type,
        vnp_CreateBy: 'can.bo.thu.ngan',
      });
    const partial = await refund(newRef('R'), 65_000, '03');
    expect(partial).toMatchObject({
      isVerified: true,
      isSuccess: true,
      vnp_ResponseCode: '00',
      vnp_Amount: 65_000,
      vnp_TransactionType: '03',
      vnp_TransactionStatus: '05',
    });
    expect(await refund(newRef('R'), 10_000, '03')).toMatchObject({ isVerified: true, vnp_ResponseCode: '94' });
    expect(await vnpay.queryDr({ ...ask, vnp_RequestId: newRef('R') })).toMatchObject({
      isVerified: true,
      vnp_TransactionType: '03',
      vnp_TransactionStatus: '05',
    });
    await sleep(450);
    expect(await refund(newRef('R'), 200_000, '03')).toMatchObject({ isVerified: true, vnp_ResponseCode: '03' });
    expect(await refund(newRef('R'), 100_000, '02')).toMatchObject({
      isVerified: true,
      isSuccess: true,
      vnp_ResponseCode: '00',
    });
    await sleep(450);
    expect(await vnpay.queryDr({ ...ask, vnp_RequestId: newRef('R') })).toMatchObject({
      isVerified: true,
      vnp_TransactionType: '02',
      vnp_TransactionStatus: '06',
    });

    const failedRef = newRef('FAILED');
    const failedUrl = paymentUrl(failedRef);
    await payAtCheckout(failedUrl, { cancel: true });
    const failedDate = Number(new URL(failedUrl).searchParams.get('vnp_CreateDate'));
    expect(
      await vnpay.refund({
        ...ask,
        vnp_TxnRef: failedRef,
        vnp_TransactionDate: failedDate,
        vnp_RequestId: newRef('R'),
        vnp_Amount: 165_000,
        vnp_TransactionType: '02',
        vnp_CreateBy: 'x',
      }),
    ).toMatchObject({ isVerified: true, vnp_ResponseCode: '95' });
    expect(await vnpay.queryDr({ ...ask, vnp_TxnRef: 'NO-SUCH-REF', vnp_RequestId: newRef('R') })).toMatchObject({
      isVerified: true,
      vnp_ResponseCode: '91',
    });
    expect(await vnpay.queryDr({ ...ask, vnp_TransactionDate: created + 1, vnp_RequestId: newRef('R') })).toMatchObject(
      { vnp_ResponseCode: '91' },
    );
    const repeated = newRef('R');
    await vnpay.queryDr({ ...ask, vnp_RequestId: repeated });
    expect(await vnpay.queryDr({ ...ask, vnp_RequestId: repeated })).toMatchObject({
      isVerified: true,
      vnp_ResponseCode: '94',
    });

    const raw = async (body: object) =>
      (await (
        await fetch(`${gateway.url}/merchant_webapi/api/transaction`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as Record<string, string>;
    const body = {
      vnp_RequestId: newRef('R'),
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: M1.tmnCode,
      ...ask,
    };
    const hashed = hmacSha512(
      M1.secret,
      pipeJoined([
        body.vnp_RequestId,
        '2.1.0',
        'querydr',
        M1.tmnCode,
        ref,
        created,
        ask.vnp_CreateDate,
        ask.vnp_IpAddr,
        ask.vnp_OrderInfo,
      ]),
    );
    expect((await raw({ ...body, vnp_SecureHash: hashed })).vnp_ResponseCode).toBe('00');
    expect((await raw({ ...body, vnp_RequestId: newRef('R'), vnp_SecureHash: hashed })).vnp_ResponseCode).toBe('97');
    expect((await raw({ ...body, vnp_TmnCode: 'NOBODY01', vnp_SecureHash: hashed })).vnp_ResponseCode).toBe('02');
    expect((await raw({ ...body, vnp_TransactionDate: 'yesterday', vnp_SecureHash: hashed })).vnp_ResponseCode).toBe(
      '03',
    );
  });

  it('retries the IPN every interval until the merchant confirms (00 or 02), counting each call', async () => {
    const ref = newRef('RETRY');
    merchant.scripts.set(ref, ['99', 'not-json', '01']);
    await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
    const s = await settled(ref);
    expect(s.deliveries[0].state).toBe('delivered');
    expect(s.deliveries[0].attempts.map((a) => a.rspCode ?? a.result)).toEqual(['99', 'not-json', '01', '00']);
    const times = callsFor(ref).map((c) => c.at);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(INTERVAL_MS - 10);

    const already = newRef('ALREADY');
    merchant.scripts.set(already, ['hang', '02']);
    await payAtCheckout(paymentUrl(already), { qr: true });
    const s2 = await settled(already);
    expect(s2.deliveries[0].attempts.map((a) => a.rspCode ?? a.result)).toEqual(['timeout', '02']);
    expect(s2.deliveries[0].state).toBe('delivered');
  });

  it('gives up after the configured number of calls', async () => {
    const ref = newRef('GIVEUP');
    merchant.scripts.set(ref, Array(10).fill('99'));
    await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
    const s = await settled(ref);
    expect(s.deliveries[0]).toMatchObject({ state: 'given-up' });
    expect(s.deliveries[0].attempts).toHaveLength(ATTEMPTS);
    await sleep(INTERVAL_MS * 2);
    expect(callsFor(ref)).toHaveLength(ATTEMPTS);
  });

  it('takes a merchant added at run time, through the control API or setMerchant()', async () => {
    const M3 = { tmnCode: 'DVCPORT3', secret: 'third-merchant-secret', ipnUrl, name: 'Cổng 3' };
    const vnpay3 = new VNPay({ tmnCode: M3.tmnCode, secureSecret: M3.secret, vnpayHost: gateway.url });
    const ref = newRef('M3');
    const refused = await fetch(paymentUrl(ref, {}, vnpay3), { redirect: 'manual' });
    expect(refused.status).toBe(400);
    await expect(setMerchant(gateway.url, { ...M3, ipnUrl: 'ftp://x' }, TOKEN)).rejects.toThrow('ipnUrl of DVCPORT3');
    await setMerchant(gateway.url, M3, TOKEN);
    clients[M3.tmnCode] = vnpay3;
    const result = await payAtCheckout(paymentUrl(newRef('M3'), {}, vnpay3), { qr: true });
    expect(vnpay3.verifyReturnUrl(result.params as unknown as ReturnQueryFromVNPay).isVerified).toBe(true);
    await settled(result.params['vnp_TxnRef'], 1, M3.tmnCode);
    expect(callsFor(result.params['vnp_TxnRef'])).toMatchObject([{ verified: true, answered: '00' }]);
    gateway.setMerchant({ ...M3, name: 'Cổng Ba' });
  });

  describe('faults', () => {
    afterEach(() => clearFaults(gateway.url, {}, TOKEN));

    it('guards the control API with the bearer token', async () => {
      expect((await fetch(`${gateway.url}/_control/faults`)).status).toBe(401);
      const bad = await fetch(`${gateway.url}/_control/faults`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ fault: 'sideways', tmnCode: 'DVCPORT1' }),
      });
      expect(bad.status).toBe(400);
      await setFault(gateway.url, { tmnCode: 'DVCPORT1', fault: 'late' }, TOKEN);
      const list = await fetch(`${gateway.url}/_control/faults`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(await list.json()).toEqual([{ tmnCode: 'DVCPORT1', fault: 'late' }]);
    });

    it('duplicate: the same notice twice, the second answered "already confirmed"', async () => {
      const ref = newRef('DUP');
      await setFault(gateway.url, { tmnCode: M1.tmnCode, txnRef: ref, fault: 'duplicate' }, TOKEN);
      await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
      await settled(ref, 2);
      const calls = callsFor(ref);
      expect(calls.map((c) => c.answered)).toEqual(['00', '02']);
      expect(calls[1].query).toEqual(calls[0].query);
    });

    it('duplicate set for a whole merchant in its configuration', async () => {
      const ref = newRef('DUPM');
      await payAtCheckout(paymentUrl(ref, {}, vnpay2), { qr: true });
      await settled(ref, 2, M2.tmnCode);
      expect(callsFor(ref).map((c) => [c.verified, c.answered])).toEqual([
        [true, '00'],
        [true, '02'],
      ]);
    });

    it('late: the first notice only after the delay', async () => {
      const ref = newRef('LATE');
      await setFault(gateway.url, { txnRef: ref, fault: 'late', delayMs: 700 }, TOKEN);
      const ended = Date.now();
      await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
      await sleep(400);
      expect(callsFor(ref)).toHaveLength(0);
      await settled(ref);
      expect(callsFor(ref)[0].at - ended).toBeGreaterThanOrEqual(650);
    });

    it('out-of-order: a validly signed failure notice after the success one (or before it)', async () => {
      const after = newRef('OOO');
      await setFault(gateway.url, { tmnCode: M1.tmnCode, txnRef: after, fault: 'out-of-order' }, TOKEN);
      await payAtCheckout(paymentUrl(after), { card: '9704198526191432198' });
      await settled(after, 2);
      expect(
        callsFor(after).map((c) => [c.verified, c.query['vnp_ResponseCode'], c.query['vnp_TransactionStatus']]),
      ).toEqual([
        [true, '00', '00'],
        [true, '99', '02'],
      ]);

      const before = newRef('OOOB');
      await setFault(gateway.url, { txnRef: before, fault: 'out-of-order', order: 'before' }, TOKEN);
      await payAtCheckout(paymentUrl(before), { card: '9704198526191432198' });
      await settled(before, 2);
      expect(callsFor(before).map((c) => c.query['vnp_ResponseCode'])).toEqual(['99', '00']);
    });

    it('tampered: a copy with another amount and the old checksum first, which fails verification, then the genuine one', async () => {
      const ref = newRef('TAMP');
      await setFault(gateway.url, { txnRef: ref, fault: 'tampered' }, TOKEN);
      await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
      const s = await settled(ref, 2);
      const [forged, genuine] = callsFor(ref);
      expect(forged).toMatchObject({ verified: false, answered: '97' });
      expect(forged.query['vnp_Amount']).not.toBe(genuine.query['vnp_Amount']);
      expect(forged.query['vnp_SecureHash']).toBe(genuine.query['vnp_SecureHash']);
      expect(genuine).toMatchObject({ verified: true, answered: '00' });
      expect(s.deliveries.map((d) => [d.kind, d.attempts.length, d.state])).toEqual([
        ['genuine', 1, 'delivered'],
        ['tampered', 1, 'given-up'],
      ]);
    });

    it('replayed: the confirmed notice again later, and the merchant’s previous notice', async () => {
      const earlier = newRef('EARLIER');
      await payAtCheckout(paymentUrl(earlier), { qr: true });
      await settled(earlier);
      const ref = newRef('REPLAY');
      await setFault(gateway.url, { tmnCode: M1.tmnCode, fault: 'replayed', delayMs: 200 }, TOKEN);
      await payAtCheckout(paymentUrl(ref), { card: '9704198526191432198' });
      await settled(ref, 3);
      const own = callsFor(ref);
      expect(own.map((c) => c.answered)).toEqual(['00', '02']);
      expect(own[1].at - own[0].at).toBeGreaterThanOrEqual(190);
      const replays = callsFor(earlier);
      expect(replays).toHaveLength(2);
      expect(replays[1].query).toEqual(replays[0].query);
      expect(replays[1].answered).toBe('02');
    });

    it('none: no IPN at all, only querydr tells', async () => {
      const ref = newRef('NONE');
      await setFault(gateway.url, { tmnCode: M1.tmnCode, txnRef: ref, fault: 'none' }, TOKEN);
      const url = paymentUrl(ref);
      await payAtCheckout(url, { card: '9704198526191432198' });
      await sleep(INTERVAL_MS * 2);
      expect(callsFor(ref)).toHaveLength(0);
      expect((await state(ref)).deliveries).toEqual([]);
      const created = Number(new URL(url).searchParams.get('vnp_CreateDate'));
      const query = await vnpay.queryDr({
        vnp_RequestId: newRef('R'),
        vnp_TxnRef: ref,
        vnp_TransactionDate: created,
        vnp_CreateDate: created,
        vnp_IpAddr: '127.0.0.1',
        vnp_OrderInfo: 'q',
        vnp_TransactionNo: 0,
      });
      expect(query).toMatchObject({ isVerified: true, vnp_TransactionStatus: '00' });
    });

    it('api-down and api-slow: the transaction API answers 503, or late', async () => {
      const ask = {
        vnp_TxnRef: 'X',
        vnp_TransactionDate: 20260101000000,
        vnp_CreateDate: 20260101000000,
        vnp_IpAddr: '127.0.0.1',
        vnp_OrderInfo: 'q',
        vnp_TransactionNo: 0,
      };
      await setFault(gateway.url, { tmnCode: M1.tmnCode, fault: 'api-down' }, TOKEN);
      await expect(vnpay.queryDr({ ...ask, vnp_RequestId: newRef('R') })).rejects.toThrow('HTTP error! status: 503');
      await setFault(gateway.url, { tmnCode: M1.tmnCode, fault: 'api-slow', delayMs: 300 }, TOKEN);
      const started = Date.now();
      expect((await vnpay.queryDr({ ...ask, vnp_RequestId: newRef('R') })).vnp_ResponseCode).toBe('91');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });
  });

  it('delivers a notice after the gateway process is killed with SIGKILL mid-retry and started again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pay-gateway-kill-'));
    const env = {
      ...process.env,
      PAY_GATEWAY_PORT: '0',
      PAY_GATEWAY_DATA_DIR: dataDir,
      PAY_GATEWAY_MERCHANTS: JSON.stringify([{ ...M1, ipnUrl }]),
      PAY_GATEWAY_IPN_ATTEMPTS: '20',
      PAY_GATEWAY_IPN_INTERVAL_MS: '300',
      PAY_GATEWAY_IPN_TIMEOUT_MS: '1000',
    };
    const children: ChildProcess[] = [];
    const start = async (): Promise<{ child: ChildProcess; url: string; output: () => string }> => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await waitFor(
        'the gateway process',
        () => child.exitCode === null && /listening: (http:\S+)/.exec(output)?.[1],
        20_000,
      );
      return { child, url, output: () => output };
    };
    try {
      const ref = newRef('KILL');
      merchant.scripts.set(ref, Array(50).fill('99'));
      const first = await start();
      const child = new VNPay({
        tmnCode: M1.tmnCode,
        secureSecret: M1.secret,
        vnpayHost: first.url,
        queryDrAndRefundHost: first.url,
      });
      const now = Date.now();
      const url = child.buildPaymentUrl({
        vnp_Amount: 165_000,
        vnp_IpAddr: '127.0.0.1',
        vnp_TxnRef: ref,
        vnp_OrderInfo: 'Le phi',
        vnp_ReturnUrl: RETURN_URL,
        vnp_CreateDate: Number(formatVnTime(now)),
      });
      const paid = await payAtCheckout(url, { card: '9704198526191432198' });
      await waitFor('two refused calls', () => callsFor(ref).length >= 2);

      const killed = once(first.child, 'exit');
      first.child.kill('SIGKILL');
      await killed;
      const callsBefore = callsFor(ref).length;
      merchant.scripts.delete(ref); // the merchant is back: it confirms the next call

      const second = await start();
      const s = await waitFor('the notice delivered after the restart', async () => {
        const current = await paymentState(second.url, M1.tmnCode, ref);
        return current.deliveries[0]?.state === 'delivered' && current;
      });
      const attempts = s.deliveries[0].attempts;
      expect(attempts.length).toBeGreaterThanOrEqual(callsBefore);
      expect(attempts[attempts.length - 1]).toMatchObject({ result: 'answered', rspCode: '00' });
      const last = callsFor(ref)[callsFor(ref).length - 1];
      expect(last).toMatchObject({ verified: true, answered: '00' });
      expect(last.query).toEqual(paid.params);

      // The payment itself came through the crash too.
      const restarted = new VNPay({
        tmnCode: M1.tmnCode,
        secureSecret: M1.secret,
        vnpayHost: second.url,
        queryDrAndRefundHost: second.url,
      });
      const created = Number(new URL(url).searchParams.get('vnp_CreateDate'));
      expect(
        await restarted.queryDr({
          vnp_RequestId: newRef('R'),
          vnp_TxnRef: ref,
          vnp_TransactionDate: created,
          vnp_CreateDate: created,
          vnp_IpAddr: '127.0.0.1',
          vnp_OrderInfo: 'q',
          vnp_TransactionNo: 0,
        }),
      ).toMatchObject({
        isVerified: true,
        vnp_TransactionStatus: '00',
        vnp_TransactionNo: paid.params['vnp_TransactionNo'],
      });
      expect(second.output()).not.toContain('9704198526191432198');

      const exited = once(second.child, 'exit');
      second.child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
