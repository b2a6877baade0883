/**
 * VNPAY's dates are `yyyyMMddHHmmss` in Viet Nam's time (UTC+7, no daylight saving time), whatever the
 * time zone of the machine.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** yyyyMMddHHmmss in Viet Nam's time. */
export function formatVnTime(at: number | Date): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The instant a yyyyMMddHHmmss in Viet Nam's time names, or undefined when it is not a real date. */
export function parseVnTime(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{14}$/.test(text)) return undefined;
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((start, i) => Number(text.slice(start, i ? start + 2 : 4)));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
  // Date.UTC rolls 31 February over into March; a real date formats back to itself.
  return formatVnTime(ms) === text ? ms : undefined;
}

/** yyyyMMdd of the day in Viet Nam. */
export function vnDay(at: number): string {
  return formatVnTime(at).slice(0, 8);
}

/** dd/MM/yyyy HH:mm:ss in Viet Nam's time, for pages. */
export function displayVnTime(at: number): string {
  const t = formatVnTime(at);
  return `${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}`;
}
