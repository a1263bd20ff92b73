import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError } from './errors';
import { principalFromClaims, InvalidIdentityError, type Principal } from './principal';
import { TokenCache } from './token-cache';

/** Only asymmetric signatures: a shared secret would let every holder mint tokens. */
export const ACCESS_TOKEN_ALGORITHMS = ['RS256', 'ES256'];

export interface AccessTokenVerifierOptions {
  issuer: string;
  audience: string;
  /** The issuer's keys: `createRemoteJWKSet(url)` or `createLocalJWKSet(jwks)` from jose. */
  keys: JWTVerifyGetKey;
  /** Tolerated clock difference for `exp` and `nbf`, in seconds. */
  clockSkewSeconds: number;
}

/**
 * Verifies OIDC access tokens (JWT, RS256 or ES256) at the gateway: signature against the
 * issuer's JWKS, issuer, audience, expiry and not-before, then Haven's claims.
 */
export class AccessTokenVerifier {
  private readonly cache = new TokenCache<Principal>();

  constructor(private readonly options: AccessTokenVerifierOptions) {}

  /** The principal of an `Authorization` header value; throws AuthenticationError. */
  async verifyAuthorization(header: string | undefined): Promise<Principal> {
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) {
      throw new AuthenticationError(
        'TOKEN_MISSING',
        'Authentication required: send an access token as "Authorization: Bearer <token>".',
      );
    }
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const { issuer, audience, keys, clockSkewSeconds } = this.options;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ACCESS_TOKEN_ALGORITHMS,
        clockTolerance: clockSkewSeconds,
        requiredClaims: ['exp', 'sub'],
      });
      const principal = principalFromClaims(payload);
      this.cache.set(token, principal, ((payload.exp as number) + clockSkewSeconds) * 1000);
      return principal;
    } catch (error) {
      throw describeTokenFailure(error);
    }
  }
}

/** A jose failure as a client-safe reason; nothing from the token itself. */
function describeTokenFailure(error: unknown): AuthenticationError {
  if (error instanceof InvalidIdentityError) {
    return new AuthenticationError('TOKEN_INVALID', error.message);
  }
  if (error instanceof errors.JWTExpired) {
    return new AuthenticationError('TOKEN_EXPIRED', 'The access token has expired.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') {
      return new AuthenticationError('TOKEN_NOT_YET_VALID', 'The access token is not valid yet.');
    }
    if (error.claim === 'iss') {
      return new AuthenticationError(
        'TOKEN_WRONG_ISSUER',
        'The access token was not issued by the issuer Haven trusts.',
      );
    }
    if (error.claim === 'aud') {
      return new AuthenticationError(
        'TOKEN_WRONG_AUDIENCE',
        'The access token was issued for another audience.',
      );
    }
  }
  return new AuthenticationError('TOKEN_INVALID', 'The access token is invalid.');
}
