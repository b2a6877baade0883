import { quoteFees } from './fees';
import type { FeeRule } from './procedure';
import { deliveryStep, todayInVietnam } from './procedures/fields';
import { BIRTH_REGISTRATION, DEATH_REGISTRATION } from './procedure-codes';

const rule = (feeCase: string, amount: number): FeeRule => ({
  case: feeCase,
  label: { vi: feeCase, en: feeCase },
  amount,
});
const fees = [rule('on_time', 0), rule('late', 8000), rule('extra_copy', 8000), rule('post_delivery', 25000)];
const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const birth = (dateOfBirth: string, delivery?: Record<string, unknown>) => ({
  child: { dateOfBirth },
  ...(delivery ? { delivery } : {}),
});

describe('the fee quote, line by line', () => {
  it('is the fee case alone when nothing more is asked: free on time', () => {
    expect(quoteFees(BIRTH_REGISTRATION, birth(daysAgo(10), { extraCopies: 0, method: 'collect' }), fees)).toEqual({
      lines: [{ case: 'on_time', label: { vi: 'on_time', en: 'on_time' }, quantity: 1, unitAmount: 0, amount: 0 }],
      total: 0,
    });
  });

  it('adds each extra copy and the post: a late registration with two copies posted', () => {
    const quote = quoteFees(
      BIRTH_REGISTRATION,
      birth(daysAgo(90), { extraCopies: 2, method: 'post', postalAddress: 'Số 1 phố Huế' }),
      fees,
    );
    expect(quote.lines.map((l) => [l.case, l.quantity, l.unitAmount, l.amount])).toEqual([
      ['late', 1, 8000, 8000],
      ['extra_copy', 2, 8000, 16000],
      ['post_delivery', 1, 25000, 25000],
    ]);
    expect(quote.total).toBe(49_000);
  });

  it('prices with the fees it is given (an administrator’s change) and skips what the catalogue does not price', () => {
    const quote = quoteFees(
      DEATH_REGISTRATION,
      { death: { dateOfDeath: daysAgo(1) }, delivery: { extraCopies: 3, method: 'post' } },
      [rule('on_time', 0), rule('extra_copy', 10000)],
    );
    expect(quote.lines.map((l) => l.case)).toEqual(['on_time', 'extra_copy']);
    expect(quote.total).toBe(30_000);
  });

  it('quotes a draft without the result page (nothing extra yet)', () => {
    expect(quoteFees(BIRTH_REGISTRATION, {}, fees).total).toBe(0);
  });
});

describe('the result page', () => {
  it('starts from no copies, takes the number as typed, and wants an address for the post', () => {
    expect(deliveryStep.parse({ method: 'collect' })).toEqual({ extraCopies: 0, method: 'collect' });
    expect(deliveryStep.parse({ extraCopies: ' 2 ', method: 'collect' }).extraCopies).toBe(2);
    const messages = (value: unknown) =>
      deliveryStep.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(messages({ extraCopies: 11, method: 'collect' })).toEqual([['extraCopies', 'extraCopies']]);
    expect(messages({ extraCopies: '1.5', method: 'collect' })).toEqual([['extraCopies', 'extraCopies']]);
    expect(messages({ extraCopies: 0, method: 'post', postalAddress: '  ' })).toEqual([
      ['postalAddress', 'postalAddress'],
    ]);
    expect(messages({ extraCopies: 0, method: 'drone' })).toEqual([['method', 'choose']]);
  });
});
