import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Language } from '@portal/contracts';
import { APP_CONFIG, type AppConfig } from '@portal/server/platform';
import { createTransport, type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import type { NotificationAttachment } from './queue-notification';
import type { RenderedMessage } from './templates';

/** Sends e-mail through the SMTP server of SMTP_URL, from MAIL_FROM. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;
  /** The sender's domain, for Message-IDs. */
  private readonly domain: string;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'localhost';
    this.transport = createTransport({
      pool: true,
      url: config.SMTP_URL,
      // Connections are kept open and reused (as many as the worker sends at once), not one per message.
      maxConnections: 5,
      maxMessages: 1000,
      // A mail server that does not answer fails the attempt quickly; BullMQ retries later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.from = config.MAIL_FROM;
  }

  /**
   * `id` names the message for good: a resend after a crash carries the same
   * Message-ID, so the recipient's mail system can tell it is the same e-mail.
   */
  async send(
    id: string,
    to: string,
    language: Language,
    message: RenderedMessage,
    attachments: readonly NotificationAttachment[] = [],
  ): Promise<void> {
    await this.transport.sendMail({
      messageId: `<${id}@${this.domain}>`,
      from: this.from,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'Content-Language': language },
      attachments: attachments.map((file) => ({
        filename: file.fileName,
        contentType: file.contentType,
        content: file.content,
      })),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
