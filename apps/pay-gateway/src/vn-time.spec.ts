import { displayVnTime, formatVnTime, parseVnTime, vnDay } from './vn-time';

describe('Viet Nam time (UTC+7)', () => {
  const instant = Date.UTC(2026, 11, 1, 22, 5, 9); // 05:05:09 on 2 December in Viet Nam

  it('formats an instant as yyyyMMddHHmmss in Viet Nam whatever the machine’s zone', () => {
    expect(formatVnTime(instant)).toBe('20261202050509');
    expect(vnDay(instant)).toBe('20261202');
    expect(displayVnTime(instant)).toBe('02/12/2026 05:05:09');
  });

  it('reads it back, as a string or a number', () => {
    expect(parseVnTime('20261202050509')).toBe(instant);
    expect(parseVnTime(20261202050509)).toBe(instant);
  });

  it('refuses what is not a real date', () => {
    for (const value of ['20260231120000', '2026120205050', '2026120205050x', '', undefined, {}]) {
      expect(parseVnTime(value)).toBeUndefined();
    }
  });
});
