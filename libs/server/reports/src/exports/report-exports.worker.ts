import { BullModule, InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { QueueNames, shortJobWorker } from '@portal/server/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { keepMonthStarts } from '../reports-check';
import { DossierExportRunner } from './dossier-export-runner';
import { EXPORT_JOB } from './dossier-exports.service';

const EXPIRE_JOB = 'expire-exports';
const MONTH_STARTS_JOB = 'keep-month-starts';

/**
 * The `report-exports` queue, in the worker: `export-dossiers` makes an export's file (one at a time per
 * worker, so that a long export leaves the other queues their share of the machine), reporting its progress
 * on the job as well as on the export's row; `expire-exports` deletes the files kept past their time, every
 * hour; `keep-month-starts`, hourly too, keeps the counters of what was open at a new month's start (the reports
 * read the month the former way until then). An export whose last attempt fails is marked failed for its requester.
 */
@Processor(QueueNames.reportExports, { ...shortJobWorker, concurrency: 1 })
export class ReportExportsProcessor extends WorkerHost {
  private readonly logger = new Logger('ReportExports');

  constructor(
    private readonly runner: DossierExportRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async process(job: Job<{ exportId?: string }>): Promise<unknown> {
    if (job.name === EXPIRE_JOB) return { expired: await this.runner.expire() };
    if (job.name === MONTH_STARTS_JOB) return { rows: await keepMonthStarts(this.dataSource) };
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
class ReportSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueNames.reportExports) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPIRE_JOB, { every: 60 * 60 * 1000 }, { name: EXPIRE_JOB });
    await this.queue.upsertJobScheduler(MONTH_STARTS_JOB, { every: 60 * 60 * 1000 }, { name: MONTH_STARTS_JOB });
  }
}

/** The worker's part of the reports: the exports made in the background, the hourly upkeep. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueNames.reportExports })],
  providers: [DossierExportRunner, ReportExportsProcessor, ReportSchedules],
})
export class ReportsWorkerModule {}
