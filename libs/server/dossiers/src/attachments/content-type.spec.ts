import { SNIFF_LENGTH, sniffContentType } from './content-type';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffContentType', () => {
  it('recognises a PDF by "%PDF-" at the start', () => {
    expect(sniffContentType(bytes('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
  });

  it('recognises a JPEG by FF D8 FF', () => {
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'JFIF'))).toBe('image/jpeg');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 'Exif'))).toBe('image/jpeg');
  });

  it('recognises a PNG by its eight-byte signature', () => {
    expect(sniffContentType(bytes(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0, 0, 13, 'IHDR'))).toBe('image/png');
  });

  it('needs no more than the first eight bytes', () => {
    expect(SNIFF_LENGTH).toBe(8);
  });

  it.each([
    ['a Windows program renamed giay-chung-sinh.pdf', bytes('MZ', 0x90, 0, 3, 0, 0, 0)],
    ['a Linux program', bytes(0x7f, 'ELF', 2, 1, 1, 0)],
    ['a web page', bytes('<!DOCTYPE html><html><script>alert(1)</script>')],
    ['a web page with a byte-order mark', bytes(0xef, 0xbb, 0xbf, '<html>')],
    ['an SVG image (it can carry script)', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a ZIP archive (and so a DOCX)', bytes('PK', 3, 4, 20, 0, 0, 0)],
    ['a GIF image', bytes('GIF89a')],
    ['a PDF that does not start at the first byte', bytes(' %PDF-1.4')],
    ['a PDF signature in lower case', bytes('%pdf-1.4')],
    ['a PDF cut short before the dash', bytes('%PDF')],
    ['a PNG cut short', bytes(0x89, 'PNG')],
    ['a JPEG marker without its second FF', bytes(0xff, 0xd8, 0x00, 0x00)],
    ['plain text', bytes('Giấy chứng sinh')],
    ['nothing at all', bytes()],
  ])('refuses %s', (_name, head) => {
    expect(sniffContentType(head)).toBeNull();
  });
});
