import { procedureTakingApplications } from './procedure-open';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationSchema,
  contactOf,
  stepsOf,
  unitCodeOf,
  type ApplicationData,
  type AttachmentSummary,
  type DraftView,
  type Language,
  type SessionUser,
  type SubmittedDossier,
} from '@portal/contracts';
import { HolidaysService } from '@portal/server/catalogue';
import { audit } from '@portal/server/identity';
import { queueNotification } from '@portal/server/notifications';
import { isUuid, ValidationFailed } from '@portal/server/platform';
import { DataSource, EntityManager } from 'typeorm';
import { linkAttachmentsToDossier } from '../attachments';
import { ATTACHMENT_COLUMNS, toAttachmentSummary, type AttachmentRow } from '../attachments/attachment-row';
import {
  DraftNotFound,
  PaperNotUploaded,
  ProcedureNotOnline,
  UnitNotFound,
  UnknownFormStep,
} from './application.errors';
import { DossierChanged } from '../office/office.errors';
import { nextDossierCode } from './dossier-code';
import { openDossier } from './open-dossier';

interface DraftRow {
  id: string;
  procedure_code: string;
  data: Record<string, unknown>;
  completed_steps: string[];
  updated_at: Date;
}

function toView(row: DraftRow): DraftView {
  return {
    id: row.id,
    procedureCode: row.procedure_code,
    data: row.data,
    completedSteps: row.completed_steps,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface RequestContext {
  user: SessionUser;
  language: Language;
  requestId?: string;
}

/**
 * Online applications: drafts saved page by page, then submitted as a dossier.
 * Every query is limited to the signed-in citizen's own drafts; another
 * citizen's draft is "not found", whatever its id.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holidays: HolidaysService,
  ) {}

  async start(context: RequestContext, procedureCode: string): Promise<DraftView> {
    if (!stepsOf(procedureCode)) throw new ProcedureNotOnline(procedureCode);
    return this.dataSource.transaction(async (manager) => {
      await procedureTakingApplications(manager, procedureCode);
      const [row] = (await manager.query(
        `INSERT INTO dossier_draft (owner_id, procedure_code) VALUES ($1, $2)
         RETURNING id, procedure_code, data, completed_steps, updated_at`,
        [context.user.id, procedureCode],
      )) as DraftRow[];
      await audit(manager, {
        actorId: context.user.id,
        action: 'draft.started',
        targetType: 'draft',
        targetId: row.id,
        requestId: context.requestId,
      });
      return toView(row);
    });
  }

  async list(context: RequestContext): Promise<DraftView[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, procedure_code, data, completed_steps, updated_at FROM dossier_draft
        WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT 50`,
      [context.user.id],
    )) as DraftRow[];
    return rows.map(toView);
  }

  async get(context: RequestContext, draftId: string): Promise<DraftView> {
    const view = toView(await this.ownDraft(this.dataSource.manager, context, draftId));
    return { ...view, papers: await this.draftPapers(this.dataSource.manager, context, view) };
  }

  /** The uploads the draft's papers page names, still the citizen's and not yet in a dossier (to show them again). */
  private async draftPapers(
    manager: EntityManager,
    context: RequestContext,
    view: DraftView,
  ): Promise<AttachmentSummary[]> {
    const ids = Object.values((view.data['papers'] as Record<string, unknown> | undefined) ?? {}).filter(
      (id): id is string => typeof id === 'string' && isUuid(id),
    );
    if (!ids.length) return [];
    const rows = (await manager.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachment WHERE id = ANY($1::uuid[]) AND owner_id = $2 AND dossier_id IS NULL`,
      [ids, context.user.id],
    )) as AttachmentRow[];
    return rows.map(toAttachmentSummary);
  }

  /** Checks one page with its schema and saves it; a bad page changes nothing. */
  async saveStep(context: RequestContext, draftId: string, stepId: string, values: unknown): Promise<DraftView> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.ownDraft(manager, context, draftId, true);
      const step = stepsOf(draft.procedure_code)?.find((s) => s.id === stepId);
      if (!step) throw new UnknownFormStep(stepId);
      await procedureTakingApplications(manager, draft.procedure_code);
      const parsed = step.schema.safeParse(values ?? {}, { reportInput: true });
      if (!parsed.success) throw new ValidationFailed(parsed.error);
      if (stepId === 'papers')
        await this.checkPapers(manager, context, parsed.data as Record<string, string | undefined>);
      // An UPDATE … RETURNING answers [rows, count].
      const [[row]] = (await manager.query(
        `UPDATE dossier_draft
            SET data = jsonb_set(data, ARRAY[$2::text], $3::jsonb),
                completed_steps = (SELECT ARRAY(SELECT DISTINCT unnest(completed_steps || ARRAY[$2::text]))),
                updated_at = now(), version = version + 1
          WHERE id = $1
          RETURNING id, procedure_code, data, completed_steps, updated_at`,
        [draft.id, stepId, JSON.stringify(parsed.data)],
      )) as [DraftRow[], number];
      const view = toView(row);
      return { ...view, papers: await this.draftPapers(manager, context, view) };
    });
  }

  async discard(context: RequestContext, draftId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.ownDraft(manager, context, draftId, true);
      await manager.query(`DELETE FROM dossier_draft WHERE id = $1`, [draft.id]);
      await audit(manager, {
        actorId: context.user.id,
        action: 'draft.discarded',
        targetType: 'draft',
        targetId: draft.id,
        requestId: context.requestId,
      });
    });
  }

  /**
   * Turns a complete draft into a dossier: status "new", a readable code, the
   * handling ward, the expected due date; its papers, its first event, the
   * receipt e-mail and the audit entry all commit together or not at all.
   */
  async submit(context: RequestContext, draftId: string, publicUrl: string): Promise<SubmittedDossier> {
    // The code is taken before the transaction, on a connection of its own, so that submissions
    // neither queue on the counter row nor wait for a second pool connection while holding one.
    const [ward] = isUuid(draftId)
      ? await this.dataSource.query(
          `SELECT u.parent_code FROM dossier_draft d
             JOIN administrative_unit u ON u.code = d.data->'ward'->>'unitCode' AND u.tier = 'commune'
            WHERE d.id = $1 AND d.owner_id = $2`,
          [draftId, context.user.id],
        )
      : [];
    const reserved = ward ? await nextDossierCode(this.dataSource.manager, ward.parent_code, new Date()) : null;
    const holidays = await this.holidays.calendar();
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.ownDraft(manager, context, draftId, true);
      const parsed = applicationSchema(draft.procedure_code).safeParse(draft.data, { reportInput: true });
      if (!parsed.success) throw new ValidationFailed(parsed.error);
      const application = parsed.data as ApplicationData;
      const procedure = await procedureTakingApplications(manager, draft.procedure_code);
      const [unit] = await manager.query(
        `SELECT code, name, parent_code FROM administrative_unit WHERE code = $1 AND tier = 'commune'`,
        [unitCodeOf(draft.procedure_code, application)],
      );
      if (!unit) throw new UnitNotFound();

      // The ward was changed between the two reads (another tab): ask to submit again.
      if (!reserved || !reserved.startsWith(`HS-${unit.parent_code}-`)) throw new DossierChanged();
      const code = reserved;
      const dossier = await openDossier(manager, {
        intake: { channel: 'online', citizenId: context.user.id },
        code,
        procedure,
        unitCode: unit.code,
        application,
        holidays,
        requestId: context.requestId,
      });
      const { due, fee, late } = dossier;
      const papers = (application['papers'] ?? {}) as Record<string, string | undefined>;
      const paperIds = Object.values(papers).filter((id): id is string => !!id);
      await linkAttachmentsToDossier(manager, {
        ownerId: context.user.id,
        dossierId: dossier.id,
        attachmentIds: paperIds,
      });
      await manager.query(`DELETE FROM dossier_draft WHERE id = $1`, [draft.id]);

      const recipient = contactOf(draft.procedure_code, application).email ?? context.user.email;
      if (recipient) {
        await queueNotification(manager, {
          channel: 'email',
          template: 'dossier-submitted',
          language: context.language,
          recipient,
          dossierId: dossier.id,
          params: {
            dossierCode: code,
            procedureName: { vi: procedure.name, en: procedure.name_en },
            unitName: unit.name,
            dueDate: due.toISOString(),
            receiptUrl: `${publicUrl.replace(/\/$/, '')}/dossiers/${code}`,
          },
        });
      }

      return {
        code,
        procedureCode: draft.procedure_code,
        unitCode: unit.code,
        unitName: unit.name,
        status: dossier.status,
        submittedAt: dossier.submittedAt.toISOString(),
        dueAt: due.toISOString(),
        lateRegistration: late,
        feeAmount: fee,
        feeItems: dossier.feeItems,
      };
    });
  }

  private async ownDraft(
    manager: EntityManager,
    context: RequestContext,
    draftId: string,
    lock = false,
  ): Promise<DraftRow> {
    if (!isUuid(draftId)) throw new DraftNotFound();
    const [row] = (await manager.query(
      `SELECT id, procedure_code, data, completed_steps, updated_at FROM dossier_draft
        WHERE id = $1 AND owner_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [draftId, context.user.id],
    )) as DraftRow[];
    if (!row) throw new DraftNotFound();
    return row;
  }

  /** Each paper must be one of the citizen's own uploads, of that paper type, not yet in a dossier. */
  private async checkPapers(
    manager: EntityManager,
    context: RequestContext,
    papers: Record<string, string | undefined>,
  ): Promise<void> {
    for (const [paperCode, id] of Object.entries(papers)) {
      if (!id) continue;
      const [row] = await manager.query(
        `SELECT 1 FROM attachment WHERE id = $1 AND owner_id = $2 AND paper_code = $3 AND dossier_id IS NULL`,
        [id, context.user.id, paperCode],
      );
      if (!row) throw new PaperNotUploaded(paperCode);
    }
  }
}
