import { allowedActions, decide } from './engine';

const wf = 'birth-registration';
const at = (status: string, step: 'awaiting_signature' | null = null) => ({ status, step });

describe('workflow engine (birth registration)', () => {
  it('lets a clerk receive a new dossier: the clock starts and the citizen is told', () => {
    const decision = decide(wf, at('new'), null, 'receive', ['clerk'], undefined);
    expect(decision).toMatchObject({ ok: true, transition: { to: at('received'), clock: 'start', tellCitizen: true } });
  });

  it('hands a signed linked dossier on to the partner agencies, and only a linked one', () => {
    const signed = (workflow: string) =>
      decide(workflow, at('processing', 'awaiting_signature'), 'approve', 'sign', ['leader'], undefined);
    expect(signed('birth-registration-linked')).toMatchObject({
      ok: true,
      transition: { handOff: 'partner-agencies' },
    });
    const plain = signed(wf);
    expect(plain.ok && plain.transition.handOff).toBeFalsy();
    const refused = decide(
      'birth-registration-linked',
      at('processing', 'awaiting_signature'),
      'refuse',
      'sign',
      ['leader'],
      undefined,
    );
    expect(refused.ok && refused.transition.handOff).toBeFalsy();
  });

  it('takes papers only with a resubmission, and makes the clerk who starts the assignee', () => {
    const resubmit = decide(wf, at('supplement_requested'), null, 'resubmit', ['citizen'], undefined);
    expect(resubmit).toMatchObject({ ok: true, transition: { acceptsPapers: true } });
    const withdraw = decide(wf, at('supplement_requested'), null, 'withdraw', ['citizen'], undefined);
    expect(withdraw.ok && withdraw.transition.acceptsPapers).toBeFalsy();
    expect(decide(wf, at('received'), null, 'start', ['clerk'], undefined)).toMatchObject({
      transition: { assign: true },
    });
  });

  it('refuses an action the state does not allow, whoever asks', () => {
    expect(decide(wf, at('processed'), null, 'receive', ['clerk'], undefined)).toEqual({
      ok: false,
      reason: 'not_allowed_now',
    });
  });

  it('refuses an action for a role the table does not name', () => {
    expect(decide(wf, at('new'), null, 'receive', ['citizen'], undefined)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
    expect(decide(wf, at('processing', 'awaiting_signature'), 'approve', 'sign', ['clerk'], undefined)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
  });

  it('wants a reason for a refusal and a supplement request', () => {
    expect(decide(wf, at('new'), null, 'refuse', ['clerk'], undefined)).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(decide(wf, at('processing'), null, 'request_supplement', ['clerk'], 'Thiếu giấy chứng sinh')).toMatchObject({
      ok: true,
      transition: { to: at('supplement_requested'), clock: 'stop' },
    });
  });

  it("decides the leader's signature by the proposal", () => {
    const approve = decide(wf, at('processing', 'awaiting_signature'), 'approve', 'sign', ['leader'], undefined);
    const refuse = decide(wf, at('processing', 'awaiting_signature'), 'refuse', 'sign', ['leader'], undefined);
    expect(approve).toMatchObject({ ok: true, transition: { to: at('processed'), final: true } });
    expect(refuse).toMatchObject({ ok: true, transition: { to: at('stopped'), final: true } });
  });

  it('resumes the clock when the citizen sends the papers', () => {
    expect(decide(wf, at('supplement_requested'), null, 'resubmit', ['citizen'], undefined)).toMatchObject({
      ok: true,
      transition: { to: at('processing'), clock: 'resume' },
    });
  });

  it('lists what each role may do now', () => {
    expect(allowedActions(wf, at('new'), null, ['clerk'])).toEqual(['receive', 'refuse']);
    expect(allowedActions(wf, at('processing'), null, ['clerk'])).toEqual([
      'request_supplement',
      'propose_approval',
      'propose_refusal',
    ]);
    expect(allowedActions(wf, at('processing', 'awaiting_signature'), 'approve', ['leader'])).toEqual([
      'sign',
      'send_back',
    ]);
    expect(allowedActions(wf, at('processing'), null, ['citizen'])).toEqual(['withdraw']);
  });
});
