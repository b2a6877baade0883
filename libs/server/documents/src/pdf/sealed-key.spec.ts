import { generateKeyPairSync } from 'node:crypto';
import { sealPrivateKey, unsealPrivateKey } from './sealed-key';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const master = 'the-portal-master-secret-for-tests';

describe('signing keys sealed at rest', () => {
  it('comes back as it went in, and the sealed text holds nothing of the key in the clear', () => {
    const sealed = sealPrivateKey(pem, master);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed).not.toContain(pem.split('\n')[1]);
    expect(unsealPrivateKey(sealed, master)).toBe(pem);
  });

  it('seals the same key differently each time (a fresh salt and IV)', () => {
    expect(sealPrivateKey(pem, master)).not.toBe(sealPrivateKey(pem, master));
  });

  it('will not unseal with another master secret', () => {
    expect(() => unsealPrivateKey(sealPrivateKey(pem, master), 'another-secret')).toThrow(/wrong master secret/);
  });

  it('will not unseal altered text, whichever part was altered', () => {
    const sealed = sealPrivateKey(pem, master);
    const parts = sealed.split(':');
    for (let i = 1; i < parts.length; i++) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[i], 'base64url');
      bytes[bytes.length - 1] ^= 0x01;
      altered[i] = bytes.toString('base64url');
      expect(() => unsealPrivateKey(altered.join(':'), master)).toThrow(
        /wrong master secret, or the sealed text was altered/,
      );
    }
  });

  it('says so when the text is not a sealed key at all', () => {
    expect(() => unsealPrivateKey(pem, master)).toThrow(/Not a sealed private key/);
    expect(() => unsealPrivateKey(sealPrivateKey(pem, master).replace(/^v1/, 'v2'), master)).toThrow(
      /Not a sealed private key/,
    );
    expect(() => unsealPrivateKey('v1:AA:AA:AA:AA', master)).toThrow(/wrong length/);
  });

  it('needs a master secret', () => {
    expect(() => sealPrivateKey(pem, '')).toThrow(/master secret is needed/);
  });
});
