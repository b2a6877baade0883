import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicationSchema, stepsOf, type ApplicationData, type SessionUser } from '@portal/contracts';
import { HolidaysService } from '@portal/server/catalogue';
import { ValidationFailed } from '@portal/server/platform';
import { DataSource } from 'typeorm';
import { ProcedureNotOnline, UnitNotFound } from '../applications/application.errors';
import { procedureTakingApplications } from '../applications/procedure-open';
import { nextDossierCode } from '../applications/dossier-code';
import { openDossier } from '../applications/open-dossier';
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
    // A stopped procedure says so before any field is checked (and again below, in the transaction).
    await procedureTakingApplications(this.dataSource.manager, procedureCode);
    // The ward is the clerk's own, whatever the form says.
    const withWard = { ...(data as Record<string, unknown>), ward: { unitCode } };
    const parsed = applicationSchema(procedureCode, 'counter').safeParse(withWard, { reportInput: true });
    if (!parsed.success) throw new ValidationFailed(parsed.error);
    const application = parsed.data as ApplicationData;
    // Taken before the transaction, on a connection of its own (see ApplicationsService.submit).
    const [unit] = await this.dataSource.query(`SELECT parent_code FROM administrative_unit WHERE code = $1`, [
      unitCode,
    ]);
    if (!unit) throw new UnitNotFound();
    const code = await nextDossierCode(this.dataSource.manager, unit.parent_code, new Date());
    const holidays = await this.holidays.calendar();
    return this.dataSource.transaction(async (manager) => {
      const procedure = await procedureTakingApplications(manager, procedureCode);
      await openDossier(manager, {
        intake: { channel: 'counter', clerkId: clerk.id },
        code,
        procedure,
        unitCode,
        application,
        holidays,
        requestId,
      });
      return code;
    });
  }
}
