import type { Language } from '@portal/contracts';
import { QueueNames, writeToOutbox } from '@portal/server/platform';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { InvalidNotification, parseTemplateParams, type TemplateName, type TemplateParams } from './templates';

/** The BullMQ job that sends one notification; its data is `{ notificationId }`. */
export const SEND_NOTIFICATION_JOB = 'send-notification';

export type SendNotificationJob = { notificationId: string };

export interface NotificationRequest<T extends TemplateName> {
  channel: 'email';
  template: T;
  language: Language;
  recipient: string;
  params: TemplateParams<T>;
  /** The dossier the message is about, when there is one. */
  dossierId?: string;
}

const emailAddress = z.email();

/**
 * Records a notification and its send job inside the caller's transaction, so the
 * message goes out only if the change it tells about commits. Returns its id.
 * Bad input (unknown channel, bad address, bad parameters) throws InvalidNotification
 * before anything is written.
 */
export async function queueNotification<T extends TemplateName>(
  manager: EntityManager,
  request: NotificationRequest<T>,
): Promise<string> {
  // Checked here too: a row written outside a transaction would be sent even if the change failed.
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('queueNotification must run inside the transaction of the change it tells about');
  }
  if (request.channel !== 'email') {
    throw new InvalidNotification(`channel ${String(request.channel)} cannot be sent yet`);
  }
  if (!emailAddress.safeParse(request.recipient).success) {
    throw new InvalidNotification('the recipient is not an e-mail address');
  }
  const params = parseTemplateParams(request.template, request.params);
  const [row] = await manager.query(
    `INSERT INTO notification (channel, template, language, recipient, params, dossier_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      request.channel,
      request.template,
      request.language,
      request.recipient,
      JSON.stringify(params),
      request.dossierId ?? null,
    ],
  );
  const payload: SendNotificationJob = { notificationId: row.id };
  await writeToOutbox(manager, [{ queue: QueueNames.notifications, name: SEND_NOTIFICATION_JOB, payload }]);
  return row.id as string;
}
