import signpdf from '@signpdf/signpdf';
import {
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  Signer as BaseSigner,
  SIG_FLAGS,
  SUBFILTER_ETSI_CADES_DETACHED,
} from '@signpdf/utils';
import forge from 'node-forge';
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
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
 * ByteRange in the clear; @signpdf/signpdf then fills in the ByteRange and the CMS, which node-forge
 * makes as @signpdf/signer-p12 does, from the key and certificate held in memory.
 *
 * One correction to signer-p12's CMS: node-forge writes the SignerInfo's issuer by re-encoding the
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

/** DER of a SHA-256 DigestInfo up to the digest itself (RFC 8017, 9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The RSA signature node-forge asks its key for (PKCS #1 v1.5 over the signed attributes' SHA-256),
 * made by Node's native crypto: a few milliseconds where node-forge's JavaScript RSA took tens to
 * hundreds. node-forge still builds the CMS around it.
 */
function nativeRsaKey(key: KeyObject): { sign(md: forge.md.MessageDigest, scheme?: string): string } {
  return {
    sign(md, scheme = 'RSASSA-PKCS1-V1_5') {
      if (scheme !== 'RSASSA-PKCS1-V1_5' || md.algorithm !== 'sha256')
        throw new Error(`cannot sign ${md.algorithm}/${scheme}`);
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      return privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      ).toString('binary');
    },
  };
}

/** The identity's key (native) and certificate (node-forge), parsed once per process. */
const parsed = new Map<string, { key: ReturnType<typeof nativeRsaKey>; cert: forge.pki.Certificate }>();
function forgeIdentity(identity: { certificatePem: string; privateKeyPem: string }) {
  let found = parsed.get(identity.certificatePem);
  if (!found) {
    found = {
      key: nativeRsaKey(createPrivateKey(identity.privateKeyPem)),
      cert: forge.pki.certificateFromPem(identity.certificatePem),
    };
    parsed.set(identity.certificatePem, found);
  }
  return found;
}

/**
 * @signpdf/signer-p12's CMS, made from the key and certificate directly (no PKCS#12 round trip, whose
 * password-based encryption cost more than the signature), with the SignerInfo's issuer name written
 * once (see the header).
 */
class Signer extends BaseSigner {
  constructor(private readonly identity: { key: ReturnType<typeof nativeRsaKey>; cert: forge.pki.Certificate }) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { key, cert } = this.identity;
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
  return signpdf.sign(prepared, new Signer(forgeIdentity(identity)), signedAt);
}
