import { BullModule, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { QueueNames, shortJobWorker } from '@portal/server/platform';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AgencyFanOutProcessor } from '../fan-out/agency-fan-out';
import { SlaTimerProcessor } from '../timers/sla-timers';
import { intakeChecksOf } from './checks/registry';
import type { IntakeDossier, IntakeFindings } from './checks/intake-check';
import { intakeResult, type IntakeResult } from './intake-checks';

export const INTAKE_CHECK_JOB = 'intake-check';

/**
 * Runs the automatic intake checks of a submitted dossier and records the
 * result in its history for the clerk (it decides nothing by itself).
 * Idempotent: a dossier that already has an intake-check event is skipped, and
 * the check and its event are written under a lock on the dossier row.
 */
@Processor(QueueNames.dossierIntake, shortJobWorker)
export class IntakeProcessor extends WorkerHost {
  private readonly logger = new Logger('Intake');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job<{ dossierId: string }>): Promise<IntakeResult | { skipped: true }> {
    if (job.name !== INTAKE_CHECK_JOB) throw new Error(`unknown intake job ${job.name}`);
    return this.dataSource.transaction(async (manager) => {
      const [dossier] = await manager.query(
        `SELECT id, code, procedure_code, unit_code, channel, data, duplicate_keys FROM dossier WHERE id = $1 FOR UPDATE`,
        [job.data.dossierId],
      );
      if (!dossier) return { skipped: true as const };
      const [done] = await manager.query(
        `SELECT 1 FROM dossier_event WHERE dossier_id = $1 AND action = 'intake-check'`,
        [dossier.id],
      );
      if (done) return { skipped: true as const };
      // The procedure names its checks (papers, duplicates…); each adds what it found.
      const findings: IntakeFindings = { papersRequired: [], papersAttached: [], duplicates: [] };
      for (const check of intakeChecksOf(dossier.procedure_code))
        Object.assign(findings, await check.run(manager, dossier as IntakeDossier));
      const result = intakeResult(findings);
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_role, action, details) VALUES ($1, 'system', 'intake-check', $2)`,
        [dossier.id, JSON.stringify(result)],
      );
      if (result.duplicateOf.length) this.logger.warn({ dossier: dossier.code }, 'possible duplicate registration');
      return result;
    });
  }
}

/** What the worker needs from the dossiers domain: its processors. */
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueNames.dossierIntake },
      { name: QueueNames.slaTimers },
      { name: QueueNames.agencyFanOut },
    ),
    TypeOrmModule,
  ],
  providers: [IntakeProcessor, SlaTimerProcessor, AgencyFanOutProcessor],
})
export class DossiersWorkerModule {}
