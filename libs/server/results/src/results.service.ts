import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  paperOrderOf,
  registryRecordOf,
  resultOf,
  todayInVietnam,
  type FeeLine,
  type ResultFact,
  type SessionUser,
} from '@portal/contracts';
import { applySystemTransition, DossierNotFound, readerScope, tellApplicant } from '@portal/server/dossiers';
import { renderDocument, renderReceipt, signPdf, verifyPdf, type Verification } from '@portal/server/documents';
import { audit } from '@portal/server/identity';
import { APP_CONFIG, NotFound, RequestLimit, type AppConfig } from '@portal/server/platform';
import { createHash, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { recordAtRegistry } from './registry-client';
import { SigningKeys } from './signing-keys';

/** Checks of documents from one address per quarter hour. */
const VERIFICATIONS_PER_ADDRESS = 60;

export class ResultNotReady extends NotFound {
  constructor() {
    super('RESULT_NOT_READY', {
      vi: 'Kết quả điện tử của hồ sơ này chưa có.',
      en: 'The electronic result of this dossier is not ready yet.',
    });
  }
}

export class DocumentNotFound extends NotFound {
  constructor() {
    super('DOCUMENT_NOT_FOUND', {
      vi: 'Không có văn bản nào mang mã kiểm tra này. Vui lòng kiểm tra lại mã in dưới mã QR.',
      en: 'No document carries this verification code. Please check the code printed under the QR code.',
    });
  }
}

/** What `/verify/:code` says of a document. */
export interface VerificationView {
  verificationCode: string;
  genuine: true;
  kind: 'result' | 'receipt';
  title: string;
  documentNumber: string;
  issuer: string;
  province: string;
  signerName: string;
  signerTitle: string;
  signedAt: string;
  certifies: ResultFact[];
}

/** What checking a file's bytes against the record says. */
export interface FileCheck {
  verificationCode: string;
  genuine: boolean;
  /** Why not: `different-file` (not the bytes issued), or the signature's own reason. */
  reason?: string;
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `K7M2-Q9XD`: 40 random bits in Crockford's base 32, easy to read out and type. */
function verificationCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(32)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function placeAndDate(unitName: string, day: string): string {
  const [y, m, d] = day.split('-');
  const place = unitName.replace(/^(Phường|Xã|Đặc khu|Thị trấn)\s+/u, '');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * The signed electronic result of a dossier: issued in the worker when the leader
 * signs (the procedure's plug-in gives the document's title and facts, the
 * population registry the personal ID number), kept once per dossier, downloaded
 * by the citizen (the dossier is then returned) and the ward, and verified by
 * anyone from its code or its bytes.
 */
@Injectable()
export class ResultsService {
  private readonly logger = new Logger('Results');
  private readonly verifications: RequestLimit;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeys,
  ) {
    this.verifications = new RequestLimit(dataSource, 'verify', VERIFICATIONS_PER_ADDRESS);
  }

  /**
   * Issues the result of a signed dossier, once. The registry is asked first (it
   * answers the same number for the same dossier, so a job run again or after a
   * crash gets the same one); then, holding the dossier's row lock, the number in
   * the ward's book is taken, the PDF made and signed and stored — or, if another
   * run got there first, nothing is done.
   */
  async issue(dossierId: string): Promise<{ issued: boolean; verificationCode?: string }> {
    const [dossier] = await this.dataSource.query(
      `SELECT d.id, d.code, d.procedure_code, d.unit_code, d.status, d.data,
              (SELECT 1 FROM dossier_result r WHERE r.dossier_id = d.id) AS done
         FROM dossier d WHERE d.id = $1`,
      [dossierId],
    );
    if (!dossier || dossier.done || !['processed', 'returned'].includes(dossier.status)) return { issued: false };
    const signer = await this.keys.forUnit(dossier.unit_code);
    const { personalId } = await recordAtRegistry(
      { url: this.config.POPULATION_REGISTRY_URL, token: this.config.POPULATION_REGISTRY_TOKEN },
      dossier.code,
      signer.provinceCode,
      registryRecordOf(dossier.procedure_code, dossier.data),
    );

    return this.dataSource.transaction(async (manager) => {
      // The lock first, then a fresh look: a run that waited for it sees what the run before it wrote.
      await manager.query(`SELECT id FROM dossier WHERE id = $1 FOR UPDATE`, [dossierId]);
      const [locked] = await manager.query(
        `SELECT d.id, (SELECT 1 FROM dossier_result r WHERE r.dossier_id = d.id) AS done,
                (SELECT u.full_name FROM dossier_event e JOIN app_user u ON u.id = e.actor_id
                  WHERE e.dossier_id = d.id AND e.action = 'sign' ORDER BY e.id DESC LIMIT 1) AS leader,
                (SELECT e.occurred_at FROM dossier_event e
                  WHERE e.dossier_id = d.id AND e.action = 'sign' ORDER BY e.id DESC LIMIT 1) AS signed_at
           FROM dossier d WHERE d.id = $1`,
        [dossierId],
      );
      if (locked.done) return { issued: false };
      const signedAt = locked.signed_at ? new Date(locked.signed_at) : new Date();
      const day = todayInVietnam(signedAt);
      const year = Number(day.slice(0, 4));
      const document = resultOf(dossier.procedure_code, dossier.data, { personalId, registeredOn: day });
      const [{ last }] = await manager.query(
        `INSERT INTO result_number_counter (unit_code, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (unit_code, year) DO UPDATE SET last = result_number_counter.last + 1 RETURNING last`,
        [dossier.unit_code, year],
      );
      const documentNumber = `${last}/${year}/${document.numberSuffix}`;
      const book = `01/${year}`;
      const code = verificationCode();
      const verifyUrl = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/verify/${code}`;
      const signerName = locked.leader ?? 'Chủ tịch Ủy ban nhân dân';
      const signerTitle = 'CHỦ TỊCH';
      const pdf = await renderDocument(
        {
          unitName: signer.unitName,
          provinceName: signer.provinceName,
          title: document.title,
          subtitle: '(Bản điện tử)',
          documentNumber: `Số: ${documentNumber}`,
          book: `Quyển số: ${book}`,
          facts: document.facts,
          placeAndDate: placeAndDate(signer.unitName, day),
          signer: { name: signerName, title: signerTitle },
          verifyUrl,
          verificationCode: code,
          footnote: `Hồ sơ ${dossier.code}. Văn bản điện tử ký số; kiểm tra tính xác thực tại ${verifyUrl}`,
        },
        { createdAt: signedAt },
      );
      const signed = await signPdf(pdf, signer, {
        reason: `${document.title} số ${documentNumber}`,
        location: `${signer.unitName}, ${signer.provinceName}`,
        name: `Ủy ban nhân dân ${signer.unitName}`,
        signedAt,
      });
      await manager.query(
        `INSERT INTO dossier_result (dossier_id, verification_code, document_number, book, personal_id, title, summary,
                                     content, sha256, signer_fingerprint, signer_name, signer_title, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          dossierId,
          code,
          documentNumber,
          book,
          personalId,
          document.title,
          JSON.stringify(document.summary),
          signed,
          sha256(signed),
          signer.fingerprint,
          signerName,
          signerTitle,
          signedAt,
        ],
      );
      // Ordered paper copies, or post: onto the ward's print list, to print from this signed file.
      const paper = paperOrderOf(dossier.procedure_code, dossier.data);
      if (paper)
        await manager.query(
          `INSERT INTO paper_delivery (dossier_id, unit_code, copies, method, postal_address) VALUES ($1, $2, $3, $4, $5)`,
          [dossierId, dossier.unit_code, paper.copies, paper.method, paper.postalAddress],
        );
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_role, action, details) VALUES ($1, 'system', 'result-issued', $2)`,
        [
          dossierId,
          JSON.stringify({
            documentNumber,
            verificationCode: code,
            personalIdAssigned: !!personalId,
            ...(paper ? { paperCopies: paper.copies, paperMethod: paper.method } : {}),
          }),
        ],
      );
      await audit(manager, {
        actorId: null,
        action: 'result.issued',
        targetType: 'dossier',
        targetId: dossierId,
        details: { documentNumber, verificationCode: code },
      });
      await tellApplicant(manager, dossierId, this.config.PUBLIC_URL, { change: 'result_ready' });
      return { issued: true, verificationCode: code };
    });
  }

  /**
   * The signed electronic receipt of a successful payment, once: the payer, the items, the amount in
   * figures and words, the payment reference and the gateway's transaction, signed by the dossier's ward.
   * With `tell`, the applicant is e-mailed that the fee is received, the receipt attached (in the same
   * transaction: a run again finds the receipt and sends nothing).
   */
  async issueReceipt(
    paymentId: string,
    options: { tell?: boolean } = {},
  ): Promise<{ issued: boolean; verificationCode?: string }> {
    const [payment] = await this.dataSource.query(
      `SELECT p.id, p.reference, p.amount, p.items, p.transaction_no, p.bank_code, p.paid_at, p.state,
              d.id AS dossier_id, d.code, d.unit_code, d.applicant_name,
              (SELECT 1 FROM payment_receipt r WHERE r.payment_id = p.id) AS done
         FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE p.id = $1`,
      [paymentId],
    );
    if (!payment || payment.done || !['succeeded', 'refunded'].includes(payment.state)) return { issued: false };
    const signer = await this.keys.forUnit(payment.unit_code);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM payment WHERE id = $1 FOR UPDATE`, [paymentId]);
      const [again] = await manager.query(`SELECT 1 FROM payment_receipt WHERE payment_id = $1`, [paymentId]);
      if (again) return { issued: false };
      const paidAt = new Date(payment.paid_at ?? Date.now());
      const day = todayInVietnam(paidAt);
      const [{ n }] = await manager.query(`SELECT nextval('receipt_number_seq') AS n`);
      const receiptNumber = `BL-${day.slice(0, 4)}-${String(n).padStart(6, '0')}`;
      const code = verificationCode();
      const verifyUrl = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/verify/${code}`;
      const vnTime = new Date(paidAt.getTime() + 7 * 3600_000).toISOString();
      const pdf = await renderReceipt(
        {
          unitName: signer.unitName,
          provinceName: signer.provinceName,
          receiptNumber: `Số: ${receiptNumber}`,
          payer: { name: payment.applicant_name ?? '—' },
          items: (payment.items as FeeLine[]).map((line) => ({
            label: line.label.vi,
            quantity: line.quantity,
            unitAmount: line.unitAmount,
            amount: line.amount,
          })),
          total: payment.amount,
          paidAt: `${vnTime.slice(11, 16)} ngày ${vnTime.slice(8, 10)}/${vnTime.slice(5, 7)}/${vnTime.slice(0, 4)}`,
          paymentReference: payment.reference,
          ...(payment.transaction_no ? { transactionNo: payment.transaction_no } : {}),
          ...(payment.bank_code ? { bankCode: payment.bank_code } : {}),
          dossierCode: payment.code,
          verifyUrl,
          verificationCode: code,
        },
        { createdAt: paidAt },
      );
      const signed = await signPdf(pdf, signer, {
        reason: `Biên lai thu phí, lệ phí số ${receiptNumber}`,
        location: `${signer.unitName}, ${signer.provinceName}`,
        name: `Ủy ban nhân dân ${signer.unitName}`,
        signedAt: paidAt,
      });
      await manager.query(
        `INSERT INTO payment_receipt (payment_id, verification_code, receipt_number, content, sha256, signed_at,
                                      signer_fingerprint, summary, issuer_unit)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          paymentId,
          code,
          receiptNumber,
          signed,
          sha256(signed),
          paidAt,
          signer.fingerprint,
          JSON.stringify([
            { label: 'Hồ sơ', value: payment.code },
            { label: 'Người nộp', value: payment.applicant_name ?? '—' },
            { label: 'Số tiền', value: `${String(payment.amount).replace(/\B(?=(\d{3})+$)/g, '.')} ₫` },
          ]),
          payment.unit_code,
        ],
      );
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_role, action, details) VALUES ($1, 'system', 'receipt-issued', $2)`,
        [payment.dossier_id, JSON.stringify({ receiptNumber, payment: payment.reference })],
      );
      await audit(manager, {
        actorId: null,
        action: 'receipt.issued',
        targetType: 'payment',
        targetId: payment.reference,
        details: { receiptNumber, verificationCode: code },
      });
      if (options.tell)
        await tellApplicant(manager, payment.dossier_id, this.config.PUBLIC_URL, {
          change: 'payment_received',
          amount: payment.amount,
          attachments: [{ fileName: `${receiptNumber}.pdf`, contentType: 'application/pdf', content: signed }],
        });
      return { issued: true, verificationCode: code };
    });
  }

  /** The citizen's receipt of one of their payments. */
  async receiptForCitizen(
    user: SessionUser,
    dossierCode: string,
    reference: string,
  ): Promise<{ pdf: Buffer; name: string }> {
    const [row] = await this.dataSource.query(
      `SELECT r.content, r.receipt_number FROM payment_receipt r JOIN payment p ON p.id = r.payment_id
         JOIN dossier d ON d.id = p.dossier_id
        WHERE d.code = $1 AND d.applicant_id = $2 AND p.reference = $3`,
      [dossierCode.slice(0, 32), user.id, reference.slice(0, 32)],
    );
    if (!row) throw new ResultNotReady();
    return { pdf: row.content as Buffer, name: `${row.receipt_number}.pdf` };
  }

  /** The citizen's download: the signed PDF; the first one delivers the result (the dossier is returned). */
  async forCitizen(user: SessionUser, dossierCode: string, requestId?: string): Promise<{ pdf: Buffer; name: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT d.id, d.code, r.content, r.delivered_at, r.document_number
           FROM dossier d LEFT JOIN dossier_result r ON r.dossier_id = d.id
          WHERE d.code = $1 AND d.applicant_id = $2 FOR UPDATE OF d`,
        [dossierCode.slice(0, 32), user.id],
      );
      if (!row) throw new DossierNotFound();
      if (!row.content) throw new ResultNotReady();
      if (!row.delivered_at) {
        await manager.query(`UPDATE dossier_result SET delivered_at = now() WHERE dossier_id = $1`, [row.id]);
        await applySystemTransition(manager, row.id, 'deliver', { documentNumber: row.document_number });
        await audit(manager, {
          actorId: user.id,
          action: 'result.delivered',
          targetType: 'dossier',
          targetId: row.id,
          requestId,
        });
      }
      return { pdf: row.content as Buffer, name: `${row.code}.pdf` };
    });
  }

  /** A reader of the back office's download (their ward's; any ward's for auditors). */
  async forOffice(user: SessionUser, dossierCode: string): Promise<{ pdf: Buffer; name: string }> {
    const { unitCode } = readerScope(user);
    const [row] = await this.dataSource.query(
      `SELECT d.code, r.content FROM dossier d LEFT JOIN dossier_result r ON r.dossier_id = d.id
        WHERE d.code = $1 AND ($2::text IS NULL OR d.unit_code = $2)`,
      [dossierCode.slice(0, 32), unitCode],
    );
    if (!row) throw new DossierNotFound();
    if (!row.content) throw new ResultNotReady();
    return { pdf: row.content as Buffer, name: `${row.code}.pdf` };
  }

  /** What a dossier's result is, for the pages (no content). */
  async summaryOf(
    dossierId: string,
  ): Promise<{ verificationCode: string; documentNumber: string; signedAt: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT verification_code, document_number, signed_at FROM dossier_result WHERE dossier_id = $1`,
      [dossierId],
    );
    return row
      ? {
          verificationCode: row.verification_code,
          documentNumber: row.document_number,
          signedAt: new Date(row.signed_at).toISOString(),
        }
      : null;
  }

  /** Public: what the document with this code is, who issued it and when, and the minimum it certifies. */
  async verify(code: string, address: string): Promise<VerificationView> {
    await this.verifications.consume(address);
    const [row] = await this.dataSource.query(
      `SELECT r.verification_code, r.title, r.document_number, r.summary, r.signer_name, r.signer_title, r.signed_at,
              u.name AS unit_name, p.name AS province_name
         FROM dossier_result r JOIN dossier d ON d.id = r.dossier_id
         JOIN administrative_unit u ON u.code = d.unit_code JOIN administrative_unit p ON p.code = u.parent_code
        WHERE r.verification_code = $1`,
      [code.trim().toUpperCase().slice(0, 16)],
    );
    const found = row ?? (await this.receiptRecord(code));
    // The code and the answer only: nothing personal is logged.
    this.logger.log({ msg: 'document verified', code: code.slice(0, 16), found: !!found });
    if (!found) throw new DocumentNotFound();
    if (!row) return found;
    return {
      verificationCode: row.verification_code,
      genuine: true,
      kind: 'result',
      title: row.title,
      documentNumber: row.document_number,
      issuer: `Ủy ban nhân dân ${row.unit_name}`,
      province: row.province_name,
      signerName: row.signer_name,
      signerTitle: row.signer_title,
      signedAt: new Date(row.signed_at).toISOString(),
      certifies: row.summary,
    };
  }

  /** A receipt's verification, by its code. */
  private async receiptRecord(code: string): Promise<VerificationView | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT r.verification_code, r.receipt_number, r.summary, r.signed_at, u.name AS unit_name, p.name AS province_name
         FROM payment_receipt r JOIN administrative_unit u ON u.code = r.issuer_unit
         JOIN administrative_unit p ON p.code = u.parent_code
        WHERE r.verification_code = $1`,
      [code.trim().toUpperCase().slice(0, 16)],
    );
    if (!row) return undefined;
    return {
      verificationCode: row.verification_code,
      genuine: true,
      kind: 'receipt',
      title: 'BIÊN LAI THU PHÍ, LỆ PHÍ',
      documentNumber: row.receipt_number,
      issuer: `Ủy ban nhân dân ${row.unit_name}`,
      province: row.province_name,
      signerName: `Ủy ban nhân dân ${row.unit_name}`,
      signerTitle: '',
      signedAt: new Date(row.signed_at).toISOString(),
      certifies: row.summary,
    };
  }

  /** Public: whether these bytes are the document issued under this code, and signed by the ward. */
  async checkFile(code: string, bytes: Buffer, address: string): Promise<FileCheck> {
    await this.verifications.consume(address);
    const [row] = await this.dataSource.query(
      `SELECT verification_code, sha256, signer_fingerprint FROM dossier_result WHERE verification_code = $1
       UNION ALL
       SELECT verification_code, sha256, signer_fingerprint FROM payment_receipt WHERE verification_code = $1`,
      [code.trim().toUpperCase().slice(0, 16)],
    );
    if (!row) throw new DocumentNotFound();
    const verification: Verification = verifyPdf(bytes, {
      caCertificatePem: await this.keys.authorityCertificate(),
      pinnedFingerprints: [row.signer_fingerprint],
    });
    const same = verification.fileSha256 === row.sha256;
    const genuine = same && verification.genuine;
    this.logger.log({ msg: 'document file checked', code: row.verification_code, genuine });
    return {
      verificationCode: row.verification_code,
      genuine,
      ...(genuine ? {} : { reason: verification.genuine ? 'different-file' : verification.reason }),
    };
  }
}
