import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LocalMasterKey, MasterKeyConfigError } from '@haven/platform/privacy';
import { loadMasterKey } from '@haven/platform/nest';
import { Privacy } from './privacy';

describe('the master key of protection', () => {
  let keysDir: string;

  beforeEach(() => {
    keysDir = mkdtempSync(join(tmpdir(), 'haven-keys-'));
  });

  afterEach(() => {
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('is HAVEN_MASTER_KEY when set, in production as in development', () => {
    const bytes = randomBytes(32);
    const expected = new LocalMasterKey(bytes).id;
    for (const NODE_ENV of ['production', 'development']) {
      const key = loadMasterKey({ NODE_ENV, HAVEN_MASTER_KEY: bytes.toString('base64') });
      expect(key.id).toBe(expected);
    }
  });

  it('is required in production: a clear startup error naming the variable', () => {
    expect(() => loadMasterKey({ NODE_ENV: 'production', HAVEN_KEYS_DIR: keysDir })).toThrow(
      MasterKeyConfigError,
    );
    expect(() => loadMasterKey({ NODE_ENV: 'production', HAVEN_KEYS_DIR: keysDir })).toThrow(
      /In production HAVEN_MASTER_KEY must be set/,
    );
  });

  it('in development without it, is the local development master key, the same every time', () => {
    const first = loadMasterKey({ HAVEN_KEYS_DIR: keysDir });
    const again = loadMasterKey({ HAVEN_KEYS_DIR: keysDir });
    expect(first.id).toBe(again.id);
  });
});

describe('Privacy in schema-only mode', () => {
  it('reads no key and opens no pool: using it fails, plainly', async () => {
    const privacy = new Privacy({
      name: 'protection',
      databaseUrl: 'postgres://nowhere.invalid/none',
      schemaOnly: true,
      readyMaxLagSeconds: 30,
    });
    expect(() => privacy.keys).toThrow(/unavailable/);
    await expect(async () => privacy.connect()).rejects.toThrow(/unavailable/);
    await privacy.onApplicationShutdown();
  });
});
