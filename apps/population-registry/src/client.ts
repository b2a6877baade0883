/**
 * Small clients of the registry's control API, for tests (the portal's client of the registry's API is
 * the portal's own):
 *
 *   setRegistryFault(url: string, fault: Fault, controlToken?: string): Promise<void>
 *   clearRegistryFaults(url: string, controlToken?: string): Promise<void>
 *   registryCalls(url: string, controlToken?: string): Promise<RegistryCall[]>
 */
import type { Fault } from './faults';

/** One API call as the registry logged it: the route's pattern, never a number or a name. */
export interface RegistryCall {
  method: string;
  /** e.g. `/api/v1/citizens/:personalId`; `(unknown)` for a path that is no route. */
  path: string;
  status: number;
  /** ISO 8601. */
  at: string;
  durationMs: number;
}

/** What PUT /_control/faults takes: `fail` without `times` fails one call. */
export type FaultRequest = { mode: 'fail'; times?: number } | Exclude<Fault, { mode: 'fail' }>;

function headers(controlToken?: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    ...(controlToken ? { Authorization: `Bearer ${controlToken}` } : {}),
  };
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** PUT /_control/faults: replaces the fault in force. */
export async function setRegistryFault(url: string, fault: FaultRequest, controlToken?: string): Promise<void> {
  const response = await fetch(new URL('/_control/faults', url), {
    method: 'PUT',
    headers: headers(controlToken),
    body: JSON.stringify(fault),
  });
  await expectOk(response, 'setting a population registry fault');
}

/** DELETE /_control/faults. */
export async function clearRegistryFaults(url: string, controlToken?: string): Promise<void> {
  const response = await fetch(new URL('/_control/faults', url), { method: 'DELETE', headers: headers(controlToken) });
  await expectOk(response, 'clearing the population registry faults');
}

/** GET /_control/calls: every API call since the start (the latest 1,000), oldest first. */
export async function registryCalls(url: string, controlToken?: string): Promise<RegistryCall[]> {
  const response = await fetch(new URL('/_control/calls', url), { headers: headers(controlToken) });
  await expectOk(response, 'reading the population registry calls');
  return ((await response.json()) as { calls: RegistryCall[] }).calls;
}
