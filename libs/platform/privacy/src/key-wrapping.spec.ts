import { randomBytes } from 'node:crypto';
import { KeyUnwrapError, MasterKeyConfigError } from './errors';
import { generateDataKey } from './field-cipher';
import { LocalMasterKey, masterKeyFromConfig } from './key-wrapping';

describe('LocalMasterKey', () => {
  const master = new LocalMasterKey(randomBytes(32));

  it('wraps a data key into something else, which unwraps back to it', async () => {
    const dataKey = generateDataKey();
    const wrapped = await master.wrap(dataKey);

    expect(wrapped).toHaveLength(12 + 32 + 16);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(await master.unwrap(wrapped)).toEqual(dataKey);
  });

  it('wraps the same data key differently each time (random IV)', async () => {
    const dataKey = generateDataKey();

    expect(await master.wrap(dataKey)).not.toEqual(await master.wrap(dataKey));
  });

  it('given an altered wrapped key or another master key, refuses to unwrap', async () => {
    const wrapped = await master.wrap(generateDataKey());
    const altered = Buffer.from(wrapped);
    altered[20] ^= 0x01;
    const other = new LocalMasterKey(randomBytes(32));

    await expect(master.unwrap(altered)).rejects.toBeInstanceOf(KeyUnwrapError);
    await expect(other.unwrap(wrapped)).rejects.toBeInstanceOf(KeyUnwrapError);
    await expect(master.unwrap(Buffer.alloc(10))).rejects.toBeInstanceOf(KeyUnwrapError);
  });

  it('has an id of 8 hex digits that tells master keys apart and is stable for one key', () => {
    const bytes = randomBytes(32);

    expect(new LocalMasterKey(bytes).id).toMatch(/^[0-9a-f]{8}$/);
    expect(new LocalMasterKey(bytes).id).toBe(new LocalMasterKey(Buffer.from(bytes)).id);
    expect(new LocalMasterKey(randomBytes(32)).id).not.toBe(new LocalMasterKey(bytes).id);
  });

  it('keeps its own copy of the key', async () => {
    const bytes = randomBytes(32);
    const key = new LocalMasterKey(bytes);
    const wrapped = await key.wrap(generateDataKey());
    bytes.fill(0);

    await expect(key.unwrap(wrapped)).resolves.toHaveLength(32);
  });

  it('given a key that is not 32 bytes, refuses it', () => {
    expect(() => new LocalMasterKey(randomBytes(16))).toThrow(RangeError);
  });
});

describe('masterKeyFromConfig', () => {
  it('given HAVEN_MASTER_KEY as base64 of 32 bytes, makes the master key it names', () => {
    const bytes = randomBytes(32);

    const master = masterKeyFromConfig({ HAVEN_MASTER_KEY: bytes.toString('base64') });

    expect(master.id).toBe(new LocalMasterKey(bytes).id);
  });

  it('given no HAVEN_MASTER_KEY, says which variable to set', () => {
    expect(() => masterKeyFromConfig({})).toThrow(MasterKeyConfigError);
    expect(() => masterKeyFromConfig({ HAVEN_MASTER_KEY: ' ' })).toThrow(
      /HAVEN_MASTER_KEY is not set/,
    );
  });

  it('given a malformed HAVEN_MASTER_KEY, names the variable but never prints the value', () => {
    const values = [
      'not base64 at all!',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('base64url').replace(/=+$/, '') + '-',
      randomBytes(32).toString('hex'),
    ];
    for (const value of values) {
      let message = '';
      try {
        masterKeyFromConfig({ HAVEN_MASTER_KEY: value });
      } catch (error) {
        expect(error).toBeInstanceOf(MasterKeyConfigError);
        message = (error as Error).message;
      }
      expect(message).toContain('HAVEN_MASTER_KEY');
      expect(message).not.toContain(value);
    }
  });
});
