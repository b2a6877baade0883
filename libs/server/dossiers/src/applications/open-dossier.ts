import {
  contactOf,
  duplicateKeysOf,
  feeCaseOf,
  subjectOf,
  todayInVietnam,
  type ApplicationData,
  type FeeRule,
} from '@portal/contracts';
import { feeFor } from '@portal/server/catalogue';
import { audit } from '@portal/server/identity';
import { QueueNames, writeToOutbox } from '@portal/server/platform';
import { dueAt, type HolidayCalendar } from '@portal/server/workflow';
import type { EntityManager } from 'typeorm';
import { scheduleSlaTimers } from '../timers/sla-timers';

/** How a dossier comes in: submitted online by a citizen, or recorded at the counter by a clerk (received at once). */
export type Intake = { channel: 'online'; citizenId: string } | { channel: 'counter'; clerkId: string };

export interface NewDossier {
  intake: Intake;
  code: string;
  procedure: { code: string; time_limit_amount: number; fees: FeeRule[] };
  unitCode: string;
  /** The whole application, checked with the procedure's schema (`applicationSchema`). */
  application: ApplicationData;
  holidays: HolidayCalendar;
  requestId?: string;
}

/**
 * Writes a new dossier, whichever way it came in, inside the caller's transaction:
 * the fee case and fee, the due date from the working-day calendar, its first
 * event, the automatic intake check (outbox) and the audit entry; a counter
 * dossier is received on the spot, so its clock and SLA timers start now.
 */
export async function openDossier(
  manager: EntityManager,
  input: NewDossier,
): Promise<{ id: string; submittedAt: Date; due: Date; fee: number; late: boolean }> {
  const { intake, procedure, application } = input;
  const now = new Date();
  // What the procedure's plug-in says of the application: its fee case, who it is about, whom to contact.
  const chargeCase = feeCaseOf(procedure.code, application, todayInVietnam(now));
  const subject = subjectOf(procedure.code, application);
  const contact = contactOf(procedure.code, application);
  const fee = feeFor(procedure.fees, chargeCase);
  const due = dueAt(now, procedure.time_limit_amount, input.holidays);
  const counter = intake.channel === 'counter';
  const actorId = counter ? intake.clerkId : intake.citizenId;
  const [dossier] = await manager.query(
    `INSERT INTO dossier (code, procedure_code, applicant_id, unit_code, channel, status, data, submitted_at, received_at,
                          due_at, contact_phone, fee_amount, late_registration, assignee_id,
                          subject_name, applicant_name, contact_email, duplicate_keys)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      input.code,
      procedure.code,
      counter ? null : intake.citizenId,
      input.unitCode,
      intake.channel,
      counter ? 'received' : 'new',
      JSON.stringify(application),
      now,
      counter ? now : null,
      due,
      contact.phone,
      fee,
      chargeCase === 'late',
      counter ? intake.clerkId : null,
      subject.fullName,
      contact.fullName,
      contact.email ?? null,
      duplicateKeysOf(procedure.code, application),
    ],
  );
  const action = counter ? 'counter-intake' : 'submit';
  await manager.query(
    `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, from_status, to_status, details, request_id)
     VALUES ($1, $2, $3, $4, NULL, $5, $6, $7)`,
    [
      dossier.id,
      actorId,
      counter ? 'clerk' : 'citizen',
      action,
      counter ? 'received' : 'new',
      JSON.stringify({ channel: intake.channel }),
      input.requestId ?? null,
    ],
  );
  // The automatic intake checks run in the worker once this commits.
  await writeToOutbox(manager, [
    { queue: QueueNames.dossierIntake, name: 'intake-check', payload: { dossierId: dossier.id } },
  ]);
  if (counter) await scheduleSlaTimers(manager, { dossierId: dossier.id, clockStart: now, due, pausedSeconds: 0 });
  await audit(manager, {
    actorId,
    action: counter ? 'dossier.counter-intake' : 'dossier.submitted',
    targetType: 'dossier',
    targetId: dossier.id,
    requestId: input.requestId,
  });
  return { id: dossier.id as string, submittedAt: now, due, fee, late: chargeCase === 'late' };
}
