import { join } from 'node:path';
import { readSettings } from './settings';

const TOKEN = 'a-token-of-24-characters';

describe('population registry settings', () => {
  it('listens on loopback port 4600 with its data under .data unless told otherwise', () => {
    expect(readSettings({ POPULATION_REGISTRY_TOKEN: TOKEN }, '/srv/portal')).toEqual({
      host: '127.0.0.1',
      port: 4600,
      token: TOKEN,
      dataDir: join('/srv/portal', '.data', 'population-registry'),
    });
  });

  it('reads every variable', () => {
    expect(
      readSettings({
        POPULATION_REGISTRY_HOST: '0.0.0.0',
        POPULATION_REGISTRY_PORT: '0',
        POPULATION_REGISTRY_TOKEN: TOKEN,
        POPULATION_REGISTRY_DATA_DIR: '/tmp/registry',
        POPULATION_REGISTRY_CONTROL_TOKEN: 'control',
        POPULATION_REGISTRY_FAULT: '{"mode":"fail","times":2}',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      token: TOKEN,
      dataDir: '/tmp/registry',
      controlToken: 'control',
      fault: { mode: 'fail', times: 2 },
    });
  });

  it('requires a token of at least 16 characters, without repeating it', () => {
    expect(() => readSettings({})).toThrow(
      'Configuration error: POPULATION_REGISTRY_TOKEN must be a secret of at least 16 characters (got nothing).',
    );
    let message = '';
    try {
      readSettings({ POPULATION_REGISTRY_TOKEN: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Configuration error: POPULATION_REGISTRY_TOKEN must be a secret of at least 16 characters (got 12 characters).',
    );
  });

  it('names a bad port', () => {
    expect(() => readSettings({ POPULATION_REGISTRY_TOKEN: TOKEN, POPULATION_REGISTRY_PORT: 'web' })).toThrow(
      'Configuration error: POPULATION_REGISTRY_PORT must be a TCP port number like 4600 (got "web").',
    );
    expect(() => readSettings({ POPULATION_REGISTRY_TOKEN: TOKEN, POPULATION_REGISTRY_PORT: '70000' })).toThrow(
      'POPULATION_REGISTRY_PORT must be a TCP port number',
    );
  });

  it('takes a fault as JSON or in short', () => {
    const faultOf = (value: string) =>
      readSettings({ POPULATION_REGISTRY_TOKEN: TOKEN, POPULATION_REGISTRY_FAULT: value }).fault;
    expect(faultOf('down')).toEqual({ mode: 'down' });
    expect(faultOf('fail')).toEqual({ mode: 'fail', times: 1 });
    expect(faultOf('fail:3')).toEqual({ mode: 'fail', times: 3 });
    expect(faultOf('slow:500')).toEqual({ mode: 'slow', delayMs: 500 });
    expect(faultOf('{"mode":"slow","delayMs":20}')).toEqual({ mode: 'slow', delayMs: 20 });
    expect(() => faultOf('broken')).toThrow('Configuration error: POPULATION_REGISTRY_FAULT must be a fault like');
    expect(() => faultOf('slow')).toThrow(
      'Configuration error: POPULATION_REGISTRY_FAULT: delayMs must be a whole number of milliseconds',
    );
    expect(() => faultOf('{"mode":"off"}')).toThrow('mode must be one of fail, down, slow');
  });
});
