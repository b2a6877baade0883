import { Pipe, PipeTransform } from '@angular/core';

const format = new Intl.NumberFormat('vi-VN');

/** 8000 → "8.000 ₫": Vietnamese grouping whatever the page language. */
@Pipe({ name: 'vnd' })
export class VndPipe implements PipeTransform {
  transform(amount: number): string {
    return `${format.format(amount)} ₫`;
  }
}
