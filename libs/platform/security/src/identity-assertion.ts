import { importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { AuthenticationError } from './errors';
import { claimsOf, principalFromClaims, type Principal } from './principal';
import { TokenCache } from './token-cache';

/**
 * How the gateway tells a subgraph who is asking: a short-lived JWT it signs (ES256) with a key
 * only it holds. Subgraphs verify it with the public key, so a bare header, a replayed user
 * token or a call that did not come through the gateway is refused.
 */
export const IDENTITY_HEADER = 'x-haven-identity';
const ISSUER = 'haven-gateway';
const AUDIENCE = 'haven-subgraphs';
const ALGORITHM = 'ES256';

export class IdentitySigner {
  private readonly cache = new TokenCache<string>();
  private key?: Promise<CryptoKey | Uint8Array>;

  constructor(
    private readonly privateJwk: JWK,
    private readonly ttlSeconds = 60,
  ) {}

  /** An assertion for the principal; reused for half its lifetime (signing costs ~0.1 ms). */
  async sign(principal: Principal): Promise<string> {
    const cacheKey = `${principal.subject}\u0000${principal.role}\u0000${principal.organisationId ?? ''}\u0000${principal.countries === 'all' ? '*' : principal.countries.join(',')}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    this.key ??= importJWK(this.privateJwk, ALGORITHM);
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT(claimsOf(principal))
      .setProtectedHeader({ alg: ALGORITHM, typ: 'haven-identity+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(await this.key);
    this.cache.set(cacheKey, assertion, (now + this.ttlSeconds / 2) * 1000);
    return assertion;
  }
}

export class IdentityVerifier {
  private readonly cache = new TokenCache<Principal>();
  private key?: Promise<CryptoKey | Uint8Array>;

  constructor(private readonly publicJwk: JWK) {}

  /** The principal of an incoming request's identity header; throws AuthenticationError. */
  async verify(assertion: string | string[] | undefined): Promise<Principal> {
    if (typeof assertion !== 'string' || !assertion) {
      throw new AuthenticationError(
        'IDENTITY_MISSING',
        'This service answers the Haven gateway only: send requests through the gateway.',
      );
    }
    const cached = this.cache.get(assertion);
    if (cached) return cached;
    this.key ??= importJWK(this.publicJwk, ALGORITHM);
    try {
      const { payload } = await jwtVerify(assertion, await this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp'],
        clockTolerance: 5,
      });
      const principal = principalFromClaims(payload);
      this.cache.set(assertion, principal, (payload.exp as number) * 1000);
      return principal;
    } catch {
      throw new AuthenticationError(
        'IDENTITY_INVALID',
        'The identity sent with this request is invalid or expired.',
      );
    }
  }
}
