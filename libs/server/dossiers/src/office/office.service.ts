import { Injectable } from '@nestjs/common';
import { likeLiteral } from '@portal/server/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  inboxTabs,
  type InboxPage,
  type InboxRow,
  type InboxTab,
  type OfficeDossier,
  type SessionUser,
  type WorkflowStep,
} from '@portal/contracts';
import { clockRunningStatuses, dueMarks } from '@portal/server/workflow';
import { DataSource } from 'typeorm';
import { DossierNotFound } from '../applications/application.errors';
import { MyDossiersService } from '../my-dossiers/my-dossiers.service';
import { NotUnitStaff } from './office.errors';
import { actorRoles } from './workflow-actions.service';

export const INBOX_PAGE_SIZE = 50;

const RUNNING = `(${clockRunningStatuses.map((status) => `'${status}'`).join(', ')})`;
/** The statuses of the finished tab; the inbox's two indexes split the dossiers by them. */
const FINISHED = `('refused', 'processed', 'returned', 'withdrawn', 'stopped')`;
/** What a search matches, as the inbox indexes store it (migration InboxSearch1765920000000): the same expression. */
const SEARCH_TEXT = `lower(d.code || E'\\n' || coalesce(d.subject_name, '') || E'\\n' || coalesce(d.applicant_name, ''))`;
const tabFilter: Record<InboxTab, string> = {
  to_receive: `d.status = 'new'`,
  awaiting_payment: `d.status = 'awaiting_payment'`,
  in_progress: `d.status IN ('received', 'processing') AND d.step IS NULL`,
  waiting_papers: `d.status = 'supplement_requested'`,
  to_sign: `d.status = 'processing' AND d.step = 'awaiting_signature'`,
  overdue: `d.status IN ${RUNNING} AND d.due_at < now()`,
  finished: `d.status IN ${FINISHED}`,
};

/** The unit a clerk or leader works in; anyone else is refused. */
export function staffUnit(user: SessionUser): string {
  if (!user.unitCode || !user.roles.some((role) => role === 'clerk' || role === 'leader')) throw new NotUnitStaff();
  return user.unitCode;
}

/**
 * Whose dossiers a reader of the back office sees: a clerk or leader their own
 * ward's; an auditor every ward's, read only (DESIGN §6); anyone else none.
 */
export function readerScope(user: SessionUser): { unitCode: string | null; role: 'clerk' | 'leader' | 'auditor' } {
  const staff = user.roles.find((role): role is 'clerk' | 'leader' => role === 'clerk' || role === 'leader');
  if (staff && user.unitCode) return { unitCode: user.unitCode, role: staff };
  if (user.roles.includes('auditor')) return { unitCode: null, role: 'auditor' };
  throw new NotUnitStaff();
}

/** `d.unit_code` within a reader's scope, the scope's unit being parameter $n (NULL: every unit). */
const inScope = (n: number) => `($${n}::text IS NULL OR d.unit_code = $${n})`;

/**
 * The back office of a ward: its inbox and its dossiers, never another ward's
 * (auditors read every ward's and change nothing). Every read of a dossier by
 * staff is written to the dossier's history.
 */
