import { join } from 'node:path';
import { FAULT_MODES, type FaultMode } from './faults';

/** Where the gateway listens by default: loopback only, as its test cards pay anything. */
export const PAY_GATEWAY_HOST = '127.0.0.1';
export const PAY_GATEWAY_PORT = 4500;

export interface Merchant {
  /** vnp_TmnCode: 8 letters or digits. */
  tmnCode: string;
  /** The HMAC-SHA512 secret (vnp_HashSecret). */
  secret: string;
  /** Where the gateway sends the IPN; configured here, never taken from a request. */
  ipnUrl: string;
  /** Shown on the checkout page. */
  name: string;
  /** An IPN fault for every payment of this merchant (see faults.ts). */
  fault?: FaultMode;
}

export interface PayGatewaySettings {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  merchants: Merchant[];
  /** At most this many IPN calls per notice (VNPAY: 10). */
  ipnAttempts: number;
  /** Between two IPN calls of one notice (VNPAY: 5 minutes). */
  ipnIntervalMs: number;
  /** How long the merchant has to answer one IPN call. */
  ipnTimeoutMs: number;
  /** How long the `late` fault holds the first notice back. */
  ipnLateMs: number;
  /** How long a refund stays "in progress" (05) before it is "sent to the bank" (06). */
  refundSettleMs: number;
  /** Bearer token for /_control; unset means the control API is open. */
  controlToken?: string;
}

type Env = Record<string, string | undefined>;

function configurationError(key: string, expected: string, value: string): Error {
  return new Error(`Configuration error: ${key} must be ${expected} (got "${value}").`);
}

function integer(env: Env, key: string, fallback: number, min: number, max: number, what: string): number {
  const value = env[key];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw configurationError(key, what, value);
  }
  return Number(value);
}

function httpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const MERCHANTS_EXAMPLE =
  'a JSON array like [{"tmnCode":"DVCPORT1","secret":"…","ipnUrl":"http://127.0.0.1:3000/api/payments/vnpay/ipn","name":"Cổng Dịch vụ công"}]';

/** Checks one merchant entry, naming what is wrong with it. */
export function checkMerchant(entry: unknown, where = 'PAY_GATEWAY_MERCHANTS'): Merchant {
  const m = (entry ?? {}) as Record<string, unknown>;
  const problem = (text: string) => new Error(`Configuration error: ${where}: ${text}.`);
  if (typeof m['tmnCode'] !== 'string' || !/^[A-Za-z0-9]{8}$/.test(m['tmnCode'])) {
    throw problem(`tmnCode must be 8 letters or digits (got ${JSON.stringify(m['tmnCode'])})`);
  }
  const code = m['tmnCode'];
  if (typeof m['secret'] !== 'string' || m['secret'].length < 8) {
    throw problem(`the secret of ${code} must be a string of at least 8 characters`);
  }
  if (!httpUrl(m['ipnUrl'])) {
    throw problem(`the ipnUrl of ${code} must be an http(s) URL (got ${JSON.stringify(m['ipnUrl'])})`);
  }
  if (m['fault'] !== undefined && !FAULT_MODES.includes(m['fault'] as FaultMode)) {
    throw problem(`the fault of ${code} must be one of ${FAULT_MODES.join(', ')} (got ${JSON.stringify(m['fault'])})`);
  }
  return {
    tmnCode: code,
    secret: m['secret'],
    ipnUrl: m['ipnUrl'] as string,
    name: typeof m['name'] === 'string' && m['name'] ? m['name'] : code,
    ...(m['fault'] ? { fault: m['fault'] as FaultMode } : {}),
  };
}

function merchants(value: string | undefined): Merchant[] {
  if (value === undefined || value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw configurationError('PAY_GATEWAY_MERCHANTS', MERCHANTS_EXAMPLE, value.slice(0, 40));
  }
  if (!Array.isArray(parsed)) throw configurationError('PAY_GATEWAY_MERCHANTS', MERCHANTS_EXAMPLE, value.slice(0, 40));
  const list = parsed.map((entry) => checkMerchant(entry));
  const codes = list.map((m) => m.tmnCode);
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated) throw new Error(`Configuration error: PAY_GATEWAY_MERCHANTS names ${repeated} twice.`);
  return list;
}

/**
 * PAY_GATEWAY_HOST (127.0.0.1), PAY_GATEWAY_PORT (4500), PAY_GATEWAY_DATA_DIR (<cwd>/.data/pay-gateway),
 * PAY_GATEWAY_MERCHANTS, PAY_GATEWAY_IPN_ATTEMPTS (10), PAY_GATEWAY_IPN_INTERVAL_MS (300000),
 * PAY_GATEWAY_IPN_TIMEOUT_MS (10000), PAY_GATEWAY_IPN_LATE_MS (60000), PAY_GATEWAY_REFUND_SETTLE_MS (60000),
 * PAY_GATEWAY_CONTROL_TOKEN (unset: the control API is open).
 */
export function readSettings(env: Env, cwd = process.cwd()): PayGatewaySettings {
  const day = 24 * 60 * 60 * 1000;
  return {
    host: env['PAY_GATEWAY_HOST'] || PAY_GATEWAY_HOST,
    port: integer(env, 'PAY_GATEWAY_PORT', PAY_GATEWAY_PORT, 0, 65535, `a TCP port number like ${PAY_GATEWAY_PORT}`),
    dataDir: env['PAY_GATEWAY_DATA_DIR'] || join(cwd, '.data', 'pay-gateway'),
    merchants: merchants(env['PAY_GATEWAY_MERCHANTS']),
    ipnAttempts: integer(env, 'PAY_GATEWAY_IPN_ATTEMPTS', 10, 1, 100, 'a number of calls from 1 to 100'),
    ipnIntervalMs: integer(env, 'PAY_GATEWAY_IPN_INTERVAL_MS', 300_000, 1, day, 'milliseconds from 1 to 86400000'),
    ipnTimeoutMs: integer(env, 'PAY_GATEWAY_IPN_TIMEOUT_MS', 10_000, 1, 600_000, 'milliseconds from 1 to 600000'),
    ipnLateMs: integer(env, 'PAY_GATEWAY_IPN_LATE_MS', 60_000, 0, day, 'milliseconds from 0 to 86400000'),
    refundSettleMs: integer(env, 'PAY_GATEWAY_REFUND_SETTLE_MS', 60_000, 0, day, 'milliseconds from 0 to 86400000'),
    ...(env['PAY_GATEWAY_CONTROL_TOKEN'] ? { controlToken: env['PAY_GATEWAY_CONTROL_TOKEN'] } : {}),
  };
}
