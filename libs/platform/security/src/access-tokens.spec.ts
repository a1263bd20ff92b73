// The gateway's token check against every way a token can be wrong.
import { generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, SignJWT, type JWK } from 'jose';
import { AccessTokenVerifier } from './access-tokens';
import { generateDevKeys, mintDevToken, DEV_ISSUER } from './dev-keys';
import { AuthenticationError } from './errors';

const keys = generateDevKeys();
const verifier = (clockSkewSeconds = 30) =>
  new AccessTokenVerifier({
    issuer: DEV_ISSUER,
    audience: 'haven',
    keys: createLocalJWKSet(keys.issuer.jwks),
    clockSkewSeconds,
  });

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    // Messages never quote the token.
    expect((error as Error).message).not.toMatch(/eyJ/);
    return (error as AuthenticationError).reason;
  }
  throw new Error('the token was accepted');
}

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

describe('AccessTokenVerifier', () => {
  it('accepts a valid ES256 token and returns its principal', async () => {
    const token = await mintDevToken(keys, { role: 'protection_officer', countries: ['TH'] });
    await expect(verifier().verifyAuthorization(`Bearer ${token}`)).resolves.toEqual({
      subject: 'dev-protection_officer',
      role: 'protection_officer',
      countries: ['TH'],
      organisationId: null,
    });
  });

  it('accepts a valid RS256 token from a key in the JWKS', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...(publicKey.export({ format: 'jwk' }) as JWK), kid: 'rsa-1', alg: 'RS256' };
    const rsaVerifier = new AccessTokenVerifier({
      issuer: DEV_ISSUER,
      audience: 'haven',
      keys: createLocalJWKSet({ keys: [jwk] }),
      clockSkewSeconds: 0,
    });
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(DEV_ISSUER)
      .setAudience('haven')
      .setSubject('u-1')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(rsaVerifier.verify(token)).resolves.toMatchObject({ role: 'admin' });
  });

  it('refuses no token, and a header that is not a bearer token', async () => {
    expect(await reasonOf(verifier().verifyAuthorization(undefined))).toBe('TOKEN_MISSING');
    expect(await reasonOf(verifier().verifyAuthorization('Basic dXNlcjpwYXNz'))).toBe(
      'TOKEN_MISSING',
    );
  });

  it('refuses an expired token, beyond the clock skew only', async () => {
    const expired = await mintDevToken(keys, { role: 'admin', ttlSeconds: -60 });
    expect(await reasonOf(verifier(30).verify(expired))).toBe('TOKEN_EXPIRED');
    await expect(verifier(120).verify(expired)).resolves.toMatchObject({ role: 'admin' });
  });

  it('refuses a token that is not valid yet, beyond the clock skew only', async () => {
    const early = await mintDevToken(keys, { role: 'admin', notBeforeSeconds: 600 });
    expect(await reasonOf(verifier(30).verify(early))).toBe('TOKEN_NOT_YET_VALID');
    const slightlyEarly = await mintDevToken(keys, { role: 'admin', notBeforeSeconds: 10 });
    await expect(verifier(30).verify(slightlyEarly)).resolves.toMatchObject({ role: 'admin' });
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    const issuer = await mintDevToken(keys, { role: 'admin', issuer: 'https://evil.example' });
    expect(await reasonOf(verifier().verify(issuer))).toBe('TOKEN_WRONG_ISSUER');
    const audience = await mintDevToken(keys, { role: 'admin', audience: 'another-app' });
    expect(await reasonOf(verifier().verify(audience))).toBe('TOKEN_WRONG_AUDIENCE');
  });

  it('refuses a forged signature: another key, or a payload changed after signing', async () => {
    const other = generateDevKeys();
    // Same kid as the trusted key, signed with another private key.
    other.issuer.privateJwk.kid = keys.issuer.privateJwk.kid;
    const forged = await mintDevToken(other, { role: 'admin' });
    expect(await reasonOf(verifier().verify(forged))).toBe('TOKEN_INVALID');

    const genuine = await mintDevToken(keys, { role: 'partner', organisationId: 'ngo-a' });
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
    expect(await reasonOf(verifier().verify(elevated))).toBe('TOKEN_INVALID');
  });

  it('refuses alg none, and a symmetric token keyed with the public key', async () => {
    const claims = {
      sub: 'intruder',
      role: 'admin',
      iss: DEV_ISSUER,
      aud: 'haven',
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    expect(await reasonOf(verifier().verify(unsigned))).toBe('TOKEN_INVALID');

    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(keys.issuer.jwks.keys[0]));
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: keys.issuer.privateJwk.kid })
      .sign(publicKeyAsSecret);
    expect(await reasonOf(verifier().verify(hs256))).toBe('TOKEN_INVALID');
  });

  it('refuses a genuine token whose claims are not a Haven identity', async () => {
    const noRole = await new SignJWT({ role: 'superuser' })
      .setProtectedHeader({ alg: 'ES256', kid: keys.issuer.privateJwk.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience('haven')
      .setSubject('u-2')
      .setExpirationTime('5m')
      .sign(await (await import('jose')).importJWK(keys.issuer.privateJwk, 'ES256'));
    expect(await reasonOf(verifier().verify(noRole))).toBe('TOKEN_INVALID');
    const noCountries = await mintDevToken(keys, { role: 'legal_officer' });
    expect(await reasonOf(verifier().verify(noCountries))).toBe('TOKEN_INVALID');
    const partnerWithoutOrg = await mintDevToken(keys, { role: 'partner' });
    expect(await reasonOf(verifier().verify(partnerWithoutOrg))).toBe('TOKEN_INVALID');
  });
});
