import type { SessionUser } from '@portal/contracts';
import { RoleRequired } from '@portal/server/identity';
import { DomainError } from '@portal/server/platform';
import type { DataSource } from 'typeorm';

export class ReportOutOfScope extends DomainError {
  readonly code = 'REPORT_OUT_OF_SCOPE';
  readonly status = 403;
  constructor() {
    super({
      vi: 'Bạn chỉ được xem báo cáo của phường, xã mình.',
      en: 'You can only see the reports of your own ward.',
    });
  }
}

export interface ReportPlace {
  unitCode: string | null;
  provinceCode: string | null;
}

/**
 * Whose figures a reader may pull: an auditor any ward's or province's (or the whole country's);
 * a ward's leader their own ward's only — asking for another ward, or for a province other than
 * their ward's, is refused (403), and asking for none gives their ward.
 */
export async function reportScope(
  user: SessionUser,
  query: { unitCode?: string; provinceCode?: string },
  provinceOf: (unitCode: string) => Promise<string | null>,
): Promise<ReportPlace> {
  if (user.roles.includes('auditor')) {
    return { unitCode: query.unitCode ?? null, provinceCode: query.unitCode ? null : (query.provinceCode ?? null) };
  }
  if (!user.roles.includes('leader') || !user.unitCode) throw new RoleRequired();
  if (query.unitCode !== undefined && query.unitCode !== user.unitCode) throw new ReportOutOfScope();
  if (query.provinceCode !== undefined && query.provinceCode !== (await provinceOf(user.unitCode))) {
    throw new ReportOutOfScope();
  }
  return { unitCode: user.unitCode, provinceCode: null };
}

/** The province a ward belongs to (null for a unit without one). */
export async function provinceOf(dataSource: DataSource, unitCode: string): Promise<string | null> {
  const [row] = (await dataSource.query(`SELECT parent_code FROM administrative_unit WHERE code = $1`, [unitCode])) as {
    parent_code: string | null;
  }[];
  return row?.parent_code ?? null;
}
