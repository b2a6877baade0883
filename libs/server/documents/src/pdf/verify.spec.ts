import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createCertificateAuthority, issueSigningCertificate } from './certificates';
import { signPdf } from './sign';
import { verifyPdf } from './verify';

const ca = createCertificateAuthority({
  commonName: 'CA Chính phủ (thử nghiệm)',
  organisation: 'Ban Cơ yếu Chính phủ',
});
const ward = issueSigningCertificate(ca, {
  commonName: 'Phường Ba Đình',
  organisation: 'Uỷ ban nhân dân Thành phố Hà Nội',
  unitCode: '00004',
});
const trust = { caCertificatePem: ca.certificatePem };
// Now, to the second: the certificates below are made now, and a signature from before they were valid would be refused.
const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
const meta = {
  reason: 'Ký trích lục khai sinh',
  location: 'Phường Ba Đình, Thành phố Hà Nội',
  name: 'Lê Văn Cường',
  contactInfo: 'badinh@hanoi.gov.vn',
  signedAt,
};

/** A small PDF made in memory (pdf-lib's standard font: no files read). */
async function unsignedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('TRICH LUC KHAI SINH - So: 123/2026/TLKS-BS', { x: 60, y: 760, size: 14, font });
  page.drawText('Ho, chu dem, ten: Nguyen Thi Anh Duong', { x: 60, y: 720, size: 12, font });
  doc.setCreationDate(signedAt);
  doc.setModificationDate(signedAt);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The document with one byte at `index` replaced. */
function withByte(pdf: Buffer, index: number, value: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[index] = value;
  return copy;
}

/** The ByteRange as written, and its four numbers. */
function byteRangeOf(pdf: Buffer): { text: string; numbers: number[] } {
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no ByteRange');
  return { text: match[0], numbers: match.slice(1).map(Number) };
}

/** Where the signature's hex string is, from the ByteRange. */
function contentsOf(pdf: Buffer): { start: number; end: number } {
  const [a, b, c] = byteRangeOf(pdf).numbers;
  return { start: a + b + 1, end: c - 1 };
}

let unsigned: Buffer;
let signed: Buffer;

beforeAll(async () => {
  unsigned = await unsignedPdf();
  signed = await signPdf(unsigned, ward, meta);
});

