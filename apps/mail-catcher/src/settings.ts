import { MAILBOX_CAPACITY } from './mailbox';

/** Where the mail catcher listens by default: loopback only, as it accepts mail from anyone who reaches it. */
export const MAIL_CATCHER_HOST = '127.0.0.1';

export interface MailCatcherSettings {
  /** MAIL_CATCHER_HOST: 0.0.0.0 only inside a container network (docker/compose.yml). */
  host: string;
  smtpPort: number;
  httpPort: number;
  /** MAIL_CATCHER_CAPACITY: how many messages to keep (default 500), e.g. more for a load test. */
  capacity: number;
}

function port(env: Record<string, string | undefined>, key: string, fallback: number): number {
  const value = env[key];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535) {
    throw new Error(`Configuration error: ${key} must be a TCP port number like ${fallback} (got "${value}").`);
  }
  return parsed;
}

function capacity(value: string | undefined): number {
  if (value === undefined || value === '') return MAILBOX_CAPACITY;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000) {
    throw new Error(
      `Configuration error: MAIL_CATCHER_CAPACITY must be a number of messages from 1 to 1000000 (got "${value}").`,
    );
  }
  return Number(value);
}

/** MAIL_CATCHER_SMTP_PORT (default 1025) and MAIL_CATCHER_HTTP_PORT (default 1080); 0 picks a free port. */
export function readSettings(env: Record<string, string | undefined>): MailCatcherSettings {
  return {
    host: env['MAIL_CATCHER_HOST'] || MAIL_CATCHER_HOST,
    smtpPort: port(env, 'MAIL_CATCHER_SMTP_PORT', 1025),
    httpPort: port(env, 'MAIL_CATCHER_HTTP_PORT', 1080),
    capacity: capacity(env['MAIL_CATCHER_CAPACITY']),
  };
}
