import { faultFor, faultKey, parseFault, type FaultEntry } from './faults';

describe('faults', () => {
  const faults: Record<string, FaultEntry> = {
    [faultKey({ tmnCode: 'DVCPORT1', txnRef: 'A' })]: { fault: 'duplicate', tmnCode: 'DVCPORT1', txnRef: 'A' },
    [faultKey({ txnRef: 'B' })]: { fault: 'tampered', txnRef: 'B' },
    [faultKey({ tmnCode: 'DVCPORT1' })]: { fault: 'late', tmnCode: 'DVCPORT1' },
    [faultKey({ tmnCode: 'DVCPORT2' })]: { fault: 'api-down', tmnCode: 'DVCPORT2' },
  };

  it('takes the most specific one: the payment’s, any merchant’s reference, the merchant’s, the configured', () => {
    expect(faultFor(faults, { tmnCode: 'DVCPORT1', txnRef: 'A' }, 'ipn')?.fault).toBe('duplicate');
    expect(faultFor(faults, { tmnCode: 'DVCPORT1', txnRef: 'B' }, 'ipn')?.fault).toBe('tampered');
    expect(faultFor(faults, { tmnCode: 'DVCPORT1', txnRef: 'C' }, 'ipn')?.fault).toBe('late');
    expect(faultFor(faults, { tmnCode: 'DVCPORT3', txnRef: 'C' }, 'ipn', 'none')?.fault).toBe('none');
    expect(faultFor(faults, { tmnCode: 'DVCPORT3', txnRef: 'C' }, 'ipn')).toBeUndefined();
  });

  it('keeps IPN and transaction API faults apart', () => {
    expect(faultFor(faults, { tmnCode: 'DVCPORT2', txnRef: 'C' }, 'ipn')).toBeUndefined();
    expect(faultFor(faults, { tmnCode: 'DVCPORT2' }, 'api')?.fault).toBe('api-down');
    expect(faultFor(faults, { tmnCode: 'DVCPORT1' }, 'api')).toBeUndefined();
  });

  it('checks what the control API is given', () => {
    expect(parseFault({ tmnCode: 'DVCPORT1', fault: 'late', delayMs: 500 })).toEqual({
      tmnCode: 'DVCPORT1',
      fault: 'late',
      delayMs: 500,
    });
    expect(parseFault({ txnRef: 'A', fault: 'out-of-order', order: 'before' })).toEqual({
      txnRef: 'A',
      fault: 'out-of-order',
      order: 'before',
    });
    expect(parseFault([])).toBe('the body must be a JSON object');
    expect(parseFault({ tmnCode: 'X', fault: 'broken' })).toMatch(/^fault must be one of duplicate, late/);
    expect(parseFault({ fault: 'late' })).toBe('name a tmnCode, a txnRef or both');
    expect(parseFault({ txnRef: 'A', fault: 'late', delayMs: -1 })).toBe(
      'delayMs must be a whole number of milliseconds',
    );
    expect(parseFault({ txnRef: 'A', fault: 'out-of-order', order: 'sideways' })).toBe(
      'order must be "before" or "after"',
    );
  });
});
