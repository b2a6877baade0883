import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { createCertificateAuthority, issueSigningCertificate } from './certificates';
import { renderDocument, type DocumentContent } from './document';
import { renderReceipt, type ReceiptContent } from './receipt';
import { signPdf } from './sign';
import { verifyPdf } from './verify';

/**
 * The signed documents read by independent tools (Debian's poppler-utils): pdftotext finds the
 * Vietnamese text as written, pdfsig finds the signature valid (the demonstration CA is unknown
 * to it, which is expected) and no longer valid once a byte has changed, and the QR code read
 * off a 150 dpi rendering by jsqr leads to the verification page. (pdftoppm writes PPM by default;
 * this poppler has no -ppm flag.)
 */

const run = promisify(execFile);

const ca = createCertificateAuthority({
  commonName: 'CA Chính phủ (thử nghiệm)',
  organisation: 'Ban Cơ yếu Chính phủ',
});
const ward = issueSigningCertificate(ca, {
  commonName: 'Phường Ba Đình',
  organisation: 'Uỷ ban nhân dân Thành phố Hà Nội',
  unitCode: '00004',
});
// Now, to the second: the certificates below are made now, and a signature from before they were valid would be refused.
const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
const meta = {
  reason: 'Ký trích lục khai sinh',
  location: 'Phường Ba Đình, Thành phố Hà Nội',
  name: 'Lê Văn Cường',
  contactInfo: 'badinh@hanoi.gov.vn',
  signedAt,
};

const extract: DocumentContent = {
  unitName: 'Phường Ba Đình',
  provinceName: 'Thành phố Hà Nội',
  title: 'TRÍCH LỤC KHAI SINH',
  subtitle: '(Bản điện tử)',
  documentNumber: 'Số: 123/2026/TLKS-BS',
  book: 'Quyển số: 01/2026',
  facts: [
    { label: 'Họ, chữ đệm, tên', value: 'Nguyễn Thị Ánh Dương' },
    { label: 'Ngày, tháng, năm sinh', value: '01/11/2026' },
    { label: 'Giới tính', value: 'Nữ' },
    { label: 'Dân tộc', value: 'Kinh' },
    { label: 'Quốc tịch', value: 'Việt Nam' },
    { label: 'Nơi sinh', value: 'Bệnh viện Phụ sản Hà Nội, Phường Ngọc Hà, Thành phố Hà Nội' },
    { label: 'Số định danh cá nhân', value: '001326012345' },
    { label: 'Họ, chữ đệm, tên người mẹ', value: 'Lê Thị Hồng Nhung' },
    { label: 'Họ, chữ đệm, tên người cha', value: 'Trần Minh Khoa' },
  ],
  placeAndDate: 'Ba Đình, ngày 02 tháng 12 năm 2026',
  signer: { name: 'Lê Văn Cường', title: 'KT. CHỦ TỊCH – PHÓ CHỦ TỊCH' },
  verifyUrl: 'http://localhost:3000/verify/ABCD-EFGH',
  verificationCode: 'ABCD-EFGH',
  footnote: 'Trích lục này là bản điện tử được ký số, có giá trị như bản giấy; tra cứu tại Cổng Dịch vụ công.',
};

