import { preferredEncoding } from './static-files';

describe('preferredEncoding (Accept-Encoding)', () => {
  const both = ['br', 'gzip'] as Array<'br' | 'gzip'>;

  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br;q=0.5, gzip;q=0.9', both, 'gzip'],
    ['br;q=0, gzip', both, 'gzip'],
    ['br, gzip', ['gzip'], 'gzip'],
    ['*', both, 'br'],
    ['*;q=0.1, br;q=0', both, 'gzip'],
    ['x-gzip', both, 'gzip'],
    ['BR', both, 'br'],
    ['identity', both, undefined],
    ['gzip;q=0, br;q=0', both, undefined],
    ['', both, undefined],
    [undefined, both, undefined],
    ['br;q=banana', both, undefined],
  ] as const)('%j from %j is %j', (header, available, expected) => {
    expect(preferredEncoding(header, [...available])).toBe(expected);
  });
});
