import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  normalisePhone,
  RATING_EDIT_DAYS,
  type DossierDetail,
  type FeeLine,
  type TimelineEvent,
  type DossierSummary,
  type StatusLookupResult,
} from '@portal/contracts';
import { RequestLimit } from '@portal/server/platform';
import { allowedActions, type ActorRole } from '@portal/server/workflow';
import { DataSource } from 'typeorm';
import { DossierNotFound, LookupNotFound } from '../applications/application.errors';

const SUMMARY = `
  SELECT d.id, d.code, d.procedure_code, p.name AS procedure_name, p.name_en AS procedure_name_en, d.status,
         d.unit_code, u.name AS unit_name, d.submitted_at, d.due_at, d.finished_at, d.channel, d.fee_amount, d.fee_items, d.late_registration
    FROM dossier d
    JOIN procedure p ON p.code = d.procedure_code
    JOIN administrative_unit u ON u.code = d.unit_code`;

interface SummaryRow {
  id: string;
  code: string;
  procedure_code: string;
  procedure_name: string;
  procedure_name_en: string;
  status: string;
  unit_code: string;
  unit_name: string;
  submitted_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
  channel: string;
  fee_amount: number;
  fee_items: FeeLine[];
  late_registration: boolean;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toSummary(row: SummaryRow): DossierSummary {
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: { vi: row.procedure_name, en: row.procedure_name_en },
    status: row.status,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    submittedAt: iso(row.submitted_at),
    dueAt: iso(row.due_at),
    finishedAt: iso(row.finished_at),
    channel: row.channel,
    feeAmount: row.fee_amount,
    feeItems: row.fee_items,
    lateRegistration: row.late_registration,
  };
}

/** Lookups per network address before a pause: enough for people, too few to guess codes. */
export const LOOKUPS_PER_ADDRESS = 20;

/** A citizen's own dossiers, and the public status lookup. */
@Injectable()
export class MyDossiersService {
  private readonly lookups: RequestLimit;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.lookups = new RequestLimit(dataSource, 'lookup', LOOKUPS_PER_ADDRESS);
  }

  async list(userId: string): Promise<DossierSummary[]> {
    const rows = (await this.dataSource.query(
      `${SUMMARY} WHERE d.applicant_id = $1 ORDER BY d.created_at DESC LIMIT 100`,
      [userId],
    )) as SummaryRow[];
    return rows.map(toSummary);
  }

  async detail(userId: string, code: string): Promise<DossierDetail> {
    const [row] = await this.dataSource.query(`SELECT id FROM dossier WHERE code = $1 AND applicant_id = $2`, [
      code.slice(0, 32),
      userId,
    ]);
    if (!row) throw new DossierNotFound();
    return this.detailById(row.id, { includeViews: false, roles: ['citizen'] });
  }

  /**
   * A dossier with its papers and timeline; the caller has checked who may see it.
   * Staff reads are part of the history, but a citizen's timeline shows what happened to the dossier.
   */
  async detailById(
    id: string,
    options: { includeViews: boolean; roles: readonly ActorRole[] },
  ): Promise<DossierDetail> {
    const [row] = (await this.dataSource.query(`${SUMMARY} WHERE d.id = $1`, [id])) as SummaryRow[];
    if (!row) throw new DossierNotFound();
    const [{ data, version, step, proposal, workflow }] = await this.dataSource.query(
      `SELECT d.data, d.version, d.step, d.proposal, p.workflow
         FROM dossier d JOIN procedure p ON p.code = d.procedure_code WHERE d.id = $1`,
      [row.id],
    );
    const [request] =
      row.status === 'supplement_requested'
        ? await this.dataSource.query(
            `SELECT reason, details, occurred_at FROM dossier_event
              WHERE dossier_id = $1 AND action = 'request_supplement' ORDER BY id DESC LIMIT 1`,
            [row.id],
          )
        : [];
    const events = await this.dataSource.query(
      `SELECT action, actor_role, from_status, to_status, reason, occurred_at, details FROM dossier_event
        WHERE dossier_id = $1 ${
          options.includeViews
            ? ''
            : // The citizen's timeline: what happened to the dossier, not the office's internal steps.
              `AND action NOT IN ('view', 'intake-check') AND (to_status IS DISTINCT FROM from_status OR action LIKE 'agency-%')`
        } ORDER BY id`,
      [row.id],
    );
    const papers = await this.dataSource.query(
      `SELECT id, paper_code, file_name, mime_type, size_bytes FROM attachment WHERE dossier_id = $1 ORDER BY created_at`,
      [row.id],
    );
    const [result] = await this.dataSource.query(
      `SELECT document_number, verification_code, signed_at, delivered_at FROM dossier_result WHERE dossier_id = $1`,
      [row.id],
    );
    const [rating] = await this.dataSource.query(
      `SELECT score, comment, created_at, created_at + make_interval(days => $2) AS editable_until
         FROM dossier_rating WHERE dossier_id = $1`,
      [row.id, RATING_EDIT_DAYS],
    );
    return {
      ...toSummary(row),
      data,
      version,
      // What the viewer may do now, as the workflow's state table says.
      allowedActions: allowedActions(workflow, { status: row.status, step }, proposal, options.roles),
      supplementRequest: request
        ? {
            reason: request.reason,
            papers: (request.details?.papers as string[] | undefined) ?? [],
            at: new Date(request.occurred_at).toISOString(),
          }
        : null,
      timeline: events.map((e: Record<string, unknown>) => ({
        action: e['action'] as string,
        actorRole: e['actor_role'] as string,
        fromStatus: (e['from_status'] as string | null) ?? null,
        toStatus: (e['to_status'] as string | null) ?? null,
        reason: (e['reason'] as string | null) ?? null,
        at: new Date(e['occurred_at'] as Date).toISOString(),
        // Staff see what the intake check found; the citizen's timeline carries no internal details.
        ...(options.includeViews && e['action'] === 'intake-check'
          ? { details: e['details'] as TimelineEvent['details'] }
          : {}),
      })),
      result: result
        ? {
            documentNumber: result.document_number,
            verificationCode: result.verification_code,
            signedAt: new Date(result.signed_at).toISOString(),
            deliveredAt: result.delivered_at ? new Date(result.delivered_at).toISOString() : null,
          }
        : null,
      rating: rating
        ? {
            score: rating.score,
            comment: rating.comment,
            ratedAt: new Date(rating.created_at).toISOString(),
            editableUntil: new Date(rating.editable_until).toISOString(),
          }
        : null,
      papers: papers.map((p: Record<string, unknown>) => ({
        id: p['id'] as string,
        paperCode: p['paper_code'] as string,
        fileName: p['file_name'] as string,
        mimeType: p['mime_type'] as string,
        sizeBytes: p['size_bytes'] as number,
      })),
    };
  }

  /**
   * The public lookup: the same "not found" for an unknown code and for a wrong
   * phone number, and a pause after too many lookups from one address.
   */
  async lookup(code: string, phone: string, address: string): Promise<StatusLookupResult> {
    await this.lookups.consume(address);
    const [row] = (await this.dataSource.query(`${SUMMARY} WHERE d.code = $1 AND d.contact_phone = $2`, [
      code.trim().toUpperCase().slice(0, 32),
      normalisePhone(phone),
    ])) as SummaryRow[];
    if (!row) throw new LookupNotFound();
    const summary = toSummary(row);
    return {
      code: summary.code,
      procedureName: summary.procedureName,
      status: summary.status,
      unitName: summary.unitName,
      submittedAt: summary.submittedAt,
      dueAt: summary.dueAt,
      finishedAt: summary.finishedAt,
    };
  }
}
