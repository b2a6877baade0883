import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * What the portal's documents share: an A4 page with Be Vietnam Pro embedded (the standard PDF
 * fonts have no Vietnamese letters beyond Latin-1, nor ₫), the two-column heading every
 * administrative document opens with (Decree 30/2020: the issuing body on the left, the national
 * heading and motto on the right), and the QR code that leads to the portal's verification page.
 */

export const FONT = { regular: 'BeVietnamPro-Regular', bold: 'BeVietnamPro-Bold' } as const;

declare const __non_webpack_require__: NodeJS.Require | undefined;
/**
 * Node's own require, to find the font files at run time: the API and the worker are webpack
 * bundles, and webpack would take a plain require.resolve() of the fonts for a request to bundle
 * every file of the font package (and fail on the first .ttf).
 */
const nodeRequire: NodeJS.Require =
  typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : createRequire(__filename);

const fontFile = (weight: string) =>
  nodeRequire.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`);

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The font files, read once per process. */
function fontData(): { regular: Buffer; bold: Buffer } {
  fonts ??= { regular: readFileSync(fontFile('400Regular')), bold: readFileSync(fontFile('700Bold')) };
  return fonts;
}

export const PAGE = { width: 595.28, height: 841.89, left: 62, right: 45, top: 40, bottom: 30 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface PageInfo {
  title: string;
  author: string;
  subject: string;
  createdAt?: Date;
}

export function newPage(info: PageInfo): PDFKit.PDFDocument {
  const createdAt = info.createdAt ?? new Date();
  const { regular, bold } = fontData();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    // Be Vietnam Pro from the start: the standard Helvetica is never loaded, nor embedded.
    font: fontFile('400Regular'),
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'Cổng Dịch vụ công',
      Producer: 'Cổng Dịch vụ công (PDFKit)',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  doc.registerFont(FONT.regular, regular);
  doc.registerFont(FONT.bold, bold);
  doc.font(FONT.regular);
  return doc;
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** Centred text in a column, returning the y below it. */
export function centred(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  font: string,
  size: number,
): number {
  doc.font(font).fontSize(size).text(text, x, y, { width, align: 'center' });
  return doc.y;
}

/** A short rule centred under a column's last line. */
function rule(doc: PDFKit.PDFDocument, centreX: number, y: number, width: number): void {
  doc
    .moveTo(centreX - width / 2, y)
    .lineTo(centreX + width / 2, y)
    .lineWidth(0.6)
    .strokeColor('#000000')
    .stroke();
}

export const LEFT_COLUMN = { x: PAGE.left - 22, width: 230 };
export const RIGHT_COLUMN = { x: 262, width: PAGE.width - PAGE.right - 262 + 10 };

/**
 * The heading: the ward (its province above, then "UỶ BAN NHÂN DÂN" and the ward's name) on the
 * left, the national heading and the motto, underlined, on the right. Returns the y below it.
 */
export function heading(doc: PDFKit.PDFDocument, unitName: string, provinceName: string): number {
  const top = PAGE.top;
  const left = LEFT_COLUMN;
  let y = centred(doc, upper(provinceName), left.x, top, left.width, FONT.regular, 11);
  y = centred(doc, 'UỶ BAN NHÂN DÂN', left.x, y, left.width, FONT.bold, 11.5);
  y = centred(doc, upper(unitName), left.x, y, left.width, FONT.bold, 11.5);
  rule(doc, left.x + left.width / 2, y + 3, 70);
  const leftBottom = y + 3;

  const right = RIGHT_COLUMN;
  y = centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right.x, top, right.width, FONT.bold, 11.5);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  y = centred(doc, motto, right.x, y + 1, right.width, FONT.bold, 12.5);
  rule(doc, right.x + right.width / 2, y + 2, doc.font(FONT.bold).fontSize(12.5).widthOfString(motto));
  return Math.max(leftBottom, y + 2);
}

/** The verification QR code (PNG from `qrcode`), the code printed under it, and the address. Returns the y below. */
export async function qrBlock(
  doc: PDFKit.PDFDocument,
  verifyUrl: string,
  verificationCode: string,
  x: number,
  y: number,
): Promise<number> {
  const size = 96;
  const png = await QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  doc.image(png, x, y, { width: size, height: size });
  const width = 200;
  const textX = x - (width - size) / 2;
  let below = centred(doc, `Mã tra cứu: ${verificationCode}`, textX, y + size + 2, width, FONT.bold, 9.5);
  below = centred(doc, verifyUrl, textX, below, width, FONT.regular, 7.5);
  return below;
}

/** The finished file. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export { upper };
