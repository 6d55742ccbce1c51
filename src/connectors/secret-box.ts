// A connector's client secret at rest: AES-256-GCM under EOLWATCH_SECRET_KEY (32 random bytes, base64),
// a fresh 12-byte nonce each time, the tag checked on opening. The store keeps only the sealed form;
// without the key nothing can be opened, and adding a connector is refused.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretKeyError extends Error {}

/** The key from its base64 form, or why it is not one. */
export function readSecretKey(base64: string | undefined): Buffer {
  if (!base64)
    throw new SecretKeyError(
      'EOLWATCH_SECRET_KEY is not set: connectors keep their client secret encrypted with it (32 random bytes, base64: openssl rand -base64 32)',
    );
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim())
    throw new SecretKeyError('EOLWATCH_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

export function sealSecret(secret: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, nonce.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(
    '.',
  );
}

export function openSecret(sealed: string, key: Buffer): string {
  const [version, nonce, tag, body] = sealed.split('.');
  if (version !== VERSION || !nonce || !tag || body === undefined)
    throw new SecretKeyError('a connector secret is not in a form this eolwatch reads');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError(
      'a connector secret could not be opened: EOLWATCH_SECRET_KEY is not the key it was sealed with',
    );
  }
}
