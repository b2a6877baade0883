import {
  contactOf,
  duplicateKeysOf,
  feeCaseOf,
  quoteFees,
  subjectOf,
  todayInVietnam,
  type ApplicationData,
  type FeeLine,
  type FeeRule,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { QueueNames, writeToOutbox } from '@portal/server/platform';
import { dueAt, timeLimitInWorkingDays, type HolidayCalendar } from '@portal/server/workflow';
import type { EntityManager } from 'typeorm';
import { scheduleSlaTimers } from '../timers/sla-timers';

/** How a dossier comes in: submitted online by a citizen, or recorded at the counter by a clerk (received at once). */
export type Intake = { channel: 'online'; citizenId: string } | { channel: 'counter'; clerkId: string };

export interface NewDossier {
  intake: Intake;
  code: string;
  procedure: { code: string; time_limit_amount: number; time_limit_unit: string; fees: FeeRule[] };
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
): Promise<{
  id: string;
  status: string;
  submittedAt: Date;
  due: Date;
  fee: number;
  feeItems: FeeLine[];
  late: boolean;
}> {
  const { intake, procedure, application } = input;
  const now = new Date();
  // What the procedure's plug-in says of the application: its fee case, who it is about, whom to contact.
  const today = todayInVietnam(now);
  const chargeCase = feeCaseOf(procedure.code, application, today);
  const subject = subjectOf(procedure.code, application);
  const contact = contactOf(procedure.code, application);
  // Priced with the catalogue's fees as they are now, line by line, as the check-your-answers page showed them.
  const quote = quoteFees(procedure.code, application, procedure.fees, today);
  const fee = quote.total;
  const due = dueAt(
    now,
    timeLimitInWorkingDays(procedure.time_limit_amount, procedure.time_limit_unit),
    input.holidays,
  );
  const counter = intake.channel === 'counter';
  // Online, a fee is paid before the ward sees the dossier (at the counter it is paid there and then).
  const status = counter ? 'received' : fee > 0 ? 'awaiting_payment' : 'new';
  const actorId = counter ? intake.clerkId : intake.citizenId;
  const [dossier] = await manager.query(
    `INSERT INTO dossier (code, procedure_code, applicant_id, unit_code, channel, status, data, submitted_at, received_at,
                          due_at, contact_phone, fee_amount, late_registration, assignee_id,
                          subject_name, applicant_name, contact_email, duplicate_keys, fee_items)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [
      input.code,
      procedure.code,
      counter ? null : intake.citizenId,
      input.unitCode,
      intake.channel,
      status,
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
      JSON.stringify(quote.lines),
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
      status,
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
  return {
    id: dossier.id as string,
    status,
    submittedAt: now,
    due,
    fee,
    feeItems: quote.lines,
    late: chargeCase === 'late',
  };
}
