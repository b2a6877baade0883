import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueNames } from '../queues/queues';

/** Published outbox rows are kept this long for investigation, then deleted. */
export const OUTBOX_RETENTION_DAYS = 7;

/**
 * Routine upkeep of the platform's own tables.
 * Idempotent: each job deletes rows past a cut-off, so running it twice deletes nothing more.
 */
@Processor(QueueNames.housekeeping)
export class HousekeepingProcessor extends WorkerHost {
  private readonly logger = new Logger('Housekeeping');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job): Promise<{ deleted: number }> {
    switch (job.name) {
      case 'outbox-cleanup': {
        const [, deleted] = await this.dataSource.query(
          `DELETE FROM outbox_message WHERE published_at < now() - make_interval(days => $1)`,
          [OUTBOX_RETENTION_DAYS],
        );
        this.logger.log({ deleted }, 'old outbox rows deleted');
        return { deleted: Number(deleted) || 0 };
      }
      default:
        throw new Error(`unknown housekeeping job ${job.name}`);
    }
  }
}

@Injectable()
class HousekeepingSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueNames.housekeeping) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    // Upserting a scheduler is idempotent: every worker replica may do it.
    await this.queue.upsertJobScheduler('outbox-cleanup', { every: 60 * 60 * 1000 }, { name: 'outbox-cleanup' });
  }
}

@Module({
  imports: [BullModule.registerQueue({ name: QueueNames.housekeeping })],
  providers: [HousekeepingProcessor, HousekeepingSchedule],
})
export class HousekeepingModule {}
