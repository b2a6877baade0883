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
  for (const fact of content.facts) {
    doc.font(FONT.regular).fontSize(12).text(`${fact.label}: `, PAGE.left, doc.y, {
      width: CONTENT_WIDTH,
      continued: true,
      lineGap: 3,
    });
    doc.font(FONT.bold).text(fact.value, { lineGap: 3 });
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
