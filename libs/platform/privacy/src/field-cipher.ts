import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FieldDecryptionError } from './errors';

/** What a sealed value is bound to: opening it for another person or field fails. */
export interface FieldAad {
  subjectId: string;
  field: string;
}

/** The length of a person's data key (AES-256). */
export const DATA_KEY_BYTES = 32;

const PREFIX = 'pii:v1:';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Base64url of at least an IV and a tag (an empty plaintext), with nothing else in it.
const SEALED = /^pii:v1:[A-Za-z0-9_-]{38,}$/;

/** A fresh random data key for one person. */
export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/**
 * Encrypts one personal field value with the person's data key (AES-256-GCM, random 96-bit IV).
 * The result, `pii:v1:<base64url(iv | ciphertext | tag)>`, only opens for the same person and
 * field name, so it cannot be copied into another record or column.
 */
export function encryptField(dataKey: Buffer, plaintext: string, aad: FieldAad): string {
  assertDataKey(dataKey);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadBytes(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

/**
 * Opens a value sealed by `encryptField`. Throws `FieldDecryptionError` when it is malformed,
 * altered, or sealed for another person, field or key.
 */
export function decryptField(dataKey: Buffer, sealed: string, aad: FieldAad): string {
  assertDataKey(dataKey);
  if (!isSealed(sealed)) throw new FieldDecryptionError('malformed');
  const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new FieldDecryptionError('malformed');
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, dataKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadBytes(aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node's own message says nothing useful and the cause is the same for every failure.
    throw new FieldDecryptionError('not-authentic');
  }
}

/** Whether `value` looks like a sealed personal field (it may still fail to open). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && SEALED.test(value);
}

function assertDataKey(dataKey: Buffer): void {
  if (!Buffer.isBuffer(dataKey) || dataKey.length !== DATA_KEY_BYTES) {
    throw new RangeError(`A data key must be ${DATA_KEY_BYTES} bytes.`);
  }
}

// A JSON array keeps the parts unambiguous (no "a|b" + "c" vs "a" + "b|c"), and the version
// tag keeps a future format from accepting this one's ciphertexts.
function aadBytes({ subjectId, field }: FieldAad): Buffer {
  return Buffer.from(JSON.stringify(['pii:v1', subjectId, field]), 'utf8');
}
