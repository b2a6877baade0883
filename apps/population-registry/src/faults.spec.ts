import { applyFault, parseFault } from './faults';

describe('population registry faults', () => {
  it('reads each mode, `fail` once by default', () => {
    expect(parseFault({ mode: 'fail' })).toEqual({ mode: 'fail', times: 1 });
    expect(parseFault({ mode: 'fail', times: 3 })).toEqual({ mode: 'fail', times: 3 });
    expect(parseFault({ mode: 'down', times: 3 })).toEqual({ mode: 'down' });
    expect(parseFault({ mode: 'slow', delayMs: 250 })).toEqual({ mode: 'slow', delayMs: 250 });
  });

  it('says what is wrong', () => {
    expect(parseFault('down')).toBe('the fault must be a JSON object');
    expect(parseFault({ mode: 'broken' })).toBe('mode must be one of fail, down, slow (got "broken")');
    expect(parseFault({ mode: 'fail', times: 0 })).toMatch(/^times must be a whole number of calls of at least 1/);
    expect(parseFault({ mode: 'slow' })).toMatch(/^delayMs must be a whole number of milliseconds/);
    expect(parseFault({ mode: 'slow', delayMs: 1.5 })).toMatch(/^delayMs/);
  });

  it('spends a `fail` call by call; `down` and `slow` stay', () => {
    const first = applyFault({ mode: 'fail', times: 2 });
    expect(first).toEqual({ outcome: 'unavailable', delayMs: 0, next: { mode: 'fail', times: 1 } });
    expect(applyFault(first.next)).toEqual({ outcome: 'unavailable', delayMs: 0, next: undefined });
    expect(applyFault(undefined)).toEqual({ outcome: 'normal', delayMs: 0, next: undefined });
    expect(applyFault({ mode: 'down' }).next).toEqual({ mode: 'down' });
    expect(applyFault({ mode: 'slow', delayMs: 40 })).toEqual({
      outcome: 'normal',
      delayMs: 40,
      next: { mode: 'slow', delayMs: 40 },
    });
  });
});
