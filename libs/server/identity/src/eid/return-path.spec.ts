import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each(['/account', '/procedures/1.001193', '/apply/1.001193?step=2#child', '/'])('keeps the path %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/account'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a line break', '/account\r\nSet-Cookie: x=1'],
    ['a C1 control character (next line)', '/account\u0085x'],
    ['a relative path', 'account'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['an empty value', ''],
    ['a repeated parameter', ['/account', '/x']],
    ['no value', undefined],
    ['a very long path', `/${'a'.repeat(2001)}`],
  ])('refuses %s', (_case, value) => {
    expect(safeReturnPath(value)).toBeUndefined();
  });
});