const receipt: ReceiptContent = {
  unitName: 'Phường Ba Đình',
  provinceName: 'Thành phố Hà Nội',
  receiptNumber: 'Số: BL-2026-000123',
  payer: { name: 'Nguyễn Văn An', address: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội' },
  items: [
    { label: 'Lệ phí đăng ký khai sinh', quantity: 1, unitAmount: 25_000, amount: 25_000 },
    { label: 'Bản sao trích lục khai sinh', quantity: 3, unitAmount: 8_000, amount: 24_000 },
  ],
  total: 49_000,
  paidAt: '10:15 ngày 02/12/2026',
  paymentReference: 'DVC26120200000001',
  transactionNo: '14712345',
  bankCode: 'NCB',
  dossierCode: 'HS-01-261202-000001',
  verifyUrl: 'http://localhost:3000/verify/WXYZ-2345',
  verificationCode: 'WXYZ-2345',
};

let dir: string;
let signedExtract: Buffer;
let signedReceipt: Buffer;

async function fileOf(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** pdfsig's report (it exits non-zero for an invalid signature; the report is what matters). */
async function pdfsig(path: string): Promise<string> {
  try {
    return (await run('pdfsig', [path])).stdout;
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? '';
  }
}

/**
 * The first page at 150 dpi as a binary PPM (P6), decoded by hand into RGBA for jsqr; only the
 * page's left half (where the code is), which halves jsqr's time.
 */
async function qrOf(path: string): Promise<string | undefined> {
  const prefix = join(dir, 'page');
  await run('pdftoppm', [
    '-r',
    '150',
    '-f',
    '1',
    '-l',
    '1',
    '-x',
    '0',
    '-y',
    '0',
    '-W',
    '620',
    '-H',
    '1754',
    '-singlefile',
    path,
    prefix,
  ]);
  const ppm = await readFile(`${prefix}.ppm`);
  // Header: "P6", width, height, maxval, each after whitespace (comments starting with # skipped), then one whitespace byte.
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[at]))) at++;
    if (ppm[at] === 0x23) {
      while (ppm[at] !== 0x0a) at++;
      continue;
    }
    let field = '';
    while (!/\s/.test(String.fromCharCode(ppm[at]))) field += String.fromCharCode(ppm[at++]);
    fields.push(field);
  }
  at++;
  const [magic, width, height, maxval] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
  expect(magic).toBe('P6');
  expect(maxval).toBe(255);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = ppm[at + i * 3];
    rgba[i * 4 + 1] = ppm[at + i * 3 + 1];
    rgba[i * 4 + 2] = ppm[at + i * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'documents-'));
  signedExtract = await signPdf(await renderDocument(extract, { createdAt: signedAt }), ward, meta);
  signedReceipt = await signPdf(await renderReceipt(receipt, { createdAt: signedAt }), ward, {
    ...meta,
    reason: 'Biên lai thu phí, lệ phí điện tử',
    name: 'Phường Ba Đình',
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('signed documents, read by poppler-utils and jsqr', () => {
  it('prints the extract in Vietnamese as written, on one A4 page', async () => {
    const path = await fileOf('extract.pdf', signedExtract);
    const { stdout: text } = await run('pdftotext', ['-layout', path, '-']);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UỶ BAN NHÂN DÂN',
      'PHƯỜNG BA ĐÌNH',
      'TRÍCH LỤC KHAI SINH',
      'Trích lục',
      'Số: 123/2026/TLKS-BS',
      'Quyển số: 01/2026',
      'Họ, chữ đệm, tên: Nguyễn Thị Ánh Dương',
      'Nguyễn Thị Ánh Dương',
      'Số định danh cá nhân: 001326012345',
      'Bệnh viện Phụ sản Hà Nội',
      'Ba Đình, ngày 02 tháng 12 năm 2026',
      'KT. CHỦ TỊCH – PHÓ CHỦ TỊCH',
      '(Đã ký số)',
      'Lê Văn Cường',
      'Mã tra cứu: ABCD-EFGH',
      'http://localhost:3000/verify/ABCD-EFGH',
    ]) {
      expect(text).toContain(expected);
    }
    const { stdout: info } = await run('pdfinfo', [path]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toContain('Title:           TRÍCH LỤC KHAI SINH – Số: 123/2026/TLKS-BS');
    const { stdout: fonts } = await run('pdffonts', [path]);
    expect(fonts).toMatch(/BeVietnamPro-Regular/);
    expect(fonts).toMatch(/BeVietnamPro-Bold/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('prints the receipt with its amounts in đồng, in figures and in words', async () => {
    const path = await fileOf('receipt.pdf', signedReceipt);
    const { stdout: text } = await run('pdftotext', ['-layout', path, '-']);
    for (const expected of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'Số: BL-2026-000123',
      'Người nộp: Nguyễn Văn An',
      'Lệ phí đăng ký khai sinh',
      '8.000 ₫',
      '24.000 ₫',
      '49.000 ₫',
      'Bằng chữ: Bốn mươi chín nghìn đồng',
      'DVC26120200000001',
      '14712345',
      'HS-01-261202-000001',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("has pdfsig find both signatures valid, signed by the ward's certificate", async () => {
    for (const [name, bytes] of [
      ['extract.pdf', signedExtract],
      ['receipt.pdf', signedReceipt],
    ] as const) {
      const report = await pdfsig(await fileOf(name, bytes));
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signer Certificate Common Name: Phường Ba Đình');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
      expect(report).toContain('Total document signed');
      expect(verifyPdf(bytes, { caCertificatePem: ca.certificatePem })).toMatchObject({
        genuine: true,
        signerCommonName: 'Phường Ba Đình',
        signerUnitCode: '00004',
        signerFingerprint: ward.fingerprint,
      });
    }
  });

  it('has pdfsig and verifyPdf both refuse the extract once one byte of it has changed', async () => {
    const changed = Buffer.from(signedExtract);
    const index = Math.floor(changed.indexOf('/ByteRange') / 2);
    changed[index] ^= 0x01;
    const report = await pdfsig(await fileOf('changed.pdf', changed));
    expect(report).toContain('Signature #1');
    expect(report).not.toContain('Signature is Valid');
    expect(verifyPdf(changed, { caCertificatePem: ca.certificatePem })).toMatchObject({
      genuine: false,
      reason: 'digest-mismatch',
    });
  });

  it('sets a long extract smaller to keep it on one page, and refuses one that cannot fit', async () => {
    const facts = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        label: `Thông tin thứ ${i + 1}`,
        value: i % 3 ? 'Nguyễn Thị Ánh Dương' : 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội, Việt Nam',
      }));
    const long = await fileOf('long.pdf', await renderDocument({ ...extract, facts: facts(18) }));
    expect((await run('pdfinfo', [long])).stdout).toMatch(/Pages:\s+1\n/);
    expect((await run('pdftotext', [long, '-'])).stdout).toContain('Thông tin thứ 18');
    await expect(renderDocument({ ...extract, facts: facts(40) })).rejects.toThrow(/do not fit on one A4 page/);
    const items = Array.from({ length: 30 }, () => receipt.items[1]);
    await expect(renderReceipt({ ...receipt, items })).rejects.toThrow(/do not fit on one A4 page/);
  });

  it('renders the same bytes from the same content and creation date', async () => {
    const createdAt = new Date('2026-12-02T03:04:05Z');
    expect((await renderDocument(extract, { createdAt })).equals(await renderDocument(extract, { createdAt }))).toBe(
      true,
    );
    expect((await renderReceipt(receipt, { createdAt })).equals(await renderReceipt(receipt, { createdAt }))).toBe(
      true,
    );
  });

  it('carries a QR code that leads to the verification page', async () => {
    expect(await qrOf(await fileOf('extract.pdf', signedExtract))).toBe(extract.verifyUrl);
    expect(await qrOf(await fileOf('receipt.pdf', signedReceipt))).toBe(receipt.verifyUrl);
  });
});
