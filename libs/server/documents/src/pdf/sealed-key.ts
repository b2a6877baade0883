import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * Signing keys at rest. A ward's private key is never stored in the clear: it is sealed with
 * AES-256-GCM under a key derived from the portal's master secret by scrypt with a fresh salt,
 * and kept as versioned text, `v1:<salt>:<iv>:<tag>:<ciphertext>` (each part base64url), so that
 * a later format or algorithm can be told apart. GCM's tag makes any change to the text, or a
 * wrong master secret, fail loudly instead of giving back a wrong key.
 */

const VERSION = 'v1';
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** scrypt's defaults (N = 2^14, r = 8, p = 1): tens of milliseconds, once per signing. */
const SCRYPT = { N: 16_384, r: 8, p: 1 };

const deriveKey = (masterSecret: string, salt: Buffer) => scryptSync(masterSecret, salt, 32, SCRYPT);

function requireSecret(masterSecret: string): void {
  if (typeof masterSecret !== 'string' || masterSecret.length === 0) {
    throw new Error('A master secret is needed to seal or unseal a private key');
  }
}

export function sealPrivateKey(privateKeyPem: string, masterSecret: string): string {
  requireSecret(masterSecret);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(masterSecret, salt), iv);
  // The version is authenticated too: the same bytes cannot be passed off under another format.
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
  return [VERSION, salt, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

export function unsealPrivateKey(sealed: string, masterSecret: string): string {
  requireSecret(masterSecret);
  const parts = typeof sealed === 'string' ? sealed.trim().split(':') : [];
  if (parts.length !== 5 || parts[0] !== VERSION || !parts.slice(1).every((p) => /^[A-Za-z0-9_-]+$/.test(p))) {
    throw new Error(`Not a sealed private key (expected ${VERSION}:<salt>:<iv>:<tag>:<ciphertext>)`);
  }
  const [salt, iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error('Not a sealed private key (a part has the wrong length)');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(masterSecret, salt), iv);
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The private key cannot be unsealed: wrong master secret, or the sealed text was altered');
  }
}
