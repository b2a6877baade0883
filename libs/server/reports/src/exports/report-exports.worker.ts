import { BullModule, InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { QueueNames, shortJobWorker } from '@portal/server/platform';
import type { Job, Queue } from 'bullmq';
import { DossierExportRunner } from './dossier-export-runner';
import { EXPORT_JOB } from './dossier-exports.service';

const EXPIRE_JOB = 'expire-exports';

/**
 * The `report-exports` queue, in the worker: `export-dossiers` makes an export's file (one at a time per
 * worker, so that a long export leaves the other queues their share of the machine), reporting its progress
 * on the job as well as on the export's row; `expire-exports` deletes the files kept past their time, every
 * hour. An export whose last attempt fails is marked failed for its requester.
 */
@Processor(QueueNames.reportExports, { ...shortJobWorker, concurrency: 1 })
export class ReportExportsProcessor extends WorkerHost {
  private readonly logger = new Logger('ReportExports');

  constructor(private readonly runner: DossierExportRunner) {
    super();
  }

  async process(job: Job<{ exportId?: string }>): Promise<unknown> {
    if (job.name === EXPIRE_JOB) return { expired: await this.runner.expire() };
    if (job.name !== EXPORT_JOB || !job.data.exportId) throw new Error(`unknown report-exports job ${job.name}`);
    let shown = -1;
    return this.runner.run(job.data.exportId, async ({ written, total }) => {
      const percent = total ? Math.floor((written / total) * 100) : 100;
      if (percent === shown) return;
      shown = percent;
      await job.updateProgress(percent);
    });
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ exportId?: string }> | undefined, error: Error): Promise<void> {
    if (!job?.data.exportId || job.name !== EXPORT_JOB) return;
    this.logger.warn(
      { err: error, exportId: job.data.exportId, attempt: job.attemptsMade },
      'An export attempt failed',
    );
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) await this.runner.giveUp(job.data.exportId, error.message);
  }
}

@Injectable()
class ExportExpirySchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueNames.reportExports) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPIRE_JOB, { every: 60 * 60 * 1000 }, { name: EXPIRE_JOB });
  }
}

/** The worker's part of the reports: the exports made in the background. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueNames.reportExports })],
  providers: [DossierExportRunner, ReportExportsProcessor, ExportExpirySchedule],
})
export class ReportsWorkerModule {}
