import { randomBytes } from 'node:crypto';
import signpdf from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { decodedName } from './certificates';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFString } from 'pdf-lib';

/**
 * A PAdES signature (ETSI.CAdES.detached: a CMS SignedData, SHA-256, over the whole file but the
 * signature itself) made with a ward's key.
 *
 * The placeholder is the one @signpdf/placeholder-pdf-lib writes, written here because that one
 * stores the reason, location and name as PDFDocEncoding literals, which cannot hold "Phường Ba
 * Đình": here they are UTF-16 text strings. The signature field has no widget (an invisible
 * signature, not on any page). pdf-lib saves without object streams, as @signpdf must find the
 * ByteRange in the clear; @signpdf/signpdf then fills in the ByteRange and the CMS, signed by
 * @signpdf/signer-p12 from a PKCS#12 that node-forge builds in memory under a random passphrase.
 *
 * One correction to P12Signer: node-forge writes the SignerInfo's issuer by re-encoding the
 * certificate's parsed issuer name, and a parsed UTF8String is still UTF-8 bytes, so a CA named
 * in Vietnamese would come out encoded twice and no verifier would find the signer's
 * certificate. Signer.sign() below is P12Signer's, with the issuer name decoded first.
 */

/** Room for the CMS, in bytes (hex-encoded in the file): one 2048-bit certificate and signature need about 1.6 KB. */
const SIGNATURE_LENGTH = 8192;

export interface SignatureMeta {
  reason: string;
  location: string;
  name: string;
  contactInfo?: string;
  signedAt?: Date;
}

function addPlaceholder(pdfDoc: PDFDocument, meta: SignatureMeta, signedAt: Date): void {
  const context = pdfDoc.context;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));

  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('00'.repeat(SIGNATURE_LENGTH)),
    Reason: PDFHexString.fromText(meta.reason),
    M: PDFString.fromDate(signedAt),
    Name: PDFHexString.fromText(meta.name),
    Location: PDFHexString.fromText(meta.location),
    ...(meta.contactInfo ? { ContactInfo: PDFHexString.fromText(meta.contactInfo) } : {}),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'Cong-Dich-vu-cong' } },
  });
  // Written out as raw bytes, so that pdf-lib never puts it in an object stream.
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));

  const field = context.register(
    context.obj({ FT: 'Sig', T: PDFHexString.fromText('Chữ ký số'), V: signatureRef, Ff: 0 }),
  );
  let acroForm = pdfDoc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    acroForm = context.obj({ Fields: [] });
    pdfDoc.catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
  }
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY));
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  fields.push(field);
}

/** The identity as PKCS#12 DER, only ever in memory, and its one-off passphrase. */
function p12(identity: { certificatePem: string; privateKeyPem: string }): { der: Buffer; passphrase: string } {
  const passphrase = randomBytes(24).toString('base64url');
  const key = forge.pki.privateKeyFromPem(identity.privateKeyPem);
  const cert = forge.pki.certificateFromPem(identity.certificatePem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: 'aes256' });
  return { der: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}

/** @signpdf/signer-p12's signer, with the SignerInfo's issuer name written once (see the header). */
class Signer extends P12Signer {
  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const bags = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(this.cert),
      this.options.asn1StrictParsing,
      this.options.passphrase,
    );
    const key = bags.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]
      ?.key as forge.pki.rsa.PrivateKey | undefined;
    const cert = bags.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0]?.cert;
    if (!key || !cert) throw new Error('The signing identity has no key or no certificate');
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(cert);
    p7.addSigner({
      key,
      issuer: decodedName(cert.issuer.attributes),
      serialNumber: cert.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256,
      // The order P12Signer uses (content type, signing time, message digest).
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

export async function signPdf(
  pdf: Buffer,
  identity: { certificatePem: string; privateKeyPem: string },
  meta: SignatureMeta,
): Promise<Buffer> {
  const signedAt = meta.signedAt ?? new Date();
  // updateMetadata: false keeps the renderer's producer and dates (pdf-lib would stamp its own and now).
  const pdfDoc = await PDFDocument.load(pdf, { updateMetadata: false });
  addPlaceholder(pdfDoc, meta, signedAt);
  const prepared = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  const { der, passphrase } = p12(identity);
  return signpdf.sign(prepared, new Signer(der, { passphrase }), signedAt);
}
