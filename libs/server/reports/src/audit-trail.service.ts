import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_PAGE_SIZE,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type SessionUser,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { likeLiteral } from '@portal/server/platform';
import { DataSource } from 'typeorm';

type Filters = Omit<AuditQuery, 'page'>;

/**
 * The audit trail for auditors: who did what to what and when — every audit event (sign-ins,
 * papers, payments, results, ratings, reports pulled and exported…), and for a dossier its own
 * history too — searched by dossier, actor, action and period, newest first, and exported.
 * Every search and export is itself an audit event.
 */
@Injectable()
export class AuditTrailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(user: SessionUser, query: AuditQuery, requestId?: string): Promise<AuditPage> {
    const { page, ...filters } = query;
    const rows = await this.entries(filters, AUDIT_PAGE_SIZE + 1, (page - 1) * AUDIT_PAGE_SIZE);
    await this.record(user, 'audit.searched', filters, requestId);
    return {
      rows: rows.slice(0, AUDIT_PAGE_SIZE),
      page,
      pageSize: AUDIT_PAGE_SIZE,
      more: rows.length > AUDIT_PAGE_SIZE,
    };
  }

  /** Every entry the filters find, newest first, a batch at a time (at most AUDIT_EXPORT_MAX_ROWS). */
  async *export(user: SessionUser, filters: Filters, requestId?: string): AsyncGenerator<AuditEntry[]> {
    await this.record(user, 'audit.exported', filters, requestId);
    const batch = 5_000;
    for (let offset = 0; offset < AUDIT_EXPORT_MAX_ROWS; offset += batch) {
      const rows = await this.entries(filters, Math.min(batch, AUDIT_EXPORT_MAX_ROWS - offset), offset);
      if (rows.length) yield rows;
      if (rows.length < batch) return;
    }
  }

  private async record(user: SessionUser, action: string, filters: Filters, requestId?: string): Promise<void> {
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action,
      targetType: 'audit',
      details: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
      requestId,
    });
  }

  private async entries(filters: Filters, limit: number, offset: number): Promise<AuditEntry[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let dossierId: string | null = null;
    if (filters.dossierCode) {
      const [dossier] = await this.dataSource.query(`SELECT id FROM dossier WHERE code = $1`, [filters.dossierCode]);
      if (!dossier) return [];
      dossierId = dossier.id;
    }
    const common = (alias: string) => {
      const terms: string[] = [];
      if (filters.actor) {
        terms.push(
          filters.actor.includes('@')
            ? `u.email = lower(${param(filters.actor)})`
            : `u.full_name ILIKE ${param(`%${likeLiteral(filters.actor)}%`)}`,
        );
      }
      if (filters.action) terms.push(`${alias}.action LIKE ${param(`${likeLiteral(filters.action)}%`)}`);
      // Viet Nam days: from 00:00 of the first to 00:00 after the last (UTC+7).
      if (filters.from) terms.push(`${alias}.occurred_at >= (${param(filters.from)}::date - interval '7 hours')`);
      if (filters.to) terms.push(`${alias}.occurred_at < (${param(filters.to)}::date + interval '17 hours')`);
      return terms;
    };
    const auditTerms = common('a');
    if (dossierId) auditTerms.push(`a.target_type = 'dossier' AND a.target_id = ${param(dossierId)}`);
    const parts = [
      `SELECT 'audit' AS source, a.id, a.occurred_at, u.full_name, u.email, NULL AS role, a.action, a.target_type,
              a.target_id, d.code AS dossier_code, NULL AS from_status, NULL AS to_status, a.details, a.request_id
         FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
         LEFT JOIN dossier d ON a.target_type = 'dossier' AND d.id::text = a.target_id
        ${auditTerms.length ? `WHERE ${auditTerms.join(' AND ')}` : ''}`,
    ];
    if (dossierId) {
      const terms = [...common('e'), `e.dossier_id = ${param(dossierId)}`];
      parts.push(
        `SELECT 'dossier' AS source, e.id, e.occurred_at, u.full_name, u.email, e.actor_role AS role, e.action,
                'dossier' AS target_type, e.dossier_id::text AS target_id, d.code AS dossier_code, e.from_status,
                e.to_status, CASE WHEN e.reason IS NULL THEN e.details
                                  ELSE coalesce(e.details, '{}'::jsonb) || jsonb_build_object('reason', e.reason) END,
                e.request_id
           FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE ${terms.join(' AND ')}`,
      );
    }
    const rows = await this.dataSource.query(
      `${parts.join(' UNION ALL ')} ORDER BY occurred_at DESC, id DESC LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    return rows.map((r: Record<string, never>): AuditEntry => ({
      source: r['source'],
      occurredAt: new Date(r['occurred_at']).toISOString(),
      actor: r['full_name'] ? { name: r['full_name'], email: r['email'] } : null,
      role: r['role'],
      action: r['action'],
      target: r['target_type'] ? { type: r['target_type'], id: r['target_id'] } : null,
      dossierCode: r['dossier_code'],
      change: r['from_status'] || r['to_status'] ? { from: r['from_status'], to: r['to_status'] } : null,
      details: r['details'],
      requestId: r['request_id'],
    }));
  }
}
