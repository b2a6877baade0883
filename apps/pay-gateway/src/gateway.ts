/**
 * A stand-in for the VNPAY payment gateway (API 2.1.0), for development and tests: a real HTTP server that
 * speaks VNPAY's wire protocol, with a hosted checkout paid with test cards, IPN delivery with retries that
 * survives a crash, querydr and refund, and faults to switch on.
 *
 * Exports for the portal's tests:
 *   startPayGateway(options: PayGatewayOptions): Promise<PayGateway>   { port, url, dataDir, setMerchant(), stop() }
 *   payAtCheckout, setFault, clearFaults, paymentState, setMerchant (./driver)   a browserless payer, the control API
 *   signQuery, verifyQuery, canonicalQuery (./signing)                  VNPAY's query checksum
 *   TEST_CARDS, TEST_OTP, TEST_CARD_HOLDER, TEST_CARD_ISSUE_DATE (./cards)
 * As a process: `node dist/apps/pay-gateway/main.js`, configured by the PAY_GATEWAY_* variables (settings.ts).
 *
 * Routes:
 *   GET  /paymentv2/vpcpay.html?vnp_…              a payment request → 303 to its checkout, or the error page
 *   GET  /paymentv2/checkout/:id[?lang=vn|en]      the checkout page
 *   POST /paymentv2/checkout/:id/{card,otp,transfer,qr,cancel,expire}   the page's forms
 *   POST /merchant_webapi/api/transaction          querydr and refund (JSON)
 *   GET  /health
 *   PUT|DELETE|GET /_control/faults, GET /_control/payments/:tmnCode/:txnRef,
 *   PUT /_control/merchants (add or replace one, e.g. once the merchant's IPN address is known; not kept
 *   across restarts)                                                            (bearer token if configured)
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from './cards';
import { openPayment, returnLocation, STEPS, takeStep, type GatewayContext, type Step } from './checkout';
import { faultFor, faultKey, parseFault } from './faults';
import { startDeliverer } from './ipn';
import { renderCheckout, renderError, STYLESHEET } from './pages';
import { checkMerchant, type Merchant } from './settings';
import { checksumsEqual } from './signing';
import { openStore, type Payment } from './store';
import { answerTransactionRequest } from './transactions';

export { CheckoutError, clearFaults, payAtCheckout, paymentState, setFault, setMerchant } from './driver';
export type { CheckoutAction, CheckoutOutcome, PaymentState } from './driver';
export type { FaultEntry, FaultMode } from './faults';
export { canonicalQuery, signQuery, verifyQuery } from './signing';
export { TEST_CARD_HOLDER, TEST_CARD_ISSUE_DATE, TEST_CARDS, TEST_OTP } from './cards';
export type { Merchant } from './settings';

export interface PayGatewayOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where the state is kept; a new temporary directory when absent. */
  dataDir?: string;
  merchants: Merchant[];
  /** At most this many IPN calls per notice (default 10). */
  ipnAttempts?: number;
  /** Between IPN calls (default 300000). */
  ipnIntervalMs?: number;
  /** How long one IPN call may take (default 10000). */
  ipnTimeoutMs?: number;
  /** How long the `late` fault holds the first notice back (default 60000). */
  ipnLateMs?: number;
  /** How long a refund stays in progress (default 60000). */
  refundSettleMs?: number;
  /** Bearer token the control API asks for; open when absent. */
  controlToken?: string;
  log?: (message: string) => void;
}