describe('verifying a signed document from its bytes', () => {
  it("finds a freshly signed document genuine, signed by the ward's certificate", () => {
    const result = verifyPdf(signed, trust);
    expect(result).toEqual({
      genuine: true,
      signerCommonName: 'Phường Ba Đình',
      signerOrganisation: 'Uỷ ban nhân dân Thành phố Hà Nội',
      signerUnitCode: '00004',
      signerFingerprint: ward.fingerprint,
      signedAt,
      fileSha256: createHash('sha256').update(signed).digest('hex'),
    });
  });

  it('writes a PAdES signature dictionary: ETSI.CAdES.detached, the reason and location as UTF-16 text', () => {
    const text = signed.toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain('/Filter /Adobe.PPKLite');
    const utf16 = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
    expect(text).toContain(`/Reason ${utf16(meta.reason)}`);
    expect(text).toContain(`/Location ${utf16(meta.location)}`);
    expect(text).toContain(`/Name ${utf16(meta.name)}`);
    expect(text).toContain(`/ContactInfo ${utf16(meta.contactInfo)}`);
    expect(text).toContain(`/M (D:${signedAt.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`);
    // No widget: the signature field is on no page.
    expect(text).not.toContain('/Subtype /Widget');
  });

  it('honours pinned fingerprints', () => {
    expect(verifyPdf(signed, { ...trust, pinnedFingerprints: [ward.fingerprint.toUpperCase()] }).genuine).toBe(true);
    expect(verifyPdf(signed, { ...trust, pinnedFingerprints: ['00'.repeat(32)] })).toMatchObject({
      genuine: false,
      reason: 'untrusted-certificate',
    });
  });

  it('finds a document with one byte of its content changed not genuine (digest-mismatch)', () => {
    const { start } = contentsOf(signed);
    // The header, the page, the signature's reason (in the signed dictionary) and the trailer.
    const reason = signed.toString('latin1').indexOf('/Reason <FEFF') + 20;
    for (const index of [20, Math.floor(start / 2), reason, signed.length - 10]) {
      const changed = withByte(signed, index, signed[index] ^ 0x01);
      expect(verifyPdf(changed, trust)).toMatchObject({ genuine: false, reason: 'digest-mismatch' });
    }
  });

  it('finds a changed ByteRange not covering the whole file', () => {
    const text = signed.toString('latin1');
    const range = byteRangeOf(signed);
    const [a, b, c, d] = range.numbers;
    for (const other of [
      `/ByteRange [${a} ${b - 1} ${c} ${d}]`,
      `/ByteRange [${a} ${b} ${c} ${d - 1}]`,
      `/ByteRange [${a} ${b} ${c + 1} ${d - 1}]`,
    ]) {
      const changed = Buffer.from(text.replace(range.text, other.padEnd(range.text.length, ' ')), 'latin1');
      expect(verifyPdf(changed, trust)).toMatchObject({ genuine: false, reason: 'not-whole-file' });
    }
  });

  it('finds a changed signing time in the signed attributes a bad signature', () => {
    const { start, end } = contentsOf(signed);
    // The UTCTime (YYMMDDhhmmssZ), as hex inside /Contents.
    const utcTime = `${signedAt.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`;
    const time = Buffer.from(utcTime).toString('hex');
    const at = signed.toString('latin1').indexOf(time, start);
    expect(at).toBeGreaterThan(start);
    expect(at).toBeLessThan(end);
    // The last second's digit, as hex: its low nibble changed ('5', hex 35, becomes hex 34 …).
    const digit = at + time.length - 3;
    const changed = signed[digit] === '0'.charCodeAt(0) ? '1' : '0';
    expect(verifyPdf(withByte(signed, digit, changed.charCodeAt(0)), trust)).toMatchObject({
      genuine: false,
      reason: 'bad-signature',
    });
  });

  it('finds a changed message digest in the signed attributes a digest mismatch', () => {
    const { start } = contentsOf(signed);
    const [a, b, c, d] = byteRangeOf(signed).numbers;
    const digest = createHash('sha256')
      .update(Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]))
      .digest('hex');
    const at = signed.toString('latin1').indexOf(digest, start);
    expect(at).toBeGreaterThan(start);
    const changed = withByte(signed, at + 10, signed[at + 10] === 0x30 ? 0x31 : 0x30);
    expect(verifyPdf(changed, trust)).toMatchObject({ genuine: false, reason: 'digest-mismatch' });
  });

  it("finds the signer's signature value changed a bad signature", () => {
    const cms = contentsOf(signed);
    const hex = signed.toString('latin1', cms.start, cms.end).replace(/(00)+$/, '');
    // The RSA signature is the CMS's last 256 bytes.
    const index = cms.start + hex.length - 20;
    const changed = withByte(signed, index, signed[index] === 0x61 ? 0x62 : 0x61);
    expect(verifyPdf(changed, trust)).toMatchObject({ genuine: false, reason: 'bad-signature' });
  });

  it('finds a document signed with a certificate from another CA untrusted', async () => {
    const other = createCertificateAuthority({
      commonName: 'CA Chính phủ (thử nghiệm)',
      organisation: 'Ban Cơ yếu Chính phủ',
    });
    const impostor = issueSigningCertificate(other, {
      commonName: 'Phường Ba Đình',
      organisation: 'Uỷ ban nhân dân Thành phố Hà Nội',
      unitCode: '00004',
    });
    const forged = await signPdf(unsigned, impostor, meta);
    expect(verifyPdf(forged, { caCertificatePem: other.certificatePem }).genuine).toBe(true);
    expect(verifyPdf(forged, trust)).toMatchObject({ genuine: false, reason: 'untrusted-certificate' });
    expect(verifyPdf(forged, trust).signerCommonName).toBeUndefined();
  });

  it('finds a document signed with the CA itself, not a ward, untrusted', async () => {
    const byCa = await signPdf(unsigned, ca, meta);
    expect(verifyPdf(byCa, trust)).toMatchObject({ genuine: false, reason: 'untrusted-certificate' });
  });

  it('finds bytes added after the signature not covered (not-whole-file)', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n(changed)\nendobj\n')]);
    expect(verifyPdf(appended, trust)).toMatchObject({ genuine: false, reason: 'not-whole-file' });
  });

  it('answers no-signature for an unsigned PDF and malformed for bytes that are no PDF', () => {
    expect(verifyPdf(unsigned, trust)).toMatchObject({ genuine: false, reason: 'no-signature' });
    const noise = randomBytes(4096);
    expect(verifyPdf(noise, trust)).toEqual({
      genuine: false,
      reason: 'malformed',
      fileSha256: createHash('sha256').update(noise).digest('hex'),
    });
    expect(verifyPdf(Buffer.alloc(0), trust)).toMatchObject({ genuine: false, reason: 'malformed' });
    expect(verifyPdf(undefined as unknown as Buffer, trust)).toMatchObject({ genuine: false, reason: 'malformed' });
  });

  it('answers malformed for a signature that is no CMS, never throwing', () => {
    const { start, end } = contentsOf(signed);
    const noise = Buffer.from(signed);
    noise.write(randomBytes((end - start) / 2).toString('hex'), start, 'latin1');
    expect(verifyPdf(noise, trust)).toMatchObject({ genuine: false, reason: 'malformed' });
    const zeroed = Buffer.from(signed);
    zeroed.fill('0', start, end);
    expect(verifyPdf(zeroed, trust)).toMatchObject({ genuine: false, reason: 'malformed' });
    expect(verifyPdf(signed, { caCertificatePem: 'not a certificate' })).toMatchObject({
      genuine: false,
      reason: 'untrusted-certificate',
    });
  });
});
