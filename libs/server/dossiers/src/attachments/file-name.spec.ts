import { contentDisposition, MAX_FILE_NAME_LENGTH, sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it('keeps an ordinary Vietnamese name as it is', () => {
    expect(sanitiseFileName('Giấy chứng sinh - bé An.pdf', 'application/pdf', 'x')).toBe('Giấy chứng sinh - bé An.pdf');
  });

  it('joins letters typed as base letter plus accent into one (NFC)', () => {
    const decomposed = 'Giấy chứng sinh.pdf'.normalize('NFD');
    expect(sanitiseFileName(decomposed, 'application/pdf', 'x')).toBe('Giấy chứng sinh.pdf'.normalize('NFC'));
  });

  it('drops folders, whether written with / or \\', () => {
    expect(sanitiseFileName('../../etc/passwd.png', 'image/png', 'x')).toBe('passwd.png');
    expect(sanitiseFileName('C:\\Users\\An\\Scan 01.JPG', 'image/jpeg', 'x')).toBe('Scan 01.JPG');
  });

  it('removes control characters and direction overrides that disguise an extension', () => {
    expect(sanitiseFileName('hoa-don\u202Egpj.exe', 'application/pdf', 'x')).toBe('hoa-dongpj.exe.pdf');
    expect(sanitiseFileName('a\r\nb\u0000c.pdf', 'application/pdf', 'x')).toBe('abc.pdf');
  });

  it('replaces characters that file systems refuse, and tidies spaces and dots', () => {
    expect(sanitiseFileName('  hộ  khẩu: "bản 1"?.png  ', 'image/png', 'x')).toBe('hộ khẩu_ _bản 1__.png');
    expect(sanitiseFileName('...an.pdf...', 'application/pdf', 'x')).toBe('an.pdf');
  });

  it('gives the name the extension of what the file really is', () => {
    expect(sanitiseFileName('giay-chung-sinh.pdf', 'image/png', 'x')).toBe('giay-chung-sinh.pdf.png');
    expect(sanitiseFileName('anh-chup', 'image/jpeg', 'x')).toBe('anh-chup.jpg');
    expect(sanitiseFileName('anh.jpeg', 'image/jpeg', 'x')).toBe('anh.jpeg');
  });

  it('names a file with nothing usable after the paper', () => {
    expect(sanitiseFileName(undefined, 'application/pdf', 'marriage_certificate')).toBe('marriage_certificate.pdf');
    expect(sanitiseFileName('\u202E\u0007', 'image/png', 'authorisation')).toBe('authorisation.png');
    expect(sanitiseFileName('.pdf', 'application/pdf', 'authorisation')).toBe('pdf.pdf');
  });

  it('shortens a long name to 200 characters, keeping the extension and whole letters', () => {
    const name = sanitiseFileName(`${'ạ'.repeat(300)}.pdf`, 'application/pdf', 'x');
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('ạ.pdf')).toBe(true);
    const emoji = sanitiseFileName(`${'😀'.repeat(250)}.png`, 'image/png', 'x');
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('contentDisposition', () => {
  it('names the file in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('inline', 'Giấy chứng sinh (bản sao).pdf')).toBe(
      `inline; filename="Giay chung sinh _ban sao_.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
  });

  it('cannot be broken out of with quotes or new lines', () => {
    const header = contentDisposition('attachment', 'a"; filename="evil.html\r\nX: y.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
