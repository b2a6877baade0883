import { join } from 'node:path';
import { parseFault, type Fault } from './faults';

/** Where the registry listens by default: loopback only, as it hands out personal data for a token. */
export const POPULATION_REGISTRY_HOST = '127.0.0.1';
export const POPULATION_REGISTRY_PORT = 4600;
/** The shortest API token accepted: a guessable one would open every person's record. */
export const MIN_TOKEN_LENGTH = 16;

export interface PopulationRegistrySettings {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The bearer token every API call must present. */
  token: string;
  dataDir: string;
  /** Bearer token for /_control; unset means the control API is open. */
  controlToken?: string;
  /** A fault switched on from the start (faults.ts). */
  fault?: Fault;
}

type Env = Record<string, string | undefined>;

function configurationError(key: string, expected: string, got: string): Error {
  return new Error(`Configuration error: ${key} must be ${expected} (got ${got}).`);
}

function port(env: Env): number {
  const value = env['POPULATION_REGISTRY_PORT'];
  if (value === undefined || value === '') return POPULATION_REGISTRY_PORT;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw configurationError(
      'POPULATION_REGISTRY_PORT',
      `a TCP port number like ${POPULATION_REGISTRY_PORT}`,
      JSON.stringify(value),
    );
  }
  return Number(value);
}

function token(env: Env): string {
  const value = env['POPULATION_REGISTRY_TOKEN'] ?? '';
  // The value itself is never repeated: only its length.
  if (value.length < MIN_TOKEN_LENGTH) {
    throw configurationError(
      'POPULATION_REGISTRY_TOKEN',
      `a secret of at least ${MIN_TOKEN_LENGTH} characters`,
      value ? `${value.length} characters` : 'nothing',
    );
  }
  return value;
}

/** POPULATION_REGISTRY_FAULT: the JSON of a fault, or the short `fail`, `fail:3`, `down`, `slow:500`. */
function fault(env: Env): Fault | undefined {
  const value = env['POPULATION_REGISTRY_FAULT'];
  if (value === undefined || value === '') return undefined;
  const expected = 'a fault like {"mode":"fail","times":2}, {"mode":"down"}, {"mode":"slow","delayMs":500} or fail:2';
  let body: unknown;
  const short = /^(fail|down|slow)(?::(\d+))?$/.exec(value);
  if (short) {
    const [, mode, n] = short;
    body =
      mode === 'fail' ? { mode, times: n ? Number(n) : 1 } : mode === 'slow' ? { mode, delayMs: Number(n) } : { mode };
  } else {
    try {
      body = JSON.parse(value);
    } catch {
      throw configurationError('POPULATION_REGISTRY_FAULT', expected, JSON.stringify(value.slice(0, 60)));
    }
  }
  const parsed = parseFault(body);
  if (typeof parsed === 'string') {
    throw new Error(`Configuration error: POPULATION_REGISTRY_FAULT: ${parsed}; expected ${expected}.`);
  }
  return parsed;
}

/**
 * POPULATION_REGISTRY_HOST (127.0.0.1), POPULATION_REGISTRY_PORT (4600), POPULATION_REGISTRY_TOKEN
 * (required, at least 16 characters), POPULATION_REGISTRY_DATA_DIR (<cwd>/.data/population-registry),
 * POPULATION_REGISTRY_CONTROL_TOKEN (unset: the control API is open), POPULATION_REGISTRY_FAULT (none).
 */
export function readSettings(env: Env, cwd = process.cwd()): PopulationRegistrySettings {
  const faultAtStart = fault(env);
  return {
    host: env['POPULATION_REGISTRY_HOST'] || POPULATION_REGISTRY_HOST,
    port: port(env),
    token: token(env),
    dataDir: env['POPULATION_REGISTRY_DATA_DIR'] || join(cwd, '.data', 'population-registry'),
    ...(env['POPULATION_REGISTRY_CONTROL_TOKEN'] ? { controlToken: env['POPULATION_REGISTRY_CONTROL_TOKEN'] } : {}),
    ...(faultAtStart ? { fault: faultAtStart } : {}),
  };
}
