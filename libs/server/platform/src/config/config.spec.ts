import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('falls back to the local PostgreSQL and Redis when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/portal');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
  });

  it('names a malformed DATABASE_URL and shows what it should look like', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/portal' })).toThrow(
      new ConfigError(
        'Configuration error: DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database (got "mysql://localhost/portal").',
      ),
    );
  });

  it('never echoes a password from a bad URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).toThrow(/got "http:\/\/user:\*\*\*@host"/);
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Configuration error: PORT must be a TCP port number/);
  });
});
