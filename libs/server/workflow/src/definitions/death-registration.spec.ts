import { allowedActions, decide } from '../engine';

const wf = 'death-registration';
const at = (status: string, step: 'awaiting_signature' | null = null) => ({ status, step });

describe('workflow of death registration', () => {
  it('goes from new to processed through the clerk and the leader, telling the citizen', () => {
    expect(decide(wf, at('new'), null, 'receive', ['clerk'], undefined)).toMatchObject({
      ok: true,
      transition: { to: at('received'), clock: 'start', tellCitizen: true },
    });
    expect(allowedActions(wf, at('processing'), null, ['clerk'])).toEqual(
      expect.arrayContaining(['propose_approval', 'propose_refusal', 'request_supplement']),
    );
    const signed = decide(wf, at('processing', 'awaiting_signature'), 'approve', 'sign', ['leader'], undefined);
    expect(signed).toMatchObject({ ok: true, transition: { to: at('processed'), tellCitizen: true } });
  });

  it('hands nothing on to partner agencies', () => {
    const signed = decide(wf, at('processing', 'awaiting_signature'), 'approve', 'sign', ['leader'], undefined);
    expect(signed.ok && signed.transition.handOff).toBeFalsy();
  });
});
