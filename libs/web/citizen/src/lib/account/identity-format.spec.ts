import { formatCalendarDate, maskPersonalId } from './identity-format';

describe('identity details on the account page', () => {
  it('shows only the last four digits of the personal ID number', () => {
    expect(maskPersonalId('001090012345')).toBe('••••••••2345');
  });

  it('writes a date of birth the way each language does, whatever the time zone', () => {
    expect(formatCalendarDate('1990-04-15', 'vi')).toBe('15/04/1990');
    expect(formatCalendarDate('1990-04-15', 'en')).toBe('15 April 1990');
    expect(formatCalendarDate('2001-01-01', 'en')).toBe('1 January 2001');
  });
});
