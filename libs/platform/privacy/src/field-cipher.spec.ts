import { randomUUID } from 'node:crypto';
import { FieldDecryptionError } from './errors';
import { decryptField, encryptField, generateDataKey, isSealed } from './field-cipher';

const subjectId = randomUUID();
const aad = { subjectId, field: 'fullName' };
const name = 'Nguyễn Thị Lan';

function flipByte(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed.slice('pii:v1:'.length), 'base64url');
  bytes[index] ^= 0x01;
  return `pii:v1:${bytes.toString('base64url')}`;
}

function decryptionFailure(open: () => unknown): FieldDecryptionError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldDecryptionError);
    return error as FieldDecryptionError;
  }
  throw new Error('Opening succeeded.');
}

describe('field cipher', () => {
  const key = generateDataKey();

  it('given a value sealed for a person and field, opens it back for the same person and field', () => {
    const sealed = encryptField(key, name, aad);

    expect(sealed).toMatch(/^pii:v1:[A-Za-z0-9_-]+$/);
    expect(isSealed(sealed)).toBe(true);
    expect(decryptField(key, sealed, aad)).toBe(name);
    expect(decryptField(key, encryptField(key, '', aad), aad)).toBe('');
  });

  it('given the same value sealed twice, gives different ciphertexts (random IV) that both open', () => {
    const first = encryptField(key, name, aad);
    const second = encryptField(key, name, aad);

    expect(first).not.toBe(second);
    expect(decryptField(key, first, aad)).toBe(name);
    expect(decryptField(key, second, aad)).toBe(name);
  });

  it('never carries the plaintext, in clear or in base64', () => {
    const sealed = encryptField(key, 'lan.nguyen@example.org', aad);

    expect(sealed).not.toContain('lan.nguyen');
    expect(sealed).not.toContain(Buffer.from('lan.nguyen').toString('base64url').slice(0, 8));
  });

  it('given any altered byte (IV, ciphertext or tag), refuses with an error naming no data', () => {
    const sealed = encryptField(key, name, aad);
    const length = Buffer.from(sealed.slice(7), 'base64url').length;

    for (const index of [0, 11, 12, length - 17, length - 16, length - 1]) {
      const error = decryptionFailure(() => decryptField(key, flipByte(sealed, index), aad));
      expect(error.code).toBe('FIELD_DECRYPTION_FAILED');
      expect(error.reason).toBe('not-authentic');
      expect(error.message).not.toContain(name);
      expect(error.message).not.toContain(subjectId);
    }
  });

  it('given another person, another field or another key, refuses to open', () => {
    const sealed = encryptField(key, name, aad);

    decryptionFailure(() =>
      decryptField(key, sealed, { subjectId: randomUUID(), field: 'fullName' }),
    );
    decryptionFailure(() => decryptField(key, sealed, { subjectId, field: 'alias' }));
    decryptionFailure(() => decryptField(generateDataKey(), sealed, aad));
  });

  it('given parts that would concatenate alike, keeps them apart in the binding', () => {
    const sealed = encryptField(key, name, { subjectId: 'ab', field: 'c' });

    decryptionFailure(() => decryptField(key, sealed, { subjectId: 'a', field: 'bc' }));
  });

  it('given something that is not a sealed value, refuses it as malformed', () => {
    for (const value of [
      'Lan',
      'pii:v1:',
      'pii:v1:!!!',
      'pii:v2:' + 'A'.repeat(40),
      'pii:v1:AAAA',
    ]) {
      expect(isSealed(value)).toBe(false);
      expect(decryptionFailure(() => decryptField(key, value, aad)).reason).toBe('malformed');
    }
    expect(isSealed(null)).toBe(false);
  });

  it('given a key of the wrong length, refuses to use it', () => {
    expect(() => encryptField(Buffer.alloc(16), name, aad)).toThrow(RangeError);
  });
});
