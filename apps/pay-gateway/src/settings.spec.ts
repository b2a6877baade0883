import { join } from 'node:path';
import { readSettings } from './settings';

const merchant = {
  tmnCode: 'DVCPORT1',
  secret: 'a-long-secret',
  ipnUrl: 'http://127.0.0.1:3000/api/payments/vnpay/ipn',
  name: 'Cổng Dịch vụ công',
};

describe('pay gateway settings', () => {
  it('listens on loopback port 4500 and keeps VNPAY’s IPN schedule unless told otherwise', () => {
    expect(readSettings({}, '/srv/portal')).toEqual({
      host: '127.0.0.1',
      port: 4500,
      dataDir: join('/srv/portal', '.data', 'pay-gateway'),
      merchants: [],
      ipnAttempts: 10,
      ipnIntervalMs: 300_000,
      ipnTimeoutMs: 10_000,
      ipnLateMs: 60_000,
      refundSettleMs: 60_000,
    });
  });

  it('reads every variable', () => {
    expect(
      readSettings({
        PAY_GATEWAY_HOST: '0.0.0.0',
        PAY_GATEWAY_PORT: '0',
        PAY_GATEWAY_DATA_DIR: '/tmp/gw',
        PAY_GATEWAY_MERCHANTS: JSON.stringify([{ ...merchant, fault: 'late' }]),
        PAY_GATEWAY_IPN_ATTEMPTS: '3',
        PAY_GATEWAY_IPN_INTERVAL_MS: '200',
        PAY_GATEWAY_IPN_TIMEOUT_MS: '500',
        PAY_GATEWAY_IPN_LATE_MS: '1000',
        PAY_GATEWAY_REFUND_SETTLE_MS: '0',
        PAY_GATEWAY_CONTROL_TOKEN: 'tok',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/tmp/gw',
      merchants: [{ ...merchant, fault: 'late' }],
      ipnAttempts: 3,
      ipnIntervalMs: 200,
      ipnTimeoutMs: 500,
      ipnLateMs: 1000,
      refundSettleMs: 0,
      controlToken: 'tok',
    });
  });

  it('names a bad number', () => {
    expect(() => readSettings({ PAY_GATEWAY_PORT: 'web' })).toThrow(
      'Configuration error: PAY_GATEWAY_PORT must be a TCP port number like 4500 (got "web").',
    );
    expect(() => readSettings({ PAY_GATEWAY_IPN_ATTEMPTS: '0' })).toThrow(
      'Configuration error: PAY_GATEWAY_IPN_ATTEMPTS must be a number of calls from 1 to 100 (got "0").',
    );
  });

  it('says what is wrong with a merchant', () => {
    const bad = (entry: object) => () => readSettings({ PAY_GATEWAY_MERCHANTS: JSON.stringify([entry]) });
    expect(() => readSettings({ PAY_GATEWAY_MERCHANTS: '{' })).toThrow(/PAY_GATEWAY_MERCHANTS must be a JSON array/);
    expect(bad({ ...merchant, tmnCode: 'SHORT' })).toThrow('tmnCode must be 8 letters or digits (got "SHORT")');
    expect(bad({ ...merchant, secret: 'x' })).toThrow('the secret of DVCPORT1 must be a string of at least 8');
    expect(bad({ ...merchant, ipnUrl: 'ftp://x' })).toThrow('the ipnUrl of DVCPORT1 must be an http(s) URL');
    expect(bad({ ...merchant, fault: 'broken' })).toThrow('the fault of DVCPORT1 must be one of duplicate, late');
    expect(() => readSettings({ PAY_GATEWAY_MERCHANTS: JSON.stringify([merchant, merchant]) })).toThrow(
      'PAY_GATEWAY_MERCHANTS names DVCPORT1 twice.',
    );
  });

  it('names a merchant by its code when it has no name', () => {
    const { name: _name, ...unnamed } = merchant;
    expect(readSettings({ PAY_GATEWAY_MERCHANTS: JSON.stringify([unnamed]) }).merchants[0].name).toBe('DVCPORT1');
  });
});
