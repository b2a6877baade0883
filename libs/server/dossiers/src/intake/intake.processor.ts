import { BullModule, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { requiredPapersOf } from '@portal/contracts';
import { QueueNames, shortJobWorker } from '@portal/server/platform';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AgencyFanOutProcessor } from '../fan-out/agency-fan-out';
import { SlaTimerProcessor } from '../timers/sla-timers';
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
      const papers = await manager.query(`SELECT DISTINCT paper_code FROM attachment WHERE dossier_id = $1`, [
        dossier.id,
      ]);
      // The same event (birth, death) in another live dossier: the keys the procedure's plug-in gave at submission.
      const duplicates = await manager.query(
        `SELECT code FROM dossier
          WHERE id <> $1 AND status NOT IN ('refused', 'withdrawn', 'stopped') AND duplicate_keys && $2::text[]
          ORDER BY created_at LIMIT 5`,
        [dossier.id, dossier.duplicate_keys],
      );
      const result = intakeResult({
        papersRequired: requiredPapersOf(
          dossier.procedure_code,
          dossier.data,
          dossier.channel === 'counter' ? 'counter' : 'online',
        ),
        papersAttached: papers.map((p: { paper_code: string }) => p.paper_code),
        duplicates: duplicates.map((d: { code: string }) => d.code),
      });
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
