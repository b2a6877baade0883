import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, QueueNames, shortJobWorker, type AppConfig } from '@portal/server/platform';
import type { Job, Queue } from 'bullmq';
import { PaymentsService } from './payments.service';

/**
 * The payments sweep, in the worker: repeated every PAYMENT_RECONCILE_EVERY_SECONDS
 * (a job scheduler, so one run at a time however many workers). Each run is
 * idempotent: it settles what the gateway has settled, expires what ran out,
 * refunds what must be refunded (once), reminds and withdraws unpaid dossiers.
 */
@Processor(QueueNames.payments, shortJobWorker)
export class PaymentsSweepProcessor extends WorkerHost {
  private readonly logger = new Logger('PaymentsSweep');

  constructor(private readonly payments: PaymentsService) {
    super();
  }

  async process(job: Job): Promise<Record<string, number>> {
    if (job.name !== 'sweep') throw new Error(`unknown payments job ${job.name}`);
    const result = await this.payments.sweep();
    if (Object.values(result).some((n) => n > 0)) this.logger.log(result, 'payments sweep');
    return result;
  }
}

@Injectable()
class PaymentsSweepSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueNames.payments) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'payments-sweep',
      { every: this.config.PAYMENT_RECONCILE_EVERY_SECONDS * 1000 },
      { name: 'sweep' },
    );
  }
}

/** The worker's part of payments. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueNames.payments })],
  providers: [PaymentsService, PaymentsSweepProcessor, PaymentsSweepSchedule],
})
export class PaymentsWorkerModule {}