@Injectable()
export class OfficeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: MyDossiersService,
  ) {}

  async inbox(
    user: SessionUser,
    tab: InboxTab,
    q: string | undefined,
    page: number,
    procedureCode?: string,
  ): Promise<InboxPage> {
    const { unitCode: unit } = readerScope(user);
    const params: unknown[] = [unit, procedureCode ?? null];
    // Tabs are counted within the procedure chosen, if any.
    const ofProcedure = `($2::text IS NULL OR d.procedure_code = $2)`;
    let search = '';
    if (q) {
      params.push(`%${likeLiteral(q)}%`);
      search = `AND ${SEARCH_TEXT} LIKE lower($3)`;
    }
    // The page first, from the inbox index alone (its columns cover the scope, the tabs, the order and the
    // search), then the 50 dossiers' other facts: a ward of tens of thousands of dossiers is never read whole.
    const where = `${inScope(1)} AND ${ofProcedure} AND ${tabFilter[tab]} ${search}`;
    const order = `d.due_at ASC NULLS LAST, d.submitted_at ASC`;
    const rows = await this.dataSource.query(
      `WITH page AS (
         SELECT d.id${q ? ', count(*) OVER () AS matches' : ''} FROM dossier d WHERE ${where}
          ORDER BY ${order} LIMIT ${INBOX_PAGE_SIZE} OFFSET ${(page - 1) * INBOX_PAGE_SIZE}
       )
       SELECT d.code, p.name AS procedure_name, p.name_en AS procedure_name_en,
              d.subject_name, d.applicant_name,
              d.status, d.step, d.channel, d.submitted_at, d.received_at, d.due_at, d.paused_seconds,
              a.full_name AS assignee_name, d.fee_amount,
              EXISTS (SELECT 1 FROM payment pay WHERE pay.dossier_id = d.id AND pay.state = 'succeeded') AS paid,
              u.name AS unit_name${q ? ', page.matches' : ''}
         FROM page JOIN dossier d ON d.id = page.id
         JOIN procedure p ON p.code = d.procedure_code
         JOIN administrative_unit u ON u.code = d.unit_code
         LEFT JOIN app_user a ON a.id = d.assignee_id
        ORDER BY ${order}`,
      params,
    );
    // The open tabs from the open dossiers' index, the finished one from the finished dossiers'.
    const open = inboxTabs.filter((t) => t !== 'finished');
    const [counts] = await this.dataSource.query(
      `SELECT o.*, f.finished FROM
         (SELECT ${open.map((t) => `count(*) FILTER (WHERE ${tabFilter[t]})::int AS ${t}`).join(', ')}
            FROM dossier d WHERE ${inScope(1)} AND ${ofProcedure} AND d.status NOT IN ${FINISHED}) o,
         (SELECT count(*)::int AS finished
            FROM dossier d WHERE ${inScope(1)} AND ${ofProcedure} AND ${tabFilter.finished}) f`,
      [unit, procedureCode ?? null],
    );
    // Without a search the tab's count is the total; with one, the matches counted with the page.
    const total = q
      ? rows.length
        ? Number(rows[0]['matches'])
        : 0
      : Number((counts as Record<InboxTab, number>)[tab]);
    const now = Date.now();
    return {
      rows: rows.map((r: Record<string, unknown>): InboxRow => {
        const due = r['due_at'] ? new Date(r['due_at'] as Date).getTime() : null;
        const submitted = r['submitted_at'] ? new Date(r['submitted_at'] as Date).getTime() : null;
        return {
          code: r['code'] as string,
          procedureName: { vi: r['procedure_name'] as string, en: r['procedure_name_en'] as string },
          subjectName: (r['subject_name'] as string | null) ?? null,
          applicantName: (r['applicant_name'] as string | null) ?? null,
          status: r['status'] as string,
          step: (r['step'] as WorkflowStep | null) ?? null,
          channel: r['channel'] as string,
          submittedAt: submitted ? new Date(submitted).toISOString() : null,
          dueAt: due ? new Date(due).toISOString() : null,
          ...dueMarks(
            r['status'] as string,
            {
              clockStart: (r['received_at'] ?? r['submitted_at']) as Date | null,
              due: r['due_at'] as Date | null,
              pausedSeconds: r['paused_seconds'] as number,
            },
            now,
          ),
          assigneeName: (r['assignee_name'] as string | null) ?? null,
          unitName: r['unit_name'] as string,
          feeAmount: Number(r['fee_amount']),
          paid: r['paid'] === true,
        };
      }),
      total,
      page,
      pageSize: INBOX_PAGE_SIZE,
      counts,
    };
  }

  /** One dossier of the ward, with the actions the viewer may take; the read itself is recorded. */
  async view(user: SessionUser, code: string, requestId?: string): Promise<OfficeDossier> {
    const { unitCode: unit, role } = readerScope(user);
    const [row] = await this.dataSource.query(
      `SELECT d.id, d.applicant_id, d.version, d.step, d.proposal, d.status, p.workflow, a.full_name AS assignee_name,
              d.submitted_at, d.received_at, d.due_at, d.paused_seconds,
              COALESCE(d.applicant_name, u.full_name) AS applicant_name, d.contact_phone
         FROM dossier d JOIN procedure p ON p.code = d.procedure_code
         LEFT JOIN app_user a ON a.id = d.assignee_id
         LEFT JOIN app_user u ON u.id = d.applicant_id
        WHERE d.code = $1 AND ${inScope(2)}`,
      [code.slice(0, 32), unit],
    );
    if (!row) throw new DossierNotFound();
    await this.dataSource.query(
      `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, request_id) VALUES ($1, $2, $3, 'view', $4)`,
      [row.id, user.id, role, requestId ?? null],
    );
    // An auditor acts in no role here: no actions.
    const roles = unit ? actorRoles(user, { unitCode: unit }) : [];
    const detail = await this.dossiers.detailById(row.id, { includeViews: true, roles });
    return {
      ...detail,
      ...dueMarks(row.status, {
        clockStart: row.received_at ?? row.submitted_at,
        due: row.due_at,
        pausedSeconds: row.paused_seconds,
      }),
      version: row.version,
      step: row.step,
      proposal: row.proposal,
      assigneeName: row.assignee_name,
      applicant: { fullName: row.applicant_name, phone: row.contact_phone },
    };
  }

  /** The id of a dossier of the ward, for reading its papers. */
  async dossierId(user: SessionUser, code: string): Promise<string> {
    const { unitCode: unit } = readerScope(user);
    const [row] = await this.dataSource.query(`SELECT d.id FROM dossier d WHERE d.code = $1 AND ${inScope(2)}`, [
      code.slice(0, 32),
      unit,
    ]);
    if (!row) throw new DossierNotFound();
    return row.id as string;
  }
}
