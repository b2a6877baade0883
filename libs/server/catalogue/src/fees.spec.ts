import { feeFor, minimumFee } from './fees';

const label = { vi: 'x', en: 'x' };

describe('minimumFee', () => {
  it('is 0 for a procedure without fee rules', () => {
    expect(minimumFee([])).toBe(0);
  });

  it('is the cheapest case, so a procedure free when on time shows as free', () => {
    expect(
      minimumFee([
        { case: 'late', label, amount: 8000 },
        { case: 'on_time', label, amount: 0 },
      ]),
    ).toBe(0);
  });

  it('is the smaller of two paid cases', () => {
    expect(
      minimumFee([
        { case: 'a', label, amount: 50000 },
        { case: 'b', label, amount: 20000 },
      ]),
    ).toBe(20000);
  });
});

describe('feeFor', () => {
  const fees = [
    { case: 'on_time', label, amount: 0 },
    { case: 'late', label, amount: 8000 },
  ];

  it('is the amount of the case', () => {
    expect(feeFor(fees, 'late')).toBe(8000);
    expect(feeFor(fees, 'on_time')).toBe(0);
  });

  it('is nothing for a case the procedure does not charge', () => {
    expect(feeFor([{ case: 'on_time', label, amount: 0 }], 'late')).toBe(0);
  });
});
