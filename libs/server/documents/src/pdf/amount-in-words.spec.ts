import { amountInWords, formatVnd } from './amount-in-words';

describe('amounts in words, as the "Bằng chữ" line of a receipt reads them', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh tư đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [8_000, 'Tám nghìn đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [49_000, 'Bốn mươi chín nghìn đồng'],
    [100_000, 'Một trăm nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [2_000_000, 'Hai triệu đồng'],
    [15_500_000, 'Mười lăm triệu năm trăm nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
    [2_021_000_000, 'Hai tỷ không trăm hai mươi mốt triệu đồng'],
    [
      999_999_999_999,
      'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
  ])('%d → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses what is not a whole number of đồng in range', () => {
    for (const amount of [-1, 1.5, Number.NaN, 1_000_000_000_000])
      expect(() => amountInWords(amount)).toThrow(RangeError);
  });
});

describe('amounts in figures', () => {
  it.each([
    [0, '0 ₫'],
    [800, '800 ₫'],
    [8_000, '8.000 ₫'],
    [49_000, '49.000 ₫'],
    [1_005_000, '1.005.000 ₫'],
    [999_999_999_999, '999.999.999.999 ₫'],
    [-25_000, '-25.000 ₫'],
  ])('%d → %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it('refuses fractions', () => {
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });
});
