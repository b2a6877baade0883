import { startHttpServer } from './http';
import { Mailbox, MAILBOX_CAPACITY } from './mailbox';
import { startSmtpServer } from './smtp';

export interface MailCatcherOptions {
  host: string;
  /** 0 picks a free port. */
  smtpPort: number;
  /** 0 picks a free port. */
  httpPort: number;
  capacity?: number;
  onMessage?: (id: string) => void;
}

export interface MailCatcher {
  mailbox: Mailbox;
  smtpPort: number;
  httpPort: number;
  /** The web address, e.g. http://127.0.0.1:1080/ */
  webUrl: string;
  /** The SMTP address senders use, e.g. smtp://127.0.0.1:1025 */
  smtpUrl: string;
  stop(): Promise<void>;
}

/** Starts the SMTP server and the web pages over one in-memory mailbox. */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const mailbox = new Mailbox(options.capacity ?? MAILBOX_CAPACITY);
  const smtp = await startSmtpServer(mailbox, {
    host: options.host,
    port: options.smtpPort,
    onMessage: options.onMessage,
  });
  const http = await startHttpServer(mailbox, { host: options.host, port: options.httpPort }).catch(
    async (error: unknown) => {
      await smtp.close();
      throw error;
    },
  );
  return {
    mailbox,
    smtpPort: smtp.port,
    httpPort: http.port,
    webUrl: `http://${options.host}:${http.port}/`,
    smtpUrl: `smtp://${options.host}:${smtp.port}`,
    stop: async () => {
      await Promise.all([smtp.close(), http.close()]);
    },
  };
}
