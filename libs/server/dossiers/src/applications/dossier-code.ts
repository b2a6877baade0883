import { todayInVietnam } from '@portal/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Readable dossier codes: HS-<province>-<yymmdd>-<serial>, e.g. HS-01-261125-000123,
 * counted per province and day (Viet Nam's calendar day).
 */
export function codePrefix(provinceCode: string, at: Date): string {
  const day = todayInVietnam(at); // YYYY-MM-DD
  return `HS-${provinceCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}

/**
 * Takes the next code. Pass a manager that is NOT in the submission's
 * transaction (e.g. `dataSource.manager`): the counter row is then locked only
 * for its own one-statement transaction, so submissions of one province do not
 * queue behind each other. A submission that fails afterwards leaves a gap in
 * the numbering, which is harmless: codes must be unique and readable, not dense.
 */
export async function nextDossierCode(manager: EntityManager, provinceCode: string, at: Date): Promise<string> {
  const prefix = codePrefix(provinceCode, at);
  const [row] = await manager.query(
    `INSERT INTO dossier_code_counter (prefix, last) VALUES ($1, 1)
     ON CONFLICT (prefix) DO UPDATE SET last = dossier_code_counter.last + 1 RETURNING last`,
    [prefix],
  );
  return `${prefix}-${String(row.last).padStart(6, '0')}`;
}
