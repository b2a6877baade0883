import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  certificateFingerprint,
  createCertificateAuthority,
  issueSigningCertificate,
  sealPrivateKey,
  unsealPrivateKey,
  type CertificateAuthority,
} from '@portal/server/documents';
import { APP_CONFIG, type AppConfig } from '@portal/server/platform';
import { DataSource } from 'typeorm';

export interface UnitSigner {
  unitCode: string;
  unitName: string;
  provinceName: string;
  provinceCode: string;
  certificatePem: string;
  privateKeyPem: string;
  fingerprint: string;
}

/**
 * The demonstration certificate authority and each ward's signing certificate.
 * Made once (at seed time, or on the first document of a ward the seed did not
 * know); private keys are kept sealed under DOCUMENT_KEY_SECRET and unsealed only
 * in memory to sign.
 */
@Injectable()
export class SigningKeys {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The CA's certificate (what verification trusts). */
  async authorityCertificate(): Promise<string> {
    return (await this.authority()).certificatePem;
  }

  private async authority(): Promise<CertificateAuthority> {
    const [row] = await this.dataSource.query(`SELECT certificate_pem, sealed_key FROM signing_authority WHERE id = 1`);
    if (row)
      return { certificatePem: row.certificate_pem, privateKeyPem: unsealPrivateKey(row.sealed_key, this.secret) };
    const ca = createCertificateAuthority({
      commonName: 'Cơ quan chứng thực chữ ký số (thử nghiệm)',
      organisation: 'Cổng Dịch vụ công – chứng thư số minh họa',
    });
    await this.dataSource.query(
      `INSERT INTO signing_authority (id, certificate_pem, sealed_key, fingerprint) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO NOTHING`,
      [ca.certificatePem, sealPrivateKey(ca.privateKeyPem, this.secret), certificateFingerprint(ca.certificatePem)],
    );
    // Another process may have made it first: the stored one is the one.
    const [stored] = await this.dataSource.query(
      `SELECT certificate_pem, sealed_key FROM signing_authority WHERE id = 1`,
    );
    return { certificatePem: stored.certificate_pem, privateKeyPem: unsealPrivateKey(stored.sealed_key, this.secret) };
  }

  private get secret(): string {
    return this.config.DOCUMENT_KEY_SECRET;
  }

  /** A ward's signer, its certificate issued by the CA the first time it is asked for. */
  async forUnit(unitCode: string): Promise<UnitSigner> {
    const read = async () =>
      (
        await this.dataSource.query(
          `SELECT u.code, u.name, p.name AS province_name, p.code AS province_code,
                  k.certificate_pem, k.sealed_key, k.fingerprint
             FROM administrative_unit u JOIN administrative_unit p ON p.code = u.parent_code
             LEFT JOIN unit_signing_key k ON k.unit_code = u.code
            WHERE u.code = $1 AND u.tier = 'commune'`,
          [unitCode],
        )
      )[0];
    let row = await read();
    if (!row) throw new Error(`no ward ${unitCode}`);
    if (!row.certificate_pem) {
      const identity = issueSigningCertificate(await this.authority(), {
        commonName: `Ủy ban nhân dân ${row.name}`,
        organisation: row.province_name,
        unitCode,
      });
      await this.dataSource.query(
        `INSERT INTO unit_signing_key (unit_code, certificate_pem, sealed_key, fingerprint) VALUES ($1, $2, $3, $4)
         ON CONFLICT (unit_code) DO NOTHING`,
        [unitCode, identity.certificatePem, sealPrivateKey(identity.privateKeyPem, this.secret), identity.fingerprint],
      );
      row = await read();
    }
    return {
      unitCode,
      unitName: row.name,
      provinceName: row.province_name,
      provinceCode: row.province_code,
      certificatePem: row.certificate_pem,
      privateKeyPem: unsealPrivateKey(row.sealed_key, this.secret),
      fingerprint: row.fingerprint,
    };
  }

  /** Seeding: the CA and every ward's certificate. Answers how many wards have one. */
  async seed(): Promise<{ wards: number }> {
    const wards = (await this.dataSource.query(`SELECT code FROM administrative_unit WHERE tier = 'commune'`)) as {
      code: string;
    }[];
    for (const ward of wards) await this.forUnit(ward.code);
    return { wards: wards.length };
  }

  /** The fingerprints of every ward's certificate (a verification pins them). */
  async unitFingerprints(): Promise<string[]> {
    return ((await this.dataSource.query(`SELECT fingerprint FROM unit_signing_key`)) as { fingerprint: string }[]).map(
      (r) => r.fingerprint,
    );
  }
}
