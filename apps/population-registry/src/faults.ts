/**
 * Faults: what the registry does wrong on purpose, so the portal's handling of a national system's bad
 * days (retries, back-off, a dossier left waiting) can be tested. One fault at a time, for every API call
 * (/api/…; never /health or /_control), set with PUT /_control/faults or POPULATION_REGISTRY_FAULT:
 *
 *   { "mode": "fail", "times": n }   the next n calls (default 1) answer 503 with a JSON error, then normal
 *   { "mode": "down" }               every call answers 503 until the fault is cleared
 *   { "mode": "slow", "delayMs": n } every call is answered n ms late
 *
 * Kept in memory only: a restart starts with POPULATION_REGISTRY_FAULT's fault, or none.
 */
export const FAULT_MODES = ['fail', 'down', 'slow'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export type Fault = { mode: 'fail'; times: number } | { mode: 'down' } | { mode: 'slow'; delayMs: number };

const MAX_DELAY_MS = 120_000;

/** Checks a fault given as JSON (control API, env); the problem in words, or the fault. */
export function parseFault(body: unknown): Fault | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the fault must be a JSON object';
  const b = body as Record<string, unknown>;
  if (!FAULT_MODES.includes(b['mode'] as FaultMode)) {
    return `mode must be one of ${FAULT_MODES.join(', ')} (got ${JSON.stringify(b['mode'])})`;
  }
  if (b['mode'] === 'fail') {
    const times = b['times'] ?? 1;
    if (!Number.isInteger(times) || (times as number) < 1 || (times as number) > 1_000_000) {
      return `times must be a whole number of calls of at least 1 (got ${JSON.stringify(b['times'])})`;
    }
    return { mode: 'fail', times: times as number };
  }
  if (b['mode'] === 'slow') {
    const delayMs = b['delayMs'];
    if (!Number.isInteger(delayMs) || (delayMs as number) < 0 || (delayMs as number) > MAX_DELAY_MS) {
      return `delayMs must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS} (got ${JSON.stringify(delayMs)})`;
    }
    return { mode: 'slow', delayMs: delayMs as number };
  }
  return { mode: 'down' };
}

/**
 * What a fault does to the next call: `fail` with the fault left afterwards (one fewer `fail`, none when
 * spent), or a delay. Pure, so the server only swaps its fault for `next`.
 */
export function applyFault(fault: Fault | undefined): {
  outcome: 'normal' | 'unavailable';
  delayMs: number;
  next: Fault | undefined;
} {
  if (!fault) return { outcome: 'normal', delayMs: 0, next: undefined };
  if (fault.mode === 'down') return { outcome: 'unavailable', delayMs: 0, next: fault };
  if (fault.mode === 'slow') return { outcome: 'normal', delayMs: fault.delayMs, next: fault };
  return {
    outcome: 'unavailable',
    delayMs: 0,
    next: fault.times > 1 ? { mode: 'fail', times: fault.times - 1 } : undefined,
  };
}
