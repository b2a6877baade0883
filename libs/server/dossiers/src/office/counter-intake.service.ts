import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicationSchema, feeCase, stepsOf, todayInVietnam, type FeeRule, type SessionUser } from '@portal/contracts';
import { feeFor, HolidaysService } from '@portal/server/catalogue';
import { QueueNames, ValidationFailed, writeToOutbox } from '@portal/server/platform';
import { dueAt } from '@portal/server/workflow';
import { DataSource } from 'typeorm';
import { ProcedureNotOnline } from '../applications/application.errors';
import { nextDossierCode } from '../applications/dossier-code';
import { scheduleSlaTimers } from '../timers/sla-timers';
import { staffUnit } from './office.service';

/**
 * Counter intake: a clerk records a walk-in citizen's paper application. It is
 * received on the spot, in the clerk's own ward, with the same checks as online.
 */
@Injectable()
export class CounterIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holidays: HolidaysService,
  ) {}

  async record(clerk: SessionUser, procedureCode: string, data: unknown, requestId?: string): Promise<string> {
    const unitCode = staffUnit(clerk);
    if (!stepsOf(procedureCode)) throw new ProcedureNotOnline(procedureCode);
    // The ward is the clerk's own, whatever the form says.
    const withWard = { ...(data as Record<string, unknown>), ward: { unitCode } };
    const parsed = applicationSchema(procedureCode, 'counter').safeParse(withWard, { reportInput: true });
    if (!parsed.success) throw new ValidationFailed(parsed.error);
    const application = parsed.data as { child: { dateOfBirth: string }; informant: { phone: string } };
    // Taken before the transaction, on a connection of its own (see ApplicationsService.submit).
    const [unit] = await this.dataSource.query(`SELECT parent_code FROM administrative_unit WHERE code = $1`, [
      unitCode,
    ]);
    const code = await nextDossierCode(this.dataSource.manager, unit.parent_code, new Date());
    const holidays = await this.holidays.calendar();
    return this.dataSource.transaction(async (manager) => {
      const [procedure] = await manager.query(
        `SELECT time_limit_amount, fees FROM procedure WHERE code = $1 AND active`,
        [procedureCode],
      );
      if (!procedure) throw new ProcedureNotOnline(procedureCode);
      const now = new Date();
      const chargeCase = feeCase(procedureCode, application.child.dateOfBirth, todayInVietnam(now));
      const late = chargeCase === 'late';
      const fee = feeFor(procedure.fees as FeeRule[], chargeCase);
      const due = dueAt(now, procedure.time_limit_amount, holidays);
      const [dossier] = await manager.query(
        `INSERT INTO dossier (code, procedure_code, applicant_id, unit_code, channel, status, data, submitted_at, received_at,
                              due_at, contact_phone, fee_amount, late_registration, assignee_id)
         VALUES ($1, $2, NULL, $3, 'counter', 'received', $4, $5, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          code,
          procedureCode,
          unitCode,
          JSON.stringify(application),
          now,
          due,
          application.informant.phone,
          fee,
          late,
          clerk.id,
        ],
      );
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, from_status, to_status, details, request_id)
         VALUES ($1, $2, 'clerk', 'counter-intake', NULL, 'received', $3, $4)`,
        [dossier.id, clerk.id, JSON.stringify({ channel: 'counter' }), requestId ?? null],
      );
      await writeToOutbox(manager, [
        { queue: QueueNames.dossierIntake, name: 'intake-check', payload: { dossierId: dossier.id } },
      ]);
      await scheduleSlaTimers(manager, { dossierId: dossier.id, from: now, due });
      return code;
    });
  }
}