export interface PayGateway {
  port: number;
  /** e.g. http://127.0.0.1:4500 — what the merchant calls vnpayHost. */
  url: string;
  dataDir: string;
  /** Adds or replaces a merchant (kept in memory only), e.g. once its IPN address is known. */
  setMerchant(merchant: Merchant): void;
  stop(): Promise<void>;
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function pageHeaders(formTarget?: string): Record<string, string> {
  // No script at all; the forms post here, and the 303 after the last one goes to the merchant (Chromium
  // checks form-action against redirects too).
  const formAction = formTarget ? `'self' ${formTarget}` : "'none'";
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body = ''): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

function redirect(res: ServerResponse, location: string): void {
  send(res, 303, { Location: location });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'the body is over 64 KB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('malformed');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the gateway; `stop()` closes it and waits for IPN calls in flight. */
export async function startPayGateway(options: PayGatewayOptions): Promise<PayGateway> {
  const merchants = new Map(options.merchants.map((m) => [m.tmnCode, checkMerchant(m, 'merchants')]));
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pay-gateway-'));
  const store = openStore(dataDir);
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const deliveryOptions = {
    attempts: options.ipnAttempts ?? 10,
    intervalMs: options.ipnIntervalMs ?? 300_000,
    timeoutMs: options.ipnTimeoutMs ?? 10_000,
    lateMs: options.ipnLateMs ?? 60_000,
  };
  const refundSettleMs = options.refundSettleMs ?? 60_000;
  const merchantOf = (tmnCode: string) => merchants.get(tmnCode);
  const deliverer = startDeliverer(store, merchantOf, deliveryOptions, log);
  const ctx: GatewayContext = { store, merchantOf, deliveries: deliveryOptions, kick: deliverer.kick, log };

  const paymentById = (id: string): Payment | undefined =>
    Object.prototype.hasOwnProperty.call(store.state.payments, id) ? store.state.payments[id] : undefined;
  const merchantName = (payment: Payment) => merchantOf(payment.tmnCode)?.name ?? payment.tmnCode;
  const localeFrom = (value: string | null, payment: Payment): Locale =>
    value === 'en' || value === 'vn' ? value : payment.locale;

  function authorised(req: IncomingMessage): boolean {
    if (!options.controlToken) return true;
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const expected = Buffer.from(options.controlToken).toString('hex');
    return checksumsEqual(expected, Buffer.from(token).toString('hex'));
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!authorised(req)) {
      return send(
        res,
        401,
        { 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer' },
        '{"error":"a bearer token is required"}',
      );
    }
    const method = req.method ?? 'GET';
    if (url.pathname === '/_control/faults') {
      if (method === 'GET') return sendJson(res, 200, Object.values(store.state.faults));
      if (method === 'PUT') {
        const entry = parseFault(await readJson(req));
        if (typeof entry === 'string') return sendJson(res, 400, { error: entry });
        store.state.faults[faultKey(entry)] = entry;
        store.save('faults');
        log(`fault ${entry.fault} set for ${faultKey(entry)}`);
        return sendJson(res, 200, entry);
      }
      if (method === 'DELETE') {
        const body = (await readJson(req)) as Record<string, unknown> | undefined;
        const tmnCode =
          url.searchParams.get('tmnCode') ?? (typeof body?.['tmnCode'] === 'string' ? body['tmnCode'] : undefined);
        const txnRef =
          url.searchParams.get('txnRef') ?? (typeof body?.['txnRef'] === 'string' ? body['txnRef'] : undefined);
        if (tmnCode || txnRef) delete store.state.faults[faultKey({ tmnCode, txnRef })];
        else for (const key of Object.keys(store.state.faults)) delete store.state.faults[key];
        store.save('faults');
        return send(res, 204, {});
      }
      return send(res, 405, { Allow: 'GET, PUT, DELETE' });
    }
    if (url.pathname === '/_control/merchants') {
      if (method !== 'PUT') return send(res, 405, { Allow: 'PUT' });
      let merchant: Merchant;
      try {
        merchant = checkMerchant(await readJson(req), 'the merchant');
      } catch (error) {
        return sendJson(res, 400, { error: (error as Error).message.replace(/^Configuration error: /, '') });
      }
      merchants.set(merchant.tmnCode, merchant);
      log(`merchant ${merchant.tmnCode} set`);
      return sendJson(res, 200, { tmnCode: merchant.tmnCode, ipnUrl: merchant.ipnUrl, name: merchant.name });
    }
    const match = /^\/_control\/payments\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (match && method === 'GET') {
      const [tmnCode, txnRef] = [decodeURIComponent(match[1]), decodeURIComponent(match[2])];
      // The latest, should the reference have been used again on another day.
      const payment = Object.values(store.state.payments)
        .filter((p) => p.tmnCode === tmnCode && p.txnRef === txnRef)
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      if (!payment) return sendJson(res, 404, { error: `no payment ${txnRef} of ${tmnCode}` });
      const deliveries = Object.values(store.state.deliveries)
        .filter((d) => d.paymentId === payment.id)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id, 'en', { numeric: true }));
      const { requestHash: _hash, ...shown } = payment;
      return sendJson(res, 200, { payment: shown, deliveries });
    }
    return sendJson(res, 404, { error: 'no such control route' });
  }

