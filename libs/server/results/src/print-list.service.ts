import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PaperDeliveryState, PrintListPage, PrintListRow, PrintListTab, SessionUser } from '@portal/contracts';
import { DossierNotFound, readerScope, tellApplicant } from '@portal/server/dossiers';
import { audit } from '@portal/server/identity';
import { APP_CONFIG, Conflict, NotFound, type AppConfig } from '@portal/server/platform';
import { DataSource, type EntityManager } from 'typeorm';

export class NoPaperOrdered extends NotFound {
  constructor() {
    super('NO_PAPER_ORDERED', {
      vi: 'Hồ sơ này không có bản giấy nào cần in hoặc gửi.',
      en: 'This dossier has no paper copies to print or send.',
    });
  }
}

export class PaperStepNotAllowed extends Conflict {
  constructor(state: PaperDeliveryState, step: PaperStep) {
    const texts: Record<PaperStep, { vi: string; en: string }> = {
      printed: {
        vi: 'Bản giấy của hồ sơ này đã được in.',
        en: 'The paper copies of this dossier are already printed.',
      },
      handed_over: {
        vi: 'Chỉ trao được bản giấy đã in và người dân đăng ký nhận tại bộ phận một cửa.',
        en: 'Only printed copies that the citizen collects at the desk can be handed over.',
      },
      posted: {
        vi: 'Chỉ gửi bưu chính được bản giấy đã in và người dân đăng ký nhận qua bưu chính.',
        en: 'Only printed copies that the citizen asked to receive by post can be posted.',
      },
    };
    super('PAPER_STEP_NOT_ALLOWED', texts[step], { state });
  }
}

/** What a clerk marks on the print list. */
export type PaperStep = 'printed' | 'handed_over' | 'posted';

/** The states each tab lists. */
const TAB_STATES: Record<PrintListTab, PaperDeliveryState[]> = {
  to_print: ['to_print'],
  printed: ['printed'],
  done: ['handed_over', 'posted'],
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/**
 * The ward's print list: the paper copies citizens ordered with a signed result, to
 * print from that file, then hand over at the desk or post. Its clerks and leader
 * work it (their ward's only); auditors read every ward's. Each mark is a step in
 * the dossier's history, audited, and tells the citizen when the paper is ready or
 * on its way.
 */
@Injectable()
export class PrintListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: SessionUser, tab: PrintListTab): Promise<PrintListPage> {
    const { unitCode } = readerScope(user);
    const rows = await this.dataSource.query(
      `SELECT d.code, p.name, p.name_en, d.subject_name, d.applicant_name, d.contact_phone, r.document_number,
              pd.copies, pd.method, pd.postal_address, pd.state, pd.queued_at, pd.printed_at, pd.delivered_at,
              pd.postal_reference, u.name AS unit_name
         FROM paper_delivery pd JOIN dossier d ON d.id = pd.dossier_id
         JOIN dossier_result r ON r.dossier_id = pd.dossier_id
         JOIN procedure p ON p.code = d.procedure_code JOIN administrative_unit u ON u.code = pd.unit_code
        WHERE ($1::text IS NULL OR pd.unit_code = $1) AND pd.state = ANY($2)
        ORDER BY pd.queued_at ${tab === 'done' ? 'DESC' : 'ASC'}, d.code
        LIMIT 200`,
      [unitCode, TAB_STATES[tab]],
    );
    const counted = await this.dataSource.query(
      `SELECT state, count(*)::int AS n FROM paper_delivery WHERE ($1::text IS NULL OR unit_code = $1) GROUP BY state`,
      [unitCode],
    );
    const count = (states: PaperDeliveryState[]) =>
      counted
        .filter((c: { state: PaperDeliveryState }) => states.includes(c.state))
        .reduce((sum: number, c: { n: number }) => sum + c.n, 0);
    return {
      rows: rows.map((r: Record<string, never>): PrintListRow => ({
        dossierCode: r['code'],
        procedureName: { vi: r['name'], en: r['name_en'] },
        subjectName: r['subject_name'],
        applicantName: r['applicant_name'],
        contactPhone: r['contact_phone'],
        documentNumber: r['document_number'],
        copies: r['copies'],
        method: r['method'],
        postalAddress: r['postal_address'],
        state: r['state'],
        queuedAt: new Date(r['queued_at']).toISOString(),
        printedAt: iso(r['printed_at']),
        deliveredAt: iso(r['delivered_at']),
        postalReference: r['postal_reference'],
        unitName: r['unit_name'],
      })),
      counts: {
        to_print: count(TAB_STATES.to_print),
        printed: count(TAB_STATES.printed),
        done: count(TAB_STATES.done),
      },
    };
  }

  /**
   * Marks one step of a dossier's paper: printed (from to print), then handed over (collected at the
   * desk) or posted (with the postal reference). A step out of turn is refused and changes nothing.
   */
  async mark(
    user: SessionUser,
    dossierCode: string,
    step: PaperStep,
    options: { postalReference?: string; requestId?: string } = {},
  ): Promise<{ state: PaperDeliveryState }> {
    const { unitCode } = readerScope(user);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT d.id, pd.state, pd.method, pd.copies, pd.dossier_id IS NOT NULL AS ordered
           FROM dossier d LEFT JOIN paper_delivery pd ON pd.dossier_id = d.id
          WHERE d.code = $1 AND ($2::text IS NULL OR d.unit_code = $2)
          FOR UPDATE OF d`,
        [dossierCode.slice(0, 32), unitCode],
      );
      if (!row) throw new DossierNotFound();
      if (!row.ordered) throw new NoPaperOrdered();
      const allowed =
        step === 'printed'
          ? row.state === 'to_print'
          : row.state === 'printed' && row.method === (step === 'handed_over' ? 'collect' : 'post');
      if (!allowed) throw new PaperStepNotAllowed(row.state, step);
      await this.apply(manager, row.id, user.id, step, options.postalReference);
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, details, request_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          row.id,
          user.id,
          readerScope(user).role,
          `paper-${step.replace('_', '-')}`,
          JSON.stringify({
            copies: row.copies,
            ...(options.postalReference ? { postalReference: options.postalReference } : {}),
          }),
          options.requestId ?? null,
        ],
      );
      await audit(manager, {
        actorId: user.id,
        action: `paper.${step}`,
        targetType: 'dossier',
        targetId: row.id,
        details: { copies: row.copies },
        requestId: options.requestId,
      });
      if (step === 'printed' && row.method === 'collect')
        await tellApplicant(manager, row.id, this.config.PUBLIC_URL, { change: 'paper_ready' });
      if (step === 'posted') await tellApplicant(manager, row.id, this.config.PUBLIC_URL, { change: 'paper_posted' });
      return { state: step };
    });
  }

  private async apply(
    manager: EntityManager,
    dossierId: string,
    userId: string,
    step: PaperStep,
    postalReference: string | undefined,
  ): Promise<void> {
    if (step === 'printed')
      await manager.query(
        `UPDATE paper_delivery SET state = 'printed', printed_at = now(), printed_by = $2 WHERE dossier_id = $1`,
        [dossierId, userId],
      );
    else
      await manager.query(
        `UPDATE paper_delivery SET state = $3, delivered_at = now(), delivered_by = $2, postal_reference = $4
          WHERE dossier_id = $1`,
        [dossierId, userId, step, postalReference ?? null],
      );
  }
}
