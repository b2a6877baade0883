import { formSteps } from './procedures/registry';
import { hasOnlineForm, ONLINE_FORM_PROCEDURES } from './procedure-codes';

describe('the procedures with an online form', () => {
  it('are exactly those that have form pages', () => {
    expect([...ONLINE_FORM_PROCEDURES].sort()).toEqual(Object.keys(formSteps).sort());
  });

  it('are told apart from the others', () => {
    expect(hasOnlineForm('1.001193')).toBe(true);
    expect(hasOnlineForm('LT.KS-TT-BHYT')).toBe(true);
    expect(hasOnlineForm('1.000656')).toBe(true);
    expect(hasOnlineForm('2.000001')).toBe(false);
  });
});
