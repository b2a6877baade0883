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
  /** Files sent with it (a signed receipt), kept with the notification so that a resend sends the same bytes. */
  attachments?: NotificationAttachment[];
}

export interface NotificationAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Attachments beyond this size are refused: an e-mail must still reach an ordinary mailbox. */
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

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
  for (const [position, file] of (request.attachments ?? []).entries()) {
    if (file.content.length > MAX_ATTACHMENT_BYTES) throw new InvalidNotification('an attachment is over 5 MB');
    await manager.query(
      `INSERT INTO notification_attachment (notification_id, position, file_name, content_type, content)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.id, position, file.fileName.slice(0, 120), file.contentType.slice(0, 100), file.content],
    );
  }
  const payload: SendNotificationJob = { notificationId: row.id };
  await writeToOutbox(manager, [{ queue: QueueNames.notifications, name: SEND_NOTIFICATION_JOB, payload }]);
  return row.id as string;
}
