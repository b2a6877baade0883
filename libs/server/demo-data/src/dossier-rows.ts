import { contactOf, duplicateKeysOf, subjectOf } from '@portal/contracts';
import type { DemoDossierPlan, DemoRole } from './demo-plan';

/** Who acts in a planned dossier's steps (account ids; null: none, or the system). */
export type DemoActors = Record<DemoRole, string | null>;

/** A planned dossier as the dossier table's columns (JSON columns as text), for the seeder and the volume loader. */
export function dossierRow(plan: DemoDossierPlan, code: string, actors: DemoActors): Record<string, unknown> {
  const contact = contactOf(plan.procedureCode, plan.data);
  return {
    code,
    procedure_code: plan.procedureCode,
    applicant_id: actors.citizen,
    unit_code: plan.unitCode,
    channel: plan.channel,
    status: plan.status,
    data: JSON.stringify(plan.data),
    submitted_at: plan.submittedAt,
    received_at: plan.receivedAt,
    due_at: plan.dueAt,
    finished_at: plan.finishedAt,
    paused_seconds: plan.pausedSeconds,
    created_at: plan.submittedAt,
    updated_at: plan.steps[plan.steps.length - 1].at,
    contact_phone: contact.phone ?? null,
    fee_amount: plan.feeTotal,
    late_registration: plan.late,
    step: plan.step,
    proposal: plan.proposal,
    assignee_id: plan.steps.some((s) => s.action === 'start') ? actors.clerk : null,
    paused_at: plan.pausedAt,
    subject_name: subjectOf(plan.procedureCode, plan.data).fullName,
    applicant_name: contact.fullName,
    duplicate_keys: duplicateKeysOf(plan.procedureCode, plan.data),
    fee_items: JSON.stringify(plan.feeLines),
  };
}

/** A planned dossier's steps as dossier_event rows. */
export function eventRows(plan: DemoDossierPlan, dossierId: string, actors: DemoActors): Record<string, unknown>[] {
  return plan.steps.map((step) => ({
    dossier_id: dossierId,
    actor_id: actors[step.role],
    actor_role: step.role,
    action: step.action,
    from_status: step.from,
    to_status: step.to,
    reason: step.reason ?? null,
    details: step.from === null ? JSON.stringify({ channel: plan.channel }) : null,
    occurred_at: step.at,
  }));
}

/** The PostgreSQL types of the columns the demonstration writes (`text[]`: a list of texts). */
export const COLUMN_TYPES: Record<string, string> = {
  id: 'uuid',
  code: 'text',
  procedure_code: 'text',
  applicant_id: 'uuid',
  unit_code: 'text',
  channel: 'text',
  status: 'text',
  data: 'jsonb',
  submitted_at: 'timestamptz',
  received_at: 'timestamptz',
  due_at: 'timestamptz',
  finished_at: 'timestamptz',
  paused_seconds: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
  contact_phone: 'text',
  fee_amount: 'int',
  late_registration: 'boolean',
  step: 'text',
  proposal: 'text',
  assignee_id: 'uuid',
  paused_at: 'timestamptz',
  subject_name: 'text',
  applicant_name: 'text',
  duplicate_keys: 'text[]',
  fee_items: 'jsonb',
  ever_supplement_requested: 'boolean',
  paid_online: 'boolean',
  has_result: 'boolean',
  processing_days: 'int',
  applicant_eid_verified: 'boolean',
  has_uploaded_papers: 'boolean',
  rated_dissatisfied: 'boolean',
  dossier_id: 'uuid',
  actor_id: 'uuid',
  actor_role: 'text',
  action: 'text',
  from_status: 'text',
  to_status: 'text',
  reason: 'text',
  details: 'jsonb',
  occurred_at: 'timestamptz',
  score: 'int',
  comment: 'text',
};

/** What runs SQL: an EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Rows (all with the same columns) into `table` in one statement, a parameter per column
 * (INSERT … SELECT FROM unnest), whatever their number; answers what RETURNING gives.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  rows: Record<string, unknown>[],
  returning?: string,
): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]);
  const typeOf = (column: string) => {
    const type = COLUMN_TYPES[column];
    if (!type) throw new Error(`no type for the column ${column}`);
    return type;
  };
  // A list per row does not unnest (arrays of arrays are flattened): it travels as JSON.
  const listed = (column: string) => typeOf(column) === 'text[]';
  const params = columns.map((column) =>
    rows.map((row) => (listed(column) ? JSON.stringify(row[column] ?? []) : (row[column] ?? null))),
  );
  const select = columns.map((column) =>
    listed(column) ? `ARRAY(SELECT jsonb_array_elements_text(r.${column}))` : `r.${column}`,
  );
  const unnest = columns.map((column, i) => `$${i + 1}::${listed(column) ? 'jsonb' : typeOf(column)}[]`);
  return (await db.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${select.join(', ')} FROM unnest(${unnest.join(', ')}) AS r (${columns.join(', ')})
     ${returning ? `RETURNING ${returning}` : ''}`,
    params,
  )) as Record<string, unknown>[];
}
