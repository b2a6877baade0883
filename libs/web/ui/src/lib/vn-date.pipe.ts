import { Pipe, PipeTransform } from '@angular/core';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as Viet Nam's calendar date (dd/mm/yyyy), optionally with the time. */
@Pipe({ name: 'vnDate' })
export class VnDatePipe implements PipeTransform {
  transform(value: string | null | undefined, withTime = false): string {
    if (!value) return '';
    const date = new Date(value);
    return withTime ? `${timeFormat.format(date)} ${dateFormat.format(date)}` : dateFormat.format(date);
  }
}
