import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { KeyUnwrapError, MasterKeyConfigError } from './errors';

/**
 * The key-encryption key that protects every person's data key at rest. `id` names the master
 * key a data key was wrapped with (stored next to it), so a rotation can be detected. A KMS can
 * implement this port; a string that `wrap` returns is stored as its UTF-8 bytes and handed back
 * to `unwrap` as those bytes.
 */
export interface MasterKey {
  readonly id: string;
  wrap(dataKey: Buffer): Promise<Buffer | string>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

export const MASTER_KEY_ENV = 'HAVEN_MASTER_KEY';

const MASTER_KEY_BYTES = 32;
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds a wrapped key to its purpose, so no other AES-GCM output under this key unwraps.
const WRAP_AAD = Buffer.from('haven.person-data-key.v1', 'utf8');
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A master key held in process memory (from HAVEN_MASTER_KEY). Wraps with AES-256-GCM under a
 * random IV: `iv(12) | ciphertext | tag(16)`.
 */
export class LocalMasterKey implements MasterKey {
  /** The first 8 hex digits of the key's SHA-256. */
  readonly id: string;
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (!Buffer.isBuffer(key) || key.length !== MASTER_KEY_BYTES) {
      throw new RangeError(`A master key must be ${MASTER_KEY_BYTES} bytes.`);
    }
    // A copy: the caller may wipe its buffer.
    this.key = Buffer.from(key);
    this.id = createHash('sha256').update(this.key).digest('hex').slice(0, 8);
  }

  async wrap(dataKey: Buffer): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(WRAP_AAD);
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    if (wrapped.length <= IV_BYTES + TAG_BYTES) throw new KeyUnwrapError(this.id);
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, wrapped.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(WRAP_AAD);
      decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new KeyUnwrapError(this.id);
    }
  }
}

/**
 * The master key from HAVEN_MASTER_KEY: base64 of exactly 32 random bytes (`openssl rand
 * -base64 32`). Throws `MasterKeyConfigError`, which names the variable but never its value.
 */
export function masterKeyFromConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocalMasterKey {
  const value = env[MASTER_KEY_ENV]?.trim();
  if (!value) {
    throw new MasterKeyConfigError(
      `${MASTER_KEY_ENV} is not set: give it 32 random bytes in base64 (openssl rand -base64 32).`,
    );
  }
  if (!BASE64.test(value) || value.length % 4 !== 0) {
    throw new MasterKeyConfigError(
      `${MASTER_KEY_ENV} is not valid base64: give it 32 random bytes in base64 (openssl rand -base64 32).`,
    );
  }
  const key = Buffer.from(value, 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    const length = key.length;
    key.fill(0);
    throw new MasterKeyConfigError(
      `${MASTER_KEY_ENV} decodes to ${length} bytes, not ${MASTER_KEY_BYTES}: give it 32 random bytes in base64 (openssl rand -base64 32).`,
    );
  }
  const master = new LocalMasterKey(key);
  key.fill(0);
  return master;
}
