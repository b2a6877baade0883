import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { certificateFingerprint, createCertificateAuthority, issueSigningCertificate, nameField } from './certificates';

const ca = createCertificateAuthority({
  commonName: 'CA Chính phủ (thử nghiệm)',
  organisation: 'Ban Cơ yếu Chính phủ',
});
const ward = issueSigningCertificate(ca, {
  commonName: 'Phường Ba Đình',
  organisation: 'Uỷ ban nhân dân Thành phố Hà Nội',
  unitCode: '00004',
});

describe('the demonstration CA and the wards it certifies', () => {
  it('makes a self-signed CA: RSA 2048, SHA-256, a CA for certificates and CRLs, ten years', () => {
    const cert = forge.pki.certificateFromPem(ca.certificatePem);
    expect(cert.verify(cert)).toBe(true);
    expect(cert.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBeGreaterThanOrEqual(2048);
    expect(cert.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(cert.getExtension('keyUsage')).toMatchObject({ keyCertSign: true, cRLSign: true });
    const years = cert.validity.notAfter.getUTCFullYear() - cert.validity.notBefore.getUTCFullYear();
    expect(years).toBe(10);
    expect(nameField(cert.subject, 'CN')).toBe('CA Chính phủ (thử nghiệm)');
  });

  it("issues a ward's certificate that verifies against the CA, and only against it", () => {
    const caCert = forge.pki.certificateFromPem(ca.certificatePem);
    const cert = forge.pki.certificateFromPem(ward.certificatePem);
    expect(caCert.verify(cert)).toBe(true);
    const store = forge.pki.createCaStore([caCert]);
    expect(forge.pki.verifyCertificateChain(store, [cert])).toBe(true);

    const other = createCertificateAuthority({ commonName: 'Another CA', organisation: 'Elsewhere' });
    const otherStore = forge.pki.createCaStore([forge.pki.certificateFromPem(other.certificatePem)]);
    expect(() => forge.pki.verifyCertificateChain(otherStore, [cert])).toThrow();
    // Node's own X.509 reads the chain the same way.
    expect(new X509Certificate(ward.certificatePem).checkIssued(new X509Certificate(ca.certificatePem))).toBe(true);
  });

  it('names the ward in UTF-8 (CN, O) with its unit code (OU), for signing only, three years', () => {
    const cert = forge.pki.certificateFromPem(ward.certificatePem);
    expect(nameField(cert.subject, 'CN')).toBe('Phường Ba Đình');
    expect(nameField(cert.subject, 'O')).toBe('Uỷ ban nhân dân Thành phố Hà Nội');
    expect(nameField(cert.subject, 'OU')).toBe('00004');
    expect(cert.subject.getField('CN').valueTagClass).toBe(forge.asn1.Type.UTF8);
    expect(cert.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true });
    expect(cert.getExtension('keyUsage')).not.toMatchObject({ keyCertSign: true });
    expect(cert.getExtension('basicConstraints')).toMatchObject({ cA: false });
    const years = cert.validity.notAfter.getUTCFullYear() - cert.validity.notBefore.getUTCFullYear();
    expect(years).toBe(3);
    // The issuer is the CA's subject byte for byte (its Vietnamese written once, not twice).
    const x509 = new X509Certificate(ward.certificatePem);
    expect(x509.issuer).toBe(new X509Certificate(ca.certificatePem).subject);
    expect(x509.subject).toContain('CN=Phường Ba Đình');
  });

  it('gives the key that belongs to the certificate, and the fingerprint of its DER', () => {
    const fromKey = createPublicKey(createPrivateKey(ward.privateKeyPem)).export({ type: 'spki', format: 'der' });
    const fromCert = new X509Certificate(ward.certificatePem).publicKey.export({ type: 'spki', format: 'der' });
    expect(fromKey.equals(fromCert)).toBe(true);
    expect(ward.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(ward.fingerprint).toBe(certificateFingerprint(ward.certificatePem));
    expect(ward.fingerprint).toBe(
      new X509Certificate(ward.certificatePem).fingerprint256.replace(/:/g, '').toLowerCase(),
    );
  });

  it('takes other lifetimes', () => {
    const short = issueSigningCertificate(
      ca,
      { commonName: 'Phường Ngọc Hà', organisation: 'UBND', unitCode: '00008' },
      1,
    );
    const cert = forge.pki.certificateFromPem(short.certificatePem);
    expect(cert.validity.notAfter.getUTCFullYear() - cert.validity.notBefore.getUTCFullYear()).toBe(1);
    expect(() => createCertificateAuthority({ commonName: 'x', organisation: 'y' }, 0)).toThrow(RangeError);
  });
});
