import type { FeeRule } from '@portal/contracts';
import type { EntityManager } from 'typeorm';
import { ProcedureNotOnline, ProcedureSuspended } from './application.errors';

export interface OpenProcedure {
  code: string;
  name: string;
  name_en: string;
  time_limit_amount: number;
  time_limit_unit: string;
  fees: FeeRule[];
}

/**
 * The procedure row a new draft, a saved page, a submission or a counter intake
 * works with — refused when the procedure is not in the catalogue (400) or an
 * administrator has stopped new applications (409). Dossiers already submitted
 * never ask, so they go on to the end.
 */
export async function procedureTakingApplications(manager: EntityManager, code: string): Promise<OpenProcedure> {
  const [row] = (await manager.query(
    `SELECT code, name, name_en, time_limit_amount, time_limit_unit, fees, active FROM procedure WHERE code = $1`,
    [code],
  )) as (OpenProcedure & { active: boolean })[];
  if (!row) throw new ProcedureNotOnline(code);
  if (!row.active) throw new ProcedureSuspended({ vi: row.name, en: row.name_en });
  const { active: _active, ...procedure } = row;
  return procedure;
}
