/**
 * Money as a receipt prints it: the figures (`49.000 ₫`) and the amount read out in words
 * ("Bốn mươi chín nghìn đồng"), as the "Bằng chữ" line of a Vietnamese receipt or invoice.
 *
 * The reading follows the usage of administrative documents in the North: groups of three
 * digits (nghìn, triệu, tỷ), "không trăm" for an empty hundreds place inside a number,
 * "linh" for an empty tens place, "mười" for ten, "mốt" for a one after a tens word of
 * twenty or more, "lăm" for a five after any tens word, and "tư" for a four after "mươi"
 * or "linh" (104 → "một trăm linh tư", 24 → "hai mươi tư"; "mười bốn" stays "bốn").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** Group names from the right; the fourth group (tỷ) is as far as an amount of đồng needs to go. */
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

export const MAX_AMOUNT_IN_WORDS = 999_999_999_999;

/** One group of three digits; `full` when a higher group came before it (so "không trăm", "linh" are said). */
function readGroup(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units === 0) return words;
    if (words.length > 0) words.push('linh', units === 4 ? 'tư' : DIGITS[units]);
    else words.push(DIGITS[units]);
    return words;
  }
  if (tens === 1) words.push('mười');
  else words.push(DIGITS[tens], 'mươi');
  if (units === 1) words.push(tens === 1 ? 'một' : 'mốt');
  else if (units === 4) words.push(tens === 1 ? 'bốn' : 'tư');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(DIGITS[units]);
  return words;
}

/** A whole number of đồng in words, first letter capitalised: 49000 → "Bốn mươi chín nghìn đồng". */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT_IN_WORDS) {
    throw new RangeError(`An amount in words is a whole number of đồng from 0 to ${MAX_AMOUNT_IN_WORDS}: ${amount}`);
  }
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    words.push(...readGroup(groups[i], words.length > 0), ...(GROUPS[i] ? [GROUPS[i]] : []));
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Whole đồng with dots between thousands and the đồng sign: 49000 → "49.000 ₫". */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`An amount of đồng is a whole number: ${amount}`);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} ₫`;
}
