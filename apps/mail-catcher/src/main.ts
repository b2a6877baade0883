/**
 * The mail catcher: stands in for the outside mail system in development and
 * tests. Every message sent to its SMTP port is kept in memory (the last 500, or MAIL_CATCHER_CAPACITY)
 * and shown at its web address; nothing is delivered anywhere.
 */
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { readSettings } from './settings';

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

async function main(): Promise<void> {
  let catcher: MailCatcher;
  try {
    const settings = readSettings(process.env);
    catcher = await startMailCatcher({
      ...settings,
      // Only the id: addresses and subjects are personal data and stay out of logs.
      onMessage: (id) => log(`message ${id} caught`),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason =
      code === 'EADDRINUSE'
        ? `${message} (the port is in use; set MAIL_CATCHER_SMTP_PORT or MAIL_CATCHER_HTTP_PORT)`
        : message;
    process.stderr.write(
      message.startsWith('Configuration error') ? `${message}\n` : `Mail catcher could not start: ${reason}\n`,
    );
    process.exit(1);
  }
  log(`mail catcher listening: SMTP ${catcher.smtpUrl} · web ${catcher.webUrl}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received; stopping`);
    catcher.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
