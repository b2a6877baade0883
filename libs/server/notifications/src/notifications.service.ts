import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { InvalidNotification, renderNotification, type RenderedMessage } from './templates';

export type DeliveryOutcome = 'sent' | 'already-sent';

/** The longest error text kept on a notification. */
const MAX_ERROR_LENGTH = 2000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Sends stored notifications and records how each try went. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Sends one notification. A failed try counts an attempt, keeps the error and
   * rethrows; on the last try (`lastTry`) the notification is also marked failed.
   * Throws InvalidNotification when no try could ever succeed.
   */
  async deliver(notificationId: string, lastTry: boolean): Promise<DeliveryOutcome> {
    const notification = await this.notifications.findOneBy({ id: notificationId });
    if (!notification) throw new InvalidNotification(`notification ${notificationId} does not exist`);
    if (notification.status === 'sent') return 'already-sent';

    let message: RenderedMessage;
    try {
      if (notification.channel !== 'email') {
        throw new InvalidNotification(`channel ${notification.channel} cannot be sent yet`);
      }
      message = renderNotification(notification.template, notification.language, notification.params);
    } catch (error) {
      await this.recordFailure(notification.id, error, true);
      this.logger.error(
        { notificationId, template: notification.template },
        'notification can never be sent as stored; marked failed',
      );
      throw error;
    }

    try {
      const attachments = (await this.notifications.query(
        `SELECT file_name, content_type, content FROM notification_attachment
          WHERE notification_id = $1 ORDER BY position`,
        [notification.id],
      )) as { file_name: string; content_type: string; content: Buffer }[];
      await this.mailer.send(
        notification.id,
        notification.recipient,
        notification.language,
        message,
        attachments.map((a) => ({ fileName: a.file_name, contentType: a.content_type, content: a.content })),
      );
    } catch (error) {
      await this.recordFailure(notification.id, error, lastTry);
      // The code only: SMTP replies may quote the recipient's address.
      this.logger.warn(
        { notificationId, code: (error as { code?: string }).code, lastTry },
        lastTry ? 'notification could not be sent; giving up' : 'notification not sent yet; it will be retried',
      );
      throw error;
    }

    await this.notifications
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'sent', sentAt: () => 'now()', attempts: () => 'attempts + 1' })
      .where('id = :id', { id: notification.id })
      .execute();
    this.logger.log({ notificationId, template: notification.template }, 'notification sent');
    return 'sent';
  }

  private async recordFailure(id: string, error: unknown, final: boolean): Promise<void> {
    await this.notifications
      .createQueryBuilder()
      .update(Notification)
      .set({
        attempts: () => 'attempts + 1',
        lastError: describeError(error),
        ...(final ? { status: 'failed' as const } : {}),
      })
      .where('id = :id', { id })
      .execute();
  }
}
