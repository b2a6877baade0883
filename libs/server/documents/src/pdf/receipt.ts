import { amountInWords, formatVnd } from './amount-in-words';
import { DIGITALLY_SIGNED_NOTE } from './document';
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
  upper,
} from './page';

/**
 * The electronic receipt for fees and charges (biên lai thu phí, lệ phí điện tử) a citizen gets
 * once a dossier's fee is paid: who paid, an itemised table, the total in figures and in words,
 * what the payment was (the portal's reference, the gateway's transaction and bank) and the
 * verification QR code. The amounts are whole đồng; the caller formats the payment's date.
 */

export interface ReceiptContent {
  unitName: string;
  provinceName: string;
  receiptNumber: string;
  payer: { name: string; address?: string };
  items: Array<{ label: string; quantity: number; unitAmount: number; amount: number }>;
  total: number;
  paidAt: string;
  paymentReference: string;
  transactionNo?: string;
  bankCode?: string;
  dossierCode: string;
  verifyUrl: string;
  verificationCode: string;
}

export const RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ';

/** Columns of the items table: x offset from the left margin, width, alignment. */
const COLUMNS = [
  { header: 'STT', width: 32, align: 'center' },
  { header: 'Nội dung', width: 218, align: 'left' },
  { header: 'Số lượng', width: 56, align: 'center' },
  { header: 'Đơn giá', width: 90, align: 'right' },
  { header: 'Thành tiền', width: CONTENT_WIDTH - 32 - 218 - 56 - 90, align: 'right' },
] as const;

const PADDING = 4;
/** What comes under the table: the total, five lines of payment, the signature and the QR code. */
const BELOW_TABLE = 22 + 8 + 5 * 21 + 18 + 135;

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], font: string): number {
  doc.font(font).fontSize(10.5);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell, { width: COLUMNS[i].width - 2 * PADDING, align: COLUMNS[i].align }),
  );
  return Math.max(...heights) + 2 * PADDING;
}

function row(doc: PDFKit.PDFDocument, cells: string[], y: number, font: string): number {
  const padding = PADDING;
  const height = rowHeight(doc, cells, font);
  let x = PAGE.left;
  cells.forEach((cell, i) => {
    const column = COLUMNS[i];
    doc.rect(x, y, column.width, height).lineWidth(0.6).strokeColor('#000000').stroke();
    doc.text(cell, x + padding, y + padding, { width: column.width - 2 * padding, align: column.align });
    x += column.width;
  });
  return y + height;
}

function line(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.font(FONT.regular).fontSize(11.5).text(`${label}: `, PAGE.left, doc.y, { width: CONTENT_WIDTH, continued: true });
  doc.font(FONT.bold).text(value);
  doc.moveDown(0.2);
}

export async function renderReceipt(content: ReceiptContent, options: { createdAt?: Date } = {}): Promise<Buffer> {
  const doc = newPage({
    title: `${RECEIPT_TITLE} – ${content.receiptNumber}`,
    author: `Uỷ ban nhân dân ${content.unitName}`,
    subject: `Biên lai thu phí, lệ phí điện tử của hồ sơ ${content.dossierCode}`,
    createdAt: options.createdAt,
  });

  let y = heading(doc, content.unitName, content.provinceName);
  y = centred(doc, content.receiptNumber, LEFT_COLUMN.x, y + 8, LEFT_COLUMN.width, FONT.regular, 11);
  y = centred(doc, RECEIPT_TITLE, PAGE.left, y + 22, CONTENT_WIDTH, FONT.bold, 15);
  y = centred(doc, '(Biên lai điện tử)', PAGE.left, y + 1, CONTENT_WIDTH, FONT.regular, 11.5);

  doc.y = y + 16;
  line(doc, 'Đơn vị thu', `Uỷ ban nhân dân ${content.unitName}, ${content.provinceName}`);
  line(doc, 'Người nộp', content.payer.name);
  if (content.payer.address) line(doc, 'Địa chỉ', content.payer.address);
  line(doc, 'Mã hồ sơ', content.dossierCode);

  const rows = content.items.map((item, i) => [
    String(i + 1),
    item.label,
    String(item.quantity),
    formatVnd(item.unitAmount),
    formatVnd(item.amount),
  ]);
  // The table and all that comes under it stay on the one page, or the receipt is refused.
  const header = COLUMNS.map((c) => c.header);
  const tableHeight = [header, ...rows].reduce(
    (sum, cells, i) => sum + rowHeight(doc, cells, i ? FONT.regular : FONT.bold),
    0,
  );
  if (doc.y + 8 + tableHeight + BELOW_TABLE > PAGE.height - PAGE.bottom) {
    throw new RangeError(`The receipt's ${content.items.length} items do not fit on one A4 page`);
  }
  y = row(doc, header, doc.y + 8, FONT.bold);
  for (const cells of rows) y = row(doc, cells, y, FONT.regular);
  const totalHeight = 22;
  const labelWidth = CONTENT_WIDTH - COLUMNS[4].width;
  doc.rect(PAGE.left, y, labelWidth, totalHeight).lineWidth(0.6).stroke();
  doc
    .rect(PAGE.left + labelWidth, y, COLUMNS[4].width, totalHeight)
    .lineWidth(0.6)
    .stroke();
  doc
    .font(FONT.bold)
    .fontSize(10.5)
    .text('Tổng cộng', PAGE.left + 4, y + 5, { width: labelWidth - 8, align: 'right' });
  doc.text(formatVnd(content.total), PAGE.left + labelWidth + 4, y + 5, {
    width: COLUMNS[4].width - 8,
    align: 'right',
  });
  doc.y = y + totalHeight + 8;

  line(doc, 'Bằng chữ', amountInWords(content.total));
  line(doc, 'Thời gian thanh toán', content.paidAt);
  line(doc, 'Mã thanh toán', content.paymentReference);
  if (content.transactionNo) line(doc, 'Mã giao dịch cổng thanh toán', content.transactionNo);
  if (content.bankCode) line(doc, 'Ngân hàng', content.bankCode);

  const blockTop = doc.y + 18;
  let signY = centred(doc, 'ĐƠN VỊ THU', RIGHT_COLUMN.x, blockTop, RIGHT_COLUMN.width, FONT.bold, 12);
  signY = centred(doc, DIGITALLY_SIGNED_NOTE, RIGHT_COLUMN.x, signY + 2, RIGHT_COLUMN.width, FONT.regular, 10.5);
  centred(
    doc,
    `UỶ BAN NHÂN DÂN ${upper(content.unitName)}`,
    RIGHT_COLUMN.x,
    signY + 30,
    RIGHT_COLUMN.width,
    FONT.bold,
    11,
  );
  await qrBlock(doc, content.verifyUrl, content.verificationCode, PAGE.left + 30, blockTop + 4);
  return toBuffer(doc);
}
