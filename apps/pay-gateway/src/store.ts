/**
 * The gateway's state, kept in memory and written to its own files under the data directory after every
 * change, so a gateway killed at any moment (SIGKILL included) starts again where it was: a payment being
 * paid, a notice half-way through its retries, a refund in progress, the request ids already seen today.
 *
 * Each file is written whole to a temporary file and renamed over the old one: a rename is atomic, so a
 * crash leaves either the old or the new file, never half of one. Writes are synchronous, so two changes
 * reach the disk in the order they were made.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultEntry } from './faults';
import type { Locale } from './cards';

export interface Outcome {
  responseCode: string;
  transactionStatus: string;
  /** '0' when nothing was debited or tried at a bank (cancelled, timed out). */
  transactionNo: string;
  bankCode: string;
  bankTranNo?: string;
  cardType?: string;
  /** yyyyMMddHHmmss, Viet Nam time. */
  payDate: string;
  at: number;
}

export interface RefundRecord {
  requestId: string;
  transactionType: '02' | '03';
  /** vnp_Amount: đồng × 100. */
  amount: string;
  transactionNo: string;
  createBy: string;
  at: number;
  /** When it moves from "in progress" (05) to "sent to the bank" (06). */
  settleAt: number;
}

export interface Payment {
  /** The checkout page's id: random, the payer's capability to act on this payment. */
  id: string;
  tmnCode: string;
  txnRef: string;
  /** vnp_Amount as requested: đồng × 100. */
  amount: string;
  orderInfo: string;
  orderType: string;
  locale: Locale;
  returnUrl: string;
  ipAddr: string;
  bankCode?: string;
  /** vnp_CreateDate as sent, the payment's vnp_TransactionDate in querydr and refund. */
  createDate: string;
  expireAt: number;
  createdAt: number;
  /** The request's checksum: the same URL opened again shows the same checkout. */
  requestHash: string;
  /** Set between the card step and the OTP step: which test card (index), never its number. */
  otpCard?: number;
  detailFailures: number;
  otpFailures: number;
  outcome?: Outcome;
  /** The signed result (query string), sent to the return URL and in the IPN. */
  notice?: string;
  refunds: RefundRecord[];
}

export interface Attempt {
  at: number;
  /** `answered` with the merchant's RspCode, or why there was none. */
  result: 'answered' | 'not-json' | 'http-error' | 'timeout' | 'unreachable';
  httpStatus?: number;
  rspCode?: string;
  message?: string;
}

export type DeliveryKind = 'genuine' | 'duplicate' | 'stale-failure' | 'tampered' | 'replay';

export interface Delivery {
  id: string;
  paymentId: string;
  tmnCode: string;
  txnRef: string;
  kind: DeliveryKind;
  /** The query string sent to the merchant's IPN URL. */
  query: string;
  maxAttempts: number;
  attempts: Attempt[];
  state: 'pending' | 'delivered' | 'given-up';
  /** When the next call is due; null while it waits for `after`. */
  nextAttemptAt: number | null;
  /** Sent only once this delivery is settled (delivered or given up)… */
  after?: string;
  /** …and this long after that. */
  afterDelayMs?: number;
  createdAt: number;
}

export interface State {
  payments: Record<string, Payment>;
  deliveries: Record<string, Delivery>;
  /** `tmnCode/yyyyMMdd/requestId` of each querydr/refund request seen, with when. */
  requests: Record<string, number>;
  faults: Record<string, FaultEntry>;
  meta: { nextTransactionNo: number; nextDeliveryNo: number };
}

type Part = keyof State;
const PARTS: Part[] = ['payments', 'deliveries', 'requests', 'faults', 'meta'];

export interface Store {
  state: State;
  dataDir: string;
  /** Writes these parts of the state to their files. */
  save(...parts: Part[]): void;
}

function empty(): State {
  return {
    payments: {},
    deliveries: {},
    requests: {},
    faults: {},
    meta: { nextTransactionNo: 14_000_001, nextDeliveryNo: 1 },
  };
}

function fileOf(dataDir: string, part: Part): string {
  return join(dataDir, `${part}.json`);
}

/** Reads the state from the data directory (creating it), each missing file counting as empty. */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const state = empty();
  for (const part of PARTS) {
    let text: string;
    try {
      text = readFileSync(fileOf(dataDir, part), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') continue;
      throw error;
    }
    try {
      (state as unknown as Record<Part, unknown>)[part] = { ...state[part], ...JSON.parse(text) };
    } catch {
      throw new Error(`Cannot read ${fileOf(dataDir, part)}: it is not JSON (remove it to start afresh)`);
    }
  }
  return {
    state,
    dataDir,
    save: (...parts) => {
      for (const part of parts) {
        const file = fileOf(dataDir, part);
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(state[part]), { mode: 0o600 });
        renameSync(temp, file);
      }
    },
  };
}
