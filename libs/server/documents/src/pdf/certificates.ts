import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * The certificates behind the portal's signed documents. In production the civil servants'
 * signing certificates come from the government CA; here a demonstration CA stands for it, so
 * that development and tests sign with a real chain: the CA (self-signed, keyCertSign/cRLSign)
 * issues each ward its certificate (digitalSignature + nonRepudiation), and verification trusts
 * only certificates that this CA issued (and, if the portal pins them, only known fingerprints).
 *
 * Keys are made by Node's crypto (node-forge's pure-JS RSA key generation takes seconds) and
 * kept as PKCS#8 PEM; node-forge builds and signs the X.509 certificates, SHA-256 throughout.
 */

export interface CertificateAuthority {
  certificatePem: string;
  privateKeyPem: string;
}

export interface SigningIdentity {
  certificatePem: string;
  privateKeyPem: string;
  /** SHA-256 of the certificate's DER, lower-case hex */
  fingerprint: string;
}

const KEY_BITS = 2048;

function newKeyPair(): { privateKeyPem: string; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: KEY_BITS });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  return { privateKeyPem, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

/** A positive 128-bit serial number, as RFC 5280 asks (unique, at most 20 octets, not negative). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  bytes[0] |= 0x01;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, years: number): void {
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`validYears is a whole number of years: ${years}`);
  const now = new Date();
  // A minute back, so that a certificate made now is already valid on a clock a little behind.
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  cert.validity.notAfter = notAfter;
}

/** Names as UTF-8 strings, so that "Phường Ba Đình" survives; the country as a PrintableString. */
const utf8 = (shortName: string, value: string): forge.pki.CertificateField =>
  ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 }) as unknown as forge.pki.CertificateField;

/** A demonstration CA standing for the government CA that issues civil servants' signing certificates. */
export function createCertificateAuthority(
  subject: { commonName: string; organisation: string },
  validYears = 10,
): CertificateAuthority {
  const { privateKeyPem, publicKey } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, validYears);
  const name = [
    { shortName: 'C', value: 'VN' },
    utf8('O', subject.organisation),
    utf8('CN', subject.commonName),
  ] as forge.pki.CertificateField[];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem };
}

/**
 * A ward's signing certificate issued by the CA: CN the ward's name, O the organisation,
 * OU the ward's unit code (the administrative unit code the portal knows the ward by).
 */
export function issueSigningCertificate(
  ca: CertificateAuthority,
  subject: { commonName: string; organisation: string; unitCode: string },
  validYears = 3,
): SigningIdentity {
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem);
  const { privateKeyPem, publicKey } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, validYears);
  cert.setSubject([
    { shortName: 'C', value: 'VN' },
    utf8('O', subject.organisation),
    utf8('OU', subject.unitCode),
    utf8('CN', subject.commonName),
  ] as forge.pki.CertificateField[]);
  // The CA's name as it reads it back, UTF-8 decoded, so that it is encoded once again and not twice.
  cert.setIssuer(decodedName(caCert.subject.attributes));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  return { certificatePem, privateKeyPem, fingerprint: certificateFingerprint(certificatePem) };
}

/** SHA-256 of a certificate's DER, lower-case hex. */
export function certificateFingerprint(certificatePem: string): string {
  return fingerprintOf(forge.pki.certificateFromPem(certificatePem));
}

export function fingerprintOf(cert: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
}

/**
 * A parsed name's attributes with their UTF8String values decoded: node-forge leaves them as
 * UTF-8 bytes when parsing but encodes them again when writing, so a name read from one
 * certificate and written into another (or into a CMS SignerInfo) must be decoded first.
 */
export function decodedName(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((attribute) => {
    const tagged = attribute as { value?: unknown; valueTagClass?: number };
    if (tagged.valueTagClass !== forge.asn1.Type.UTF8 || typeof tagged.value !== 'string') return attribute;
    try {
      return { ...attribute, value: forge.util.decodeUtf8(tagged.value) };
    } catch {
      return attribute;
    }
  });
}

/** A name attribute's text: UTF-8 strings decoded (node-forge leaves their bytes as they are when parsing). */
export function nameField(name: forge.pki.Certificate['subject'], shortName: string): string | undefined {
  const field = name.getField(shortName) as { value?: unknown; valueTagClass?: number } | null;
  if (!field || typeof field.value !== 'string') return undefined;
  if (field.valueTagClass === forge.asn1.Type.UTF8) {
    try {
      return forge.util.decodeUtf8(field.value);
    } catch {
      return field.value;
    }
  }
  return field.value;
}
