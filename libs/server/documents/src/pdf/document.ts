import {
  CONTENT_WIDTH,
  FONT,
  LEFT_COLUMN,
  PAGE,
  RIGHT_COLUMN,
  centred,
  heading,
  newPage,
  qrBlock,
  toBuffer,
} from './page';

/**
 * An electronic result (a civil-status extract, a certificate) as one A4 page: the heading, the
 * number and book, the title, the facts as "label: value" lines, then the place and date and the
 * signer on the right with the verification QR code on the left. The page carries no signature
 * image: the result is signed digitally (signPdf), which the "(Đã ký số)" note says.
 */

export interface DocumentContent {
  unitName: string;
  provinceName: string;
  title: string;
  subtitle?: string;
  documentNumber: string;
  book?: string;
  facts: Array<{ label: string; value: string }>;
  placeAndDate: string;
  signer: { name: string; title: string };
  verifyUrl: string;
  verificationCode: string;
  footnote?: string;
}

export const DIGITALLY_SIGNED_NOTE = '(Đã ký số)';

const LINE_GAP = 3;
/** Room the place and date, the signer and the QR code take below the facts (measured: about 140 pt). */
const SIGNATURE_BLOCK = 160;
/** Font sizes the facts may take, largest first: a long extract is set smaller, never onto a second page. */
const FACT_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9];

/** The largest size at which the facts fit on the page above the signature; a RangeError when none does. */
function factSize(doc: PDFKit.PDFDocument, content: DocumentContent, top: number): number {
  doc.font(FONT.regular).fontSize(9);
  const footnote = content.footnote ? 24 + doc.heightOfString(content.footnote, { width: CONTENT_WIDTH }) : 0;
  const room = PAGE.height - PAGE.bottom - top - SIGNATURE_BLOCK - footnote;
  for (const size of FACT_SIZES) {
    // Measured all in bold, the wider of the two weights, so that the estimate is never short.
    doc.font(FONT.bold).fontSize(size);
    const height = content.facts.reduce(
      (sum, fact) =>
        sum +
        doc.heightOfString(`${fact.label}: ${fact.value}`, { width: CONTENT_WIDTH, lineGap: LINE_GAP }) +
        0.25 * doc.currentLineHeight(true),
      0,
    );
    // A tenth more for the label and the value wrapping apart (regular, then bold).
    if (height * 1.1 <= room) return size;
  }
  throw new RangeError(`The document's ${content.facts.length} facts do not fit on one A4 page`);
}

export async function renderDocument(content: DocumentContent, options: { createdAt?: Date } = {}): Promise<Buffer> {
  const doc = newPage({
    title: `${content.title} – ${content.documentNumber}`,
    author: `Uỷ ban nhân dân ${content.unitName}`,
    subject: content.subtitle ? `${content.title} ${content.subtitle}` : content.title,
    createdAt: options.createdAt,
  });

  let y = heading(doc, content.unitName, content.provinceName);
  y = centred(doc, content.documentNumber, LEFT_COLUMN.x, y + 8, LEFT_COLUMN.width, FONT.regular, 11);
  if (content.book) y = centred(doc, content.book, LEFT_COLUMN.x, y, LEFT_COLUMN.width, FONT.regular, 11);

  y = centred(doc, content.title, PAGE.left, y + 22, CONTENT_WIDTH, FONT.bold, 15);
  if (content.subtitle) y = centred(doc, content.subtitle, PAGE.left, y + 1, CONTENT_WIDTH, FONT.regular, 11.5);

  doc.x = PAGE.left;
  doc.y = y + 18;
  const size = factSize(doc, content, doc.y);
  for (const fact of content.facts) {
    doc.font(FONT.regular).fontSize(size).text(`${fact.label}: `, PAGE.left, doc.y, {
      width: CONTENT_WIDTH,
      continued: true,
      lineGap: LINE_GAP,
    });
    doc.font(FONT.bold).text(fact.value, { lineGap: LINE_GAP });
    doc.moveDown(0.25);
  }

  const blockTop = doc.y + 20;
  let signY = centred(doc, content.placeAndDate, RIGHT_COLUMN.x, blockTop, RIGHT_COLUMN.width, FONT.regular, 11.5);
  signY = centred(doc, content.signer.title, RIGHT_COLUMN.x, signY + 2, RIGHT_COLUMN.width, FONT.bold, 12);
  signY = centred(doc, DIGITALLY_SIGNED_NOTE, RIGHT_COLUMN.x, signY + 2, RIGHT_COLUMN.width, FONT.regular, 10.5);
  signY = centred(doc, content.signer.name, RIGHT_COLUMN.x, signY + 40, RIGHT_COLUMN.width, FONT.bold, 12);

  const qrBottom = await qrBlock(doc, content.verifyUrl, content.verificationCode, PAGE.left + 30, blockTop + 4);

  if (content.footnote) {
    const footY = Math.max(signY, qrBottom) + 24;
    doc.font(FONT.regular).fontSize(9).text(content.footnote, PAGE.left, footY, { width: CONTENT_WIDTH });
  }
  return toBuffer(doc);
}