  async function checkoutStep(req: IncomingMessage, res: ServerResponse, payment: Payment, step: Step): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const locale = localeFrom(form.get('lang'), payment);
    const result = takeStep(ctx, payment, step, form, locale);
    if (result.kind === 'redirect') return redirect(res, result.location);
    const html = renderCheckout({
      payment,
      merchantName: merchantName(payment),
      locale,
      errors: result.errors,
      values: result.values,
    });
    return send(res, 422, pageHeaders(new URL(payment.returnUrl).origin), html);
  }

  async function transactionApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const tmnCode =
      typeof body === 'object' && body !== null ? String((body as Record<string, unknown>)['vnp_TmnCode'] ?? '') : '';
    const fault =
      tmnCode && merchants.has(tmnCode)
        ? faultFor(store.state.faults, { tmnCode }, 'api', merchants.get(tmnCode)?.fault)
        : undefined;
    if (fault?.fault === 'api-down') return send(res, 503, { 'Retry-After': '60' });
    if (fault?.fault === 'api-slow') await sleep(fault.delayMs ?? 5000);
    return sendJson(
      res,
      200,
      answerTransactionRequest(ctx, typeof body === 'symbol' ? undefined : body, { refundSettleMs }),
    );
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://pay-gateway.local');
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    const path = url.pathname;

    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/favicon.ico') return send(res, 204, {});
    if (path.startsWith('/_control/')) return control(req, res, url);
    if (path === '/paymentv2/static/checkout.css' && read) {
      return send(
        res,
        200,
        { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
        STYLESHEET,
      );
    }
    if (path === '/paymentv2/vpcpay.html') {
      if (!read) return send(res, 405, { Allow: 'GET, HEAD' });
      const result = openPayment(ctx, url.searchParams);
      if (!result.ok) {
        log(`payment request refused: ${result.code}${result.detail ? ` (${result.detail})` : ''}`);
        return send(res, 400, pageHeaders(), renderError(result.locale, result.code, result.detail));
      }
      return redirect(res, `/paymentv2/checkout/${result.payment.id}`);
    }
    if (path === '/merchant_webapi/api/transaction') {
      if (method !== 'POST') return send(res, 405, { Allow: 'POST' });
      return transactionApi(req, res);
    }
    const checkout = /^\/paymentv2\/checkout\/([A-Za-z0-9_-]+)(?:\/([a-z]+))?$/.exec(path);
    const payment = checkout ? paymentById(checkout[1]) : undefined;
    if (checkout && !payment) return send(res, 404, pageHeaders(), renderError('vn', '91'));
    if (checkout && payment && !checkout[2]) {
      if (!read) return send(res, 405, { Allow: 'GET, HEAD' });
      if (payment.outcome) return redirect(res, returnLocation(payment));
      if (Date.now() >= payment.expireAt) {
        const ended = takeStep(ctx, payment, 'expire', new URLSearchParams(), payment.locale);
        if (ended.kind === 'redirect') return redirect(res, ended.location);
      }
      const locale = localeFrom(url.searchParams.get('lang'), payment);
      const html = renderCheckout({ payment, merchantName: merchantName(payment), locale });
      return send(res, 200, pageHeaders(new URL(payment.returnUrl).origin), html);
    }
    if (checkout && payment && STEPS.includes(checkout[2] as Step)) {
      if (method !== 'POST') return send(res, 405, { Allow: 'POST' });
      return checkoutStep(req, res, payment, checkout[2] as Step);
    }
    return send(res, 404, pageHeaders(), renderError('vn', '91'));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) log(`request failed: ${(error as Error).message}`);
      if (!res.headersSent)
        sendJson(res, status, { error: error instanceof HttpError ? error.message : 'internal error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${host}:${port}`,
    dataDir,
    setMerchant: (merchant) => {
      merchants.set(merchant.tmnCode, checkMerchant(merchant, 'merchants'));
    },
    stop: async () => {
      await deliverer.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
