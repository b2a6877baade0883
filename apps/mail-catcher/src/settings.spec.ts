import { readSettings } from './settings';

describe('mail catcher settings', () => {
  it('listens on loopback, 1025 (SMTP) and 1080 (web) unless told otherwise', () => {
    expect(readSettings({})).toEqual({ host: '127.0.0.1', smtpPort: 1025, httpPort: 1080 });
    expect(
      readSettings({ MAIL_CATCHER_HOST: '0.0.0.0', MAIL_CATCHER_SMTP_PORT: '2525', MAIL_CATCHER_HTTP_PORT: '0' }),
    ).toEqual({ host: '0.0.0.0', smtpPort: 2525, httpPort: 0 });
  });

  it('names a port that is not a number', () => {
    expect(() => readSettings({ MAIL_CATCHER_HTTP_PORT: 'web' })).toThrow(
      'Configuration error: MAIL_CATCHER_HTTP_PORT must be a TCP port number like 1080 (got "web").',
    );
  });
});
