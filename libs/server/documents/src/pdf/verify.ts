import { X509Certificate, createHash, createPublicKey, timingSafeEqual, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';
import { fingerprintOf, nameField } from './certificates';

/**
 * Whether a signed document is genuine, checked by hand from the bytes (node-forge's
 * pkcs7.verify() is not implemented, and @signpdf only signs):
 *
 *   1. the file's last /ByteRange covers the whole file but the hex string of /Contents;
 *   2. /Contents is a CMS SignedData with one SignerInfo, SHA-256, and signed attributes whose
 *      messageDigest is the SHA-256 of the bytes the ByteRange names;
 *   3. the SignerInfo's signature over the DER of the signed attributes (re-tagged as a SET, as
 *      RFC 5652 §5.4 says) verifies with the public key of the certificate the SignerInfo names;
 *   4. that certificate was issued by the portal's CA (its signature checks with the CA's key),
 *      is an end-entity certificate for signing, was valid when the document says it was signed,
 *      and, when the portal pins fingerprints, is one of them.
 *
 * Any failure answers genuine: false with the first reason found, in that order; nothing throws.
 */

export interface Verification {
  genuine: boolean;
  reason?:
    'no-signature' | 'malformed' | 'digest-mismatch' | 'bad-signature' | 'untrusted-certificate' | 'not-whole-file';
  signerCommonName?: string;
  signerOrganisation?: string;
  signerUnitCode?: string;
  signerFingerprint?: string;
  signedAt?: Date;
  /** SHA-256 of the whole file, hex: what the portal may store and compare. */
  fileSha256: string;
}

export interface Trust {
  caCertificatePem: string;
  /** When given, the signer's certificate must be one of these (SHA-256 of its DER, hex); an empty list trusts none. */
  pinnedFingerprints?: string[];
}

type Reason = NonNullable<Verification['reason']>;

class NotGenuine extends Error {
  constructor(readonly reason: Reason) {
    super(reason);
  }
}

const fail = (reason: Reason): never => {
  throw new NotGenuine(reason);
};

const OID = {
  signedData: forge.pki.oids.signedData,
  data: forge.pki.oids.data,
  contentType: forge.pki.oids.contentType,
  messageDigest: forge.pki.oids.messageDigest,
  signingTime: forge.pki.oids.signingTime,
  sha256: forge.pki.oids.sha256,
  rsaEncryption: forge.pki.oids.rsaEncryption,
  sha256WithRSAEncryption: forge.pki.oids.sha256WithRSAEncryption,
};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
const bytesOf = (binary: string) => Buffer.from(binary, 'binary');
const derOf = (asn1: forge.asn1.Asn1) => bytesOf(forge.asn1.toDer(asn1).getBytes());

/** The signed ranges and the CMS between them. */
function locateSignature(pdf: Buffer): { signedData: Buffer; cms: Buffer } {
  if (pdf.length < 8 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') fail('malformed');
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) {
    return fail(/\/ByteRange\b/.test(text) ? 'malformed' : 'no-signature');
  }
  const [start, firstLength, gapEnd, secondLength] = ranges[ranges.length - 1].slice(1).map(Number);
  const gapStart = start + firstLength;
  if (![start, firstLength, gapEnd, secondLength].every(Number.isSafeInteger)) fail('malformed');
  // The ranges must start at the first byte, end at the last, and leave out only /Contents' hex string.
  if (start !== 0 || gapEnd < gapStart + 2 || gapEnd + secondLength !== pdf.length) fail('not-whole-file');
  const gap = text.slice(gapStart, gapEnd);
  if (!/^<[0-9A-Fa-f\s]*>$/.test(gap) || !/\/Contents\s*$/.test(text.slice(Math.max(0, gapStart - 16), gapStart))) {
    fail('not-whole-file');
  }
  const signedData = Buffer.concat([pdf.subarray(0, gapStart), pdf.subarray(gapEnd, gapEnd + secondLength)]);
  const hex = gap.slice(1, -1).replace(/\s/g, '');
  if (hex.length % 2 !== 0 || /^0*$/.test(hex)) fail('malformed');
  return { signedData, cms: Buffer.from(hex, 'hex') };
}

interface SignerInfo {
  certificates: forge.asn1.Asn1[];
  issuer: forge.asn1.Asn1;
  serial: string;
  signedAttributes: forge.asn1.Asn1;
  signature: Buffer;
  signatureAlgorithm: string;
}

const children = (node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] =>
  node && Array.isArray(node.value) ? node.value : fail('malformed');
const isUniversal = (node: forge.asn1.Asn1, type: number) =>
  node.tagClass === forge.asn1.Class.UNIVERSAL && node.type === type;
const oidOf = (node: forge.asn1.Asn1 | undefined): string =>
  node && isUniversal(node, forge.asn1.Type.OID) && typeof node.value === 'string'
    ? forge.asn1.derToOid(node.value)
    : fail('malformed');

/** Reads the CMS (RFC 5652): ContentInfo → SignedData → its one SignerInfo. Padding after the DER is ignored. */
function parseCms(cms: Buffer): SignerInfo {
  // node-forge takes these options (its types know only the older `strict` flag).
  const options = { strict: true, parseAllBytes: false, decodeBitStrings: false } as unknown as boolean;
  const root = forge.asn1.fromDer(forge.util.createBuffer(cms.toString('binary')), options);
  const [contentType, explicit] = children(root);
  if (oidOf(contentType) !== OID.signedData) fail('malformed');
  const [signedDataNode] = children(explicit);
  const parts = children(signedDataNode);
  const encapsulated = parts[2];
  const encapsulatedParts = children(encapsulated);
  // Detached: the content is the PDF's signed ranges, not inside the CMS.
  if (oidOf(encapsulatedParts[0]) !== OID.data || encapsulatedParts.length !== 1) fail('malformed');
  const contextSpecific = (n: forge.asn1.Asn1, type: number) =>
    n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === type;
  const certificates = parts.filter((n) => contextSpecific(n, 0)).flatMap((n) => children(n));
  const signerInfos = parts[parts.length - 1];
  if (!isUniversal(signerInfos, forge.asn1.Type.SET)) fail('malformed');
  const infos = children(signerInfos);
  if (infos.length !== 1) fail('malformed');
  const info = children(infos[0]);
  const [, sid, digestAlgorithm] = info;
  const [issuer, serialNode] = children(sid);
  if (oidOf(children(digestAlgorithm)[0]) !== OID.sha256) fail('malformed');
  const signedAttributes = info[3];
  if (!signedAttributes || !contextSpecific(signedAttributes, 0)) fail('malformed');
  const signatureAlgorithm = oidOf(children(info[4])[0]);
  const signatureNode = info[5];
  if (
    !signatureNode ||
    !isUniversal(signatureNode, forge.asn1.Type.OCTETSTRING) ||
    typeof signatureNode.value !== 'string'
  ) {
    fail('malformed');
  }
  if (typeof serialNode.value !== 'string') fail('malformed');
  return {
    certificates,
    issuer,
    serial: forge.util.bytesToHex(serialNode.value as string),
    signedAttributes,
    signature: bytesOf(signatureNode.value as string),
    signatureAlgorithm,
  };
}

/** The signed attributes by OID, each attribute's single value. */
function attributes(signedAttributes: forge.asn1.Asn1): Map<string, forge.asn1.Asn1> {
  const found = new Map<string, forge.asn1.Asn1>();
  for (const attribute of children(signedAttributes)) {
    const [type, values] = children(attribute);
    const oid = oidOf(type);
    const list = children(values);
    if (list.length !== 1 || found.has(oid)) fail('malformed');
    found.set(oid, list[0]);
  }
  return found;
}

function signingTimeOf(value: forge.asn1.Asn1 | undefined): Date | undefined {
  if (!value || typeof value.value !== 'string') return undefined;
  if (isUniversal(value, forge.asn1.Type.UTCTIME)) return forge.asn1.utcTimeToDate(value.value);
  if (isUniversal(value, forge.asn1.Type.GENERALIZEDTIME)) return forge.asn1.generalizedTimeToDate(value.value);
  return undefined;
}

function checkTrust(signer: X509Certificate, fingerprint: string, trust: Trust, at: Date): void {
  let ca: X509Certificate;
  try {
    ca = new X509Certificate(trust.caCertificatePem);
  } catch {
    return fail('untrusted-certificate');
  }
  if (!ca.ca || signer.ca) fail('untrusted-certificate');
  if (!signer.checkIssued(ca) || !signer.verify(ca.publicKey)) fail('untrusted-certificate');
  if (at < new Date(signer.validFrom) || at > new Date(signer.validTo)) fail('untrusted-certificate');
  if (trust.pinnedFingerprints && !trust.pinnedFingerprints.some((pin) => pin.toLowerCase() === fingerprint)) {
    fail('untrusted-certificate');
  }
}

function keyUsageAllowsSigning(cert: forge.pki.Certificate): boolean {
  const usage = cert.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  return !usage || Boolean(usage.digitalSignature || usage.nonRepudiation);
}

function check(pdf: Buffer, trust: Trust): Omit<Verification, 'fileSha256'> {
  const { signedData, cms } = locateSignature(pdf);
  const info = parseCms(cms);
  const attrs = attributes(info.signedAttributes);
  const contentType = attrs.get(OID.contentType);
  if (!contentType || oidOf(contentType) !== OID.data) fail('malformed');
  const messageDigest = attrs.get(OID.messageDigest);
  if (
    !messageDigest ||
    !isUniversal(messageDigest, forge.asn1.Type.OCTETSTRING) ||
    typeof messageDigest.value !== 'string'
  ) {
    return fail('malformed');
  }
  const claimed = bytesOf(messageDigest.value);
  const actual = sha256(signedData);
  if (claimed.length !== actual.length || !timingSafeEqual(claimed, actual)) fail('digest-mismatch');

  // The certificate the SignerInfo names (issuer and serial number, compared as DER), among those the CMS carries.
  const issuerDer = derOf(info.issuer);
  let signer: { der: Buffer; forge: forge.pki.Certificate } | undefined;
  for (const node of info.certificates) {
    try {
      const tbs = children(children(node)[0]);
      const [serial, , issuer] = tbs[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? tbs.slice(1) : tbs;
      if (forge.util.bytesToHex(serial.value as string) !== info.serial || !derOf(issuer).equals(issuerDer)) continue;
      const der = derOf(node);
      signer = {
        der,
        forge: forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')))),
      };
      break;
    } catch {
      // Not a certificate node-forge reads (another key type): not the signer's.
    }
  }
  if (!signer) return fail('malformed');

  const toBeSigned = derOf(
    forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(info.signedAttributes)),
  );
  if (info.signatureAlgorithm !== OID.rsaEncryption && info.signatureAlgorithm !== OID.sha256WithRSAEncryption) {
    fail('bad-signature');
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(signer.der);
  } catch {
    return fail('malformed');
  }
  let valid = false;
  try {
    valid = verifySignature(
      'sha256',
      toBeSigned,
      createPublicKey(x509.publicKey.export({ type: 'spki', format: 'pem' })),
      info.signature,
    );
  } catch {
    valid = false;
  }
  if (!valid) fail('bad-signature');

  const signedAt = signingTimeOf(attrs.get(OID.signingTime));
  const fingerprint = fingerprintOf(signer.forge);
  if (!keyUsageAllowsSigning(signer.forge)) fail('untrusted-certificate');
  checkTrust(x509, fingerprint, trust, signedAt ?? new Date());
  return {
    genuine: true,
    signerCommonName: nameField(signer.forge.subject, 'CN'),
    signerOrganisation: nameField(signer.forge.subject, 'O'),
    signerUnitCode: nameField(signer.forge.subject, 'OU') ?? nameField(signer.forge.subject, 'serialNumber'),
    signerFingerprint: fingerprint,
    ...(signedAt ? { signedAt } : {}),
  };
}

export function verifyPdf(pdf: Buffer, trust: Trust): Verification {
  const input: unknown = pdf;
  const bytes = Buffer.isBuffer(input) ? input : input instanceof Uint8Array ? Buffer.from(input) : Buffer.alloc(0);
  const fileSha256 = sha256(bytes).toString('hex');
  try {
    return { ...check(bytes, trust), fileSha256 };
  } catch (error) {
    return { genuine: false, reason: error instanceof NotGenuine ? error.reason : 'malformed', fileSha256 };
  }
}
