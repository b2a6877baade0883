import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  procedureUpdateSchemaFor,
  type FeeRule,
  type LocalizedText,
  type ProcedureAdminView,
  type ProcedureUpdate,
  type RequiredPaper,
  type SessionUser,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { Conflict, ValidationFailed } from '@portal/server/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ProcedureNotFound } from '../procedures/procedure-not-found.error';

export class ProcedureChanged extends Conflict {
  constructor(version: number) {
    super(
      'PROCEDURE_CHANGED',
      {
        vi: 'Thủ tục vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất rồi sửa lại.',
        en: 'Someone else has just changed this procedure. Reload the page to see the latest version, then make your change again.',
      },
      { version },
    );
  }
}

interface ProcedureRow {
  code: string;
  name: string;
  name_en: string;
  active: boolean;
  time_limit_amount: number;
  time_limit_unit: 'working_days' | 'working_hours';
  time_limit_note: LocalizedText | null;
  fees: FeeRule[];
  required_papers: RequiredPaper[];
  version: number;
  updated_at: Date;
  administered_at: Date | null;
  open_dossiers: string;
}

const SELECT = `SELECT p.code, p.name, p.name_en, p.active, p.time_limit_amount, p.time_limit_unit, p.time_limit_note,
         p.fees, p.required_papers, p.version, p.updated_at, p.administered_at,
         (SELECT count(*) FROM dossier d WHERE d.procedure_code = p.code AND d.finished_at IS NULL) AS open_dossiers
    FROM procedure p`;

function toView(row: ProcedureRow): ProcedureAdminView {
  return {
    code: row.code,
    name: { vi: row.name, en: row.name_en },
    active: row.active,
    timeLimit: {
      amount: row.time_limit_amount,
      unit: row.time_limit_unit,
      ...(row.time_limit_note ? { note: row.time_limit_note } : {}),
    },
    fees: row.fees,
    requiredPapers: row.required_papers,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    administeredAt: row.administered_at?.toISOString() ?? null,
    openDossiers: Number(row.open_dossiers),
  };
}

/** The part of a procedure an edit may change, for the audit trail's before → after. */
type Editable = Pick<ProcedureAdminView, 'active'> & {
  timeLimitAmount: number;
  fees: Record<string, number>;
  papers: Record<string, LocalizedText>;
};

function editable(p: { active: boolean; timeLimitAmount: number; fees: FeeRule[]; papers: RequiredPaper[] }): Editable {
  return {
    active: p.active,
    timeLimitAmount: p.timeLimitAmount,
    fees: Object.fromEntries(p.fees.map((f) => [f.case, f.amount])),
    papers: Object.fromEntries(p.papers.map((paper) => [paper.code, paper.name])),
  };
}

/** JSON with object keys in order: PostgreSQL's jsonb gives them back in an order of its own. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Only what changed, on both sides: `{ before: { fees: { late: 5000 } }, after: { fees: { late: 8000 } } }`. */
function difference(before: Editable, after: Editable): { before: Partial<Editable>; after: Partial<Editable> } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof Editable)[]) {
    const a = before[key];
    const b = after[key];
    if (typeof a === 'object' && typeof b === 'object') {
      const changed = Object.keys(a).filter(
        (k) => canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k]),
      );
      if (changed.length) {
        was[key] = Object.fromEntries(changed.map((k) => [k, (a as Record<string, unknown>)[k]]));
        now[key] = Object.fromEntries(changed.map((k) => [k, (b as Record<string, unknown>)[k]]));
      }
    } else if (a !== b) {
      was[key] = a;
      now[key] = b;
    }
  }
  return { before: was as Partial<Editable>, after: now as Partial<Editable> };
}

/**
 * Procedures as administrators keep them: fee amounts, the time limit, paper
 * names and whether new applications are taken. The submission reads the
 * procedure row when it opens a dossier, so an edit applies to dossiers
 * submitted from then on; those already open keep the due date and fee they
 * were given.
 */
@Injectable()
export class ProcedureAdminService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<ProcedureAdminView[]> {
    const rows = (await this.dataSource.query(`${SELECT} ORDER BY p.sort_order, p.code`)) as ProcedureRow[];
    return rows.map(toView);
  }

  async get(code: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ProcedureAdminView> {
    const [row] = (await manager.query(`${SELECT} WHERE p.code = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [
      code,
    ])) as ProcedureRow[];
    if (!row) throw new ProcedureNotFound(code);
    return toView(row);
  }

  async update(
    admin: SessionUser,
    code: string,
    body: ProcedureUpdate,
    requestId?: string,
  ): Promise<ProcedureAdminView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(code, manager, true);
      const parsed = procedureUpdateSchemaFor(current).safeParse(body, { reportInput: true });
      if (!parsed.success) throw new ValidationFailed(parsed.error);
      const update = parsed.data;
      if (update.version !== current.version) throw new ProcedureChanged(current.version);

      const amounts = new Map(update.fees.map((f) => [f.case, f.amount]));
      const names = new Map(update.papers.map((p) => [p.code, p.name]));
      const fees = current.fees.map((f) => ({ ...f, amount: amounts.get(f.case) ?? f.amount }));
      const papers = current.requiredPapers.map((p) => ({ ...p, name: names.get(p.code) ?? p.name }));
      const change = difference(
        editable({ ...current, timeLimitAmount: current.timeLimit.amount, papers: current.requiredPapers }),
        editable({ active: update.active, timeLimitAmount: update.timeLimitAmount, fees, papers }),
      );
      if (Object.keys(change.after).length === 0) return current;

      await manager.query(
        `UPDATE procedure
            SET active = $2, time_limit_amount = $3, fees = $4, required_papers = $5,
                administered_at = now(), administered_by = $6, updated_at = now(), version = version + 1
          WHERE code = $1`,
        [code, update.active, update.timeLimitAmount, JSON.stringify(fees), JSON.stringify(papers), admin.id],
      );
      await audit(manager, {
        actorId: admin.id,
        action: 'procedure.updated',
        targetType: 'procedure',
        targetId: code,
        details: { version: current.version + 1, ...change },
        requestId,
      });
      return this.get(code, manager);
    });
  }
}
