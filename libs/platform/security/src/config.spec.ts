// What the gateway and subgraphs accept as security configuration, in production and not.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewaySecurity, loadIdentityPublicKey, SecurityConfigError } from './config';
import { DEV_ISSUER, ensureDevKeys, generateDevKeys } from './dev-keys';

const identity = generateDevKeys().identity;

describe('security configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'haven-keys-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the development issuer when no issuer is configured, outside production', () => {
    const config = loadGatewaySecurity({ HAVEN_KEYS_DIR: dir }, false);
    expect(config).toMatchObject({
      issuer: DEV_ISSUER,
      audience: 'haven',
      developmentIssuer: true,
    });
    expect(readdirSync(dir)).toEqual(['dev-keys.json']);
  });

  it('refuses the development issuer and missing settings in production, naming the variable', () => {
    expect(() => loadGatewaySecurity({ HAVEN_KEYS_DIR: dir }, true)).toThrow(
      /HAVEN_OIDC_ISSUER must name your identity provider/,
    );
    expect(() =>
      loadGatewaySecurity({ HAVEN_OIDC_ISSUER: DEV_ISSUER, HAVEN_KEYS_DIR: dir }, true),
    ).toThrow(SecurityConfigError);
    expect(() => loadGatewaySecurity({ HAVEN_OIDC_ISSUER: 'https://id.example' }, true)).toThrow(
      /HAVEN_OIDC_JWKS_URL/,
    );
    expect(() =>
      loadGatewaySecurity(
        { HAVEN_OIDC_ISSUER: 'https://id.example', HAVEN_OIDC_JWKS_URL: 'https://id.example/jwks' },
        true,
      ),
    ).toThrow(/HAVEN_IDENTITY_PRIVATE_KEY/);
    expect(() => loadIdentityPublicKey({ HAVEN_KEYS_DIR: dir }, true)).toThrow(
      /HAVEN_IDENTITY_PUBLIC_KEY/,
    );
    // Production never falls back to (or creates) development keys.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes a production configuration, and refuses a malformed key without printing it', () => {
    const config = loadGatewaySecurity(
      {
        HAVEN_OIDC_ISSUER: 'https://id.example',
        HAVEN_OIDC_AUDIENCE: 'haven-api',
        HAVEN_OIDC_JWKS_URL: 'https://id.example/jwks',
        HAVEN_OIDC_CLOCK_SKEW_SECONDS: '10',
        HAVEN_IDENTITY_PRIVATE_KEY: JSON.stringify(identity.privateJwk),
      },
      true,
    );
    expect(config).toMatchObject({
      issuer: 'https://id.example',
      audience: 'haven-api',
      clockSkewSeconds: 10,
      developmentIssuer: false,
    });
    const secret = 'not-a-key-but-secret-text';
    let message = '';
    try {
      loadIdentityPublicKey({ HAVEN_IDENTITY_PUBLIC_KEY: secret }, true);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/HAVEN_IDENTITY_PUBLIC_KEY must be a P-256/);
    expect(message).not.toContain(secret);
    expect(() =>
      loadGatewaySecurity({ HAVEN_KEYS_DIR: dir, HAVEN_OIDC_CLOCK_SKEW_SECONDS: '-1' }, false),
    ).toThrow(/HAVEN_OIDC_CLOCK_SKEW_SECONDS/);
  });

  it('makes the development keys once, however many processes ask at the same time', async () => {
    const { execFile } = await import('node:child_process');
    const script = `process.stdout.write(require('./dev-keys').ensureDevKeys(${JSON.stringify(dir)}).masterKey)`;
    const children = Array.from(
      { length: 4 },
      () =>
        new Promise<string>((resolve, reject) =>
          execFile(
            process.execPath,
            ['-r', '@swc-node/register', '-e', script],
            { cwd: __dirname },
            (error, stdout) => (error ? reject(error) : resolve(stdout)),
          ),
        ),
    );
    const masterKeys = await Promise.all(children);
    expect(new Set(masterKeys).size).toBe(1);
    expect(ensureDevKeys(dir).masterKey).toBe(masterKeys[0]);
    expect(readdirSync(dir)).toEqual(['dev-keys.json']);
  }, 30_000);
});
