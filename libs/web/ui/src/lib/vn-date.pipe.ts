import { Pipe, PipeTransform } from '@angular/core';

/** Made on first use: the first Intl formatter of a page loads the locale's data, which a slow phone feels. */
let formats: { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | undefined;
function vietnameseFormats(): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  return (formats ??= {
    date: new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }),
    time: new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }),
  });
}

/** An instant as Viet Nam's calendar date (dd/mm/yyyy), optionally with the time. */
@Pipe({ name: 'vnDate' })
export class VnDatePipe implements PipeTransform {
  transform(value: string | null | undefined, withTime = false): string {
    if (!value) return '';
    const date = new Date(value);
    const { date: dateFormat, time: timeFormat } = vietnameseFormats();
    return withTime ? `${timeFormat.format(date)} ${dateFormat.format(date)}` : dateFormat.format(date);
  }
}
