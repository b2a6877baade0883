import { readSettings } from './settings';

describe('mail catcher settings', () => {
  it('listens on loopback, 1025 (SMTP) and 1080 (web) unless told otherwise', () => {
    expect(readSettings({})).toEqual({ host: '127.0.0.1', smtpPort: 1025, httpPort: 1080, capacity: 500 });
    expect(
      readSettings({ MAIL_CATCHER_HOST: '0.0.0.0', MAIL_CATCHER_SMTP_PORT: '2525', MAIL_CATCHER_HTTP_PORT: '0' }),
    ).toEqual({ host: '0.0.0.0', smtpPort: 2525, httpPort: 0, capacity: 500 });
  });

  it('names a port that is not a number', () => {
    expect(() => readSettings({ MAIL_CATCHER_HTTP_PORT: 'web' })).toThrow(
      'Configuration error: MAIL_CATCHER_HTTP_PORT must be a TCP port number like 1080 (got "web").',
    );
  });

  it('keeps as many messages as MAIL_CATCHER_CAPACITY says, and names a bad one', () => {
    expect(readSettings({ MAIL_CATCHER_CAPACITY: '10000' }).capacity).toBe(10_000);
    expect(() => readSettings({ MAIL_CATCHER_CAPACITY: '0' })).toThrow(
      'Configuration error: MAIL_CATCHER_CAPACITY must be a number of messages from 1 to 1000000 (got "0").',
    );
  });
});
