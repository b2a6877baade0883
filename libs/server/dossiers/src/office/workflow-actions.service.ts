import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser, WorkflowAction, WorkflowStep } from '@portal/contracts';
import { HolidaysService } from '@portal/server/catalogue';
import { RoleRequired } from '@portal/server/identity';
import { APP_CONFIG, QueueNames, writeToOutbox, type AppConfig } from '@portal/server/platform';
import { decide, dueAt, timeLimitInWorkingDays, type ActorRole } from '@portal/server/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { DossierNotFound } from '../applications/application.errors';
import { linkAttachmentsToDossier } from '../attachments';
import { queueAgencyFanOut } from '../fan-out/agency-fan-out';
import { tellApplicant } from '../tell-applicant';
import { scheduleSlaTimers } from '../timers/sla-timers';
import { ActionNotAllowed, DossierChanged, ReasonRequired } from './office.errors';

/** Whose dossiers an actor may act on: a ward's (clerks, leaders) or their own (citizens). */
export type Scope = { unitCode: string } | { applicantId: string };

export interface ActionInput {
  version: number;
  reason?: string;
  papers?: string[];
  /** The citizen's new uploads sent with a resubmission. */
  attachmentIds?: string[];
  requestId?: string;
}

interface DossierRow {
  id: string;
  status: string;
  step: WorkflowStep | null;
  proposal: 'approve' | 'refuse' | null;
  version: number;
  workflow: string;
  time_limit_amount: number;
  time_limit_unit: string;
  paused_at: Date | null;
  paused_seconds: number;
  received_at: Date | null;
  due_at: Date | null;
}

/** The statuses a citizen is told about by e-mail (transitions marked `tellCitizen`). */
type CitizenNews = 'received' | 'refused' | 'supplement_requested' | 'processed' | 'stopped';

/**
 * The roles a person acts in on this route: a ward's staff on the back office's
 * (never as a citizen, even with a citizen account too), a citizen on their own dossiers'.
 */
export function actorRoles(user: SessionUser, scope: Scope): ActorRole[] {
  const acting: ActorRole[] = 'unitCode' in scope ? ['clerk', 'leader'] : ['citizen'];
  return acting.filter((role) => (user.roles as string[]).includes(role));
}

/**
 * Applies a workflow action to a dossier: the state table decides, then the new
 * state, its event and (later) its outbox messages commit together. Optimistic
 * locking: the caller says which version it acted on; a stale version is 409.
 */
@Injectable()
export class WorkflowActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly holidays: HolidaysService,
  ) {}

  async act(
    user: SessionUser,
    scope: Scope,
    code: string,
    action: WorkflowAction,
    input: ActionInput,
  ): Promise<string> {
    // Read before the transaction: a calendar load must not wait for a pool connection while a row is locked.
    const holidays = await this.holidays.calendar();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockDossier(manager, scope, code);
      if (row.version !== input.version) throw new DossierChanged();
      const roles = actorRoles(user, scope);
      const decision = decide(
        row.workflow,
        { status: row.status, step: row.step },
        row.proposal,
        action,
        roles,
        input.reason,
      );
      if (!decision.ok) {
        if (decision.reason === 'role_not_allowed') throw new RoleRequired();
        if (decision.reason === 'reason_required') throw new ReasonRequired();
        throw new ActionNotAllowed(action, row.status);
      }
      const t = decision.transition;
      const role = t.roles.find((r) => roles.includes(r)) ?? roles[0];
      const now = new Date();
      // Time spent waiting for the citizen does not count against the limit: it moves the due date.
      const pausedMs = t.clock === 'resume' && row.paused_at ? now.getTime() - new Date(row.paused_at).getTime() : 0;
      let due = row.due_at ? new Date(new Date(row.due_at).getTime() + pausedMs) : null;
      if (t.clock === 'start')
        due = dueAt(now, timeLimitInWorkingDays(row.time_limit_amount, row.time_limit_unit), holidays);
      await manager.query(
        `UPDATE dossier SET
            status = $2, step = $3,
            proposal = $4,
            assignee_id = CASE WHEN $5 THEN $6::uuid ELSE assignee_id END,
            received_at = CASE WHEN $7 THEN $8 ELSE received_at END,
            due_at = $9,
            paused_at = CASE WHEN $10 = 'stop' THEN $8 WHEN $10 = 'resume' THEN NULL ELSE paused_at END,
            paused_seconds = paused_seconds + $11,
            finished_at = CASE WHEN $12 THEN $8 ELSE finished_at END,
            version = version + 1, updated_at = $8
          WHERE id = $1`,
        [
          row.id,
          t.to.status,
          t.to.step,
          t.proposal ?? (t.to.step ? row.proposal : null),
          !!t.assign,
          user.id,
          t.clock === 'start',
          now,
          due,
          t.clock ?? null,
          Math.round(pausedMs / 1000),
          !!t.final,
        ],
      );
      const details: Record<string, unknown> = {};
      if (input.papers?.length) details['papers'] = input.papers;
      if (t.proposal) details['proposal'] = t.proposal;
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, from_status, to_status, reason, details, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.id,
          user.id,
          role,
          action,
          row.status,
          t.to.status,
          input.reason ?? null,
          Object.keys(details).length ? JSON.stringify(details) : null,
          input.requestId ?? null,
        ],
      );
      // The clock starts when the dossier is received and moves when it resumes: set its timers.
      if (due && (t.clock === 'start' || t.clock === 'resume')) {
        const started = t.clock === 'start';
        await scheduleSlaTimers(manager, {
          dossierId: row.id,
          clockStart: started ? now : new Date(row.received_at ?? now),
          due,
          pausedSeconds: started ? 0 : row.paused_seconds + Math.round(pausedMs / 1000),
        });
      }
      // The linked procedure goes on to the residence and health-insurance agencies once the birth is registered.
      if (t.handOff === 'partner-agencies') await queueAgencyFanOut(manager, row.id);
      // The signed result (the extract) is made in the worker, once this commits.
      if (t.issuesResult)
        await writeToOutbox(manager, [
          { queue: QueueNames.documents, name: 'issue-result', payload: { dossierId: row.id } },
        ]);
      if (t.tellCitizen)
        await tellApplicant(manager, row.id, this.config.PUBLIC_URL, {
          change: t.to.status as CitizenNews,
          reason: input.reason,
        });
      if (t.acceptsPapers && input.attachmentIds?.length) {
        await linkAttachmentsToDossier(manager, {
          ownerId: user.id,
          dossierId: row.id,
          attachmentIds: input.attachmentIds,
        });
      }
      return row.id;
    });
  }

  private async lockDossier(manager: EntityManager, scope: Scope, code: string): Promise<DossierRow> {
    const [column, value] = 'unitCode' in scope ? ['unit_code', scope.unitCode] : ['applicant_id', scope.applicantId];
    const [row] = (await manager.query(
      `SELECT d.id, d.status, d.step, d.proposal, d.version, p.workflow, p.time_limit_amount, p.time_limit_unit, d.paused_at, d.due_at,
              d.paused_seconds, d.received_at
         FROM dossier d JOIN procedure p ON p.code = d.procedure_code
        WHERE d.code = $1 AND d.${column} = $2
        FOR UPDATE OF d`,
      [code.slice(0, 32), value],
    )) as DossierRow[];
    if (!row) throw new DossierNotFound();
    return row;
  }
}
