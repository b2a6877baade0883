import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QueueNames, shortJobWorker } from '@portal/server/platform';
import { UnrecoverableError, type Job } from 'bullmq';
import { SEND_NOTIFICATION_JOB, type SendNotificationJob } from './queue-notification';
import { NotificationsService, type DeliveryOutcome } from './notifications.service';
import { InvalidNotification } from './templates';

/**
 * Sends the notifications queued by queueNotification.
 * Idempotent: a notification already marked sent is skipped, so a job that runs twice sends one e-mail
 * (a crash between the SMTP server's acceptance and the mark can still send it twice: at least once).
 */
@Processor(QueueNames.notifications, { ...shortJobWorker, concurrency: 5 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async process(job: Job<SendNotificationJob>): Promise<{ outcome: DeliveryOutcome }> {
    if (job.name !== SEND_NOTIFICATION_JOB) throw new UnrecoverableError(`unknown notifications job ${job.name}`);
    if (typeof job.data?.notificationId !== 'string') {
      throw new UnrecoverableError('a send-notification job needs a notificationId');
    }
    // attemptsMade counts the tries that already failed; the queue's default options allow `attempts` in all.
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return { outcome: await this.notifications.deliver(job.data.notificationId, lastTry) };
    } catch (error) {
      // Retrying cannot fix an unknown template or bad parameters: fail the job at once.
      if (error instanceof InvalidNotification) throw new UnrecoverableError(error.message);
      throw error; // BullMQ retries with the queue's exponential backoff
    }
  }
}
