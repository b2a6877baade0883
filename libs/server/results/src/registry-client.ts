import type { RegistryRecord } from '@portal/contracts';

/** The registry did not answer as it should: the job is tried again later (BullMQ's retries). */
export class RegistryUnavailable extends Error {
  constructor(reason: string) {
    super(`the population registry is unavailable: ${reason}`);
    this.name = 'RegistryUnavailable';
  }
}

/**
 * The national population registry's client (bearer token). Both calls are
 * idempotent by dossier code at the registry: a job that runs again, or after a
 * crash, gets the same personal ID number back, never a second one.
 */
export async function recordAtRegistry(
  settings: { url: string; token: string; timeoutMs?: number },
  dossierCode: string,
  provinceCode: string,
  record: RegistryRecord,
): Promise<{ personalId: string | null }> {
  const { kind, ...facts } = record;
  const path = kind === 'birth' ? '/api/v1/births' : '/api/v1/deaths';
  const body = kind === 'birth' ? { dossierCode, provinceCode, ...facts } : { dossierCode, ...facts };
  let response: Response;
  try {
    response = await fetch(`${settings.url.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new RegistryUnavailable(error instanceof Error ? error.name : 'no answer');
  }
  if (response.status >= 500 || response.status === 429 || response.status === 401)
    throw new RegistryUnavailable(`HTTP ${response.status}`);
  const answer = (await response.json().catch(() => ({}))) as { personalId?: string | null; code?: string };
  if (!response.ok) {
    // A person the registry does not know (a death without an ID number it holds): the extract says so.
    if (kind === 'death' && response.status === 404) return { personalId: null };
    // Already recorded deceased by another dossier: the person's number stands.
    if (kind === 'death' && response.status === 409) return { personalId: record.personalId ?? null };
    throw new RegistryUnavailable(`HTTP ${response.status} ${answer.code ?? ''}`.trim());
  }
  const personalId =
    typeof answer.personalId === 'string' && /^\d{12}$/.test(answer.personalId) ? answer.personalId : null;
  return { personalId };
}
