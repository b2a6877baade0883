import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Language } from '@portal/contracts';
import { APP_CONFIG, type AppConfig } from '@portal/server/platform';
import { createTransport, type Transporter } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { RenderedMessage } from './templates';

/** Sends e-mail through the SMTP server of SMTP_URL, from MAIL_FROM. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = createTransport(
      new SMTPTransport({
        url: config.SMTP_URL,
        // A mail server that does not answer fails the attempt quickly; BullMQ retries later.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
      { from: config.MAIL_FROM },
    );
  }

  async send(to: string, language: Language, message: RenderedMessage): Promise<void> {
    await this.transport.sendMail({
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'Content-Language': language },
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
