import { Pipe, PipeTransform } from '@angular/core';

/**
 * 8000 → "8.000 ₫": Vietnamese grouping whatever the page language. Whole amounts (every fee is one) are
 * grouped by hand: the first Intl.NumberFormat of a page loads the locale's data, which costs a slow
 * phone tens of milliseconds before the procedure page can show.
 */
@Pipe({ name: 'vnd' })
export class VndPipe implements PipeTransform {
  transform(amount: number): string {
    const digits = Number.isSafeInteger(amount) ? groupThousands(amount) : vietnameseNumber().format(amount);
    return `${digits} ₫`;
  }
}

function groupThousands(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.abs(amount)).replace(/\B(?=(\d{3})+$)/g, '.');
}

let numberFormat: Intl.NumberFormat | undefined;
function vietnameseNumber(): Intl.NumberFormat {
  return (numberFormat ??= new Intl.NumberFormat('vi-VN'));
}
