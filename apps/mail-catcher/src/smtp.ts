import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import type { Mailbox, NewMessage } from './mailbox';

/** Larger messages are refused with 552; development mail is small. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/** The decoded message as the mailbox keeps it. */
export function toNewMessage(parsed: ParsedMail, envelope: SMTPServerEnvelope, receivedAt: Date): NewMessage {
  const from = addressText(parsed.from) || (envelope.mailFrom ? envelope.mailFrom.address : '');
  const headers: Array<{ name: string; value: string }> = [
    { name: 'From', value: from },
    { name: 'To', value: addressText(parsed.to) },
    { name: 'Cc', value: addressText(parsed.cc) },
    { name: 'Reply-To', value: addressText(parsed.replyTo) },
    { name: 'Date', value: parsed.date ? parsed.date.toISOString() : '' },
    { name: 'Subject', value: parsed.subject ?? '' },
    { name: 'Message-ID', value: parsed.messageId ?? '' },
  ].filter((header) => header.value !== '');
  return {
    from,
    to: envelope.rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? '',
    date: receivedAt.toISOString(),
    text: parsed.text ?? '',
    html: parsed.html === false ? null : parsed.html,
    messageId: parsed.messageId ?? null,
    headers,
    rawHeaders: parsed.headerLines.map((header) => header.line),
    attachments: parsed.attachments.map((file) => ({
      fileName: file.filename ?? null,
      contentType: file.contentType,
      size: file.size,
      sha256: createHash('sha256').update(file.content).digest('hex'),
    })),
  };
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server that accepts every message (no authentication, no TLS),
 * decodes it with mailparser and puts it in the mailbox.
 */
export async function startSmtpServer(
  mailbox: Mailbox,
  options: { host: string; port: number; onMessage?: (id: string) => void },
): Promise<RunningServer> {
  const server = new SMTPServer({
    name: 'mail-catcher.local',
    banner: 'mail catcher for development: every message is kept, none is delivered',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream, { skipTextToHtml: true })
        .then((parsed) => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            const error = Object.assign(new Error('Message exceeds the fixed maximum message size'), {
              responseCode: 552,
            });
            return callback(error);
          }
          const caught = mailbox.add(toNewMessage(parsed, session.envelope, new Date()));
          options.onMessage?.(caught.id);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // Errors of single connections are answered to the client; nothing to crash for.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
