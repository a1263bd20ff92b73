import { createLocalJWKSet, createRemoteJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_KEYS_DIR, DEV_ISSUER, ensureDevKeys } from './dev-keys';

/** A security setting that is missing or wrong: names the variable, never prints its value. */
export class SecurityConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecurityConfigError';
  }
}

export interface GatewaySecurity {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  clockSkewSeconds: number;
  /** The key the gateway signs identity assertions for the subgraphs with. */
  identityPrivateJwk: JWK;
  /** True when tokens come from the local development issuer. */
  developmentIssuer: boolean;
}

function parseJwk(env: NodeJS.ProcessEnv, name: string): JWK {
  try {
    const jwk = JSON.parse(env[name] ?? '') as JWK;
    if (jwk?.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error('not a P-256 key');
    return jwk;
  } catch {
    throw new SecurityConfigError(`${name} must be a P-256 (ES256) key in JWK JSON form.`);
  }
}

function clockSkew(env: NodeJS.ProcessEnv): number {
  const raw = env.HAVEN_OIDC_CLOCK_SKEW_SECONDS;
  if (raw === undefined || raw === '') return 30;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 300) {
    throw new SecurityConfigError(
      'HAVEN_OIDC_CLOCK_SKEW_SECONDS must be a whole number from 0 to 300.',
    );
  }
  return value;
}

/**
 * The gateway's token settings. Production: HAVEN_OIDC_ISSUER, HAVEN_OIDC_JWKS_URL and
 * HAVEN_IDENTITY_PRIVATE_KEY are required, and the development issuer is refused. Development:
 * without HAVEN_OIDC_ISSUER, tokens come from the local development issuer (`npm run token`),
 * whose keys live in HAVEN_KEYS_DIR (default .data/keys).
 */
export function loadGatewaySecurity(env: NodeJS.ProcessEnv, production: boolean): GatewaySecurity {
  const issuer = env.HAVEN_OIDC_ISSUER || undefined;
  const audience = env.HAVEN_OIDC_AUDIENCE || DEFAULT_AUDIENCE;
  const clockSkewSeconds = clockSkew(env);
  if (production) {
    if (!issuer || issuer === DEV_ISSUER) {
      throw new SecurityConfigError(
        'In production HAVEN_OIDC_ISSUER must name your identity provider; the development issuer is refused.',
      );
    }
    if (!env.HAVEN_OIDC_JWKS_URL) {
      throw new SecurityConfigError('In production HAVEN_OIDC_JWKS_URL must be set.');
    }
    if (!env.HAVEN_IDENTITY_PRIVATE_KEY) {
      throw new SecurityConfigError('In production HAVEN_IDENTITY_PRIVATE_KEY must be set.');
    }
  }
  const devKeys = () => ensureDevKeys(env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR);
  let keys: JWTVerifyGetKey;
  if (env.HAVEN_OIDC_JWKS_URL) {
    let url: URL;
    try {
      url = new URL(env.HAVEN_OIDC_JWKS_URL);
    } catch {
      throw new SecurityConfigError('HAVEN_OIDC_JWKS_URL must be a URL.');
    }
    keys = createRemoteJWKSet(url);
  } else if (!issuer || issuer === DEV_ISSUER) {
    keys = createLocalJWKSet(devKeys().issuer.jwks);
  } else {
    throw new SecurityConfigError('HAVEN_OIDC_ISSUER is set: set HAVEN_OIDC_JWKS_URL too.');
  }
  return {
    issuer: issuer ?? DEV_ISSUER,
    audience,
    keys,
    clockSkewSeconds,
    identityPrivateJwk: env.HAVEN_IDENTITY_PRIVATE_KEY
      ? parseJwk(env, 'HAVEN_IDENTITY_PRIVATE_KEY')
      : devKeys().identity.privateJwk,
    developmentIssuer: (issuer ?? DEV_ISSUER) === DEV_ISSUER,
  };
}

/**
 * The public key a subgraph verifies the gateway's identity assertions with:
 * HAVEN_IDENTITY_PUBLIC_KEY, required in production; in development the local one.
 */
export function loadIdentityPublicKey(env: NodeJS.ProcessEnv, production: boolean): JWK {
  if (env.HAVEN_IDENTITY_PUBLIC_KEY) return parseJwk(env, 'HAVEN_IDENTITY_PUBLIC_KEY');
  if (production) {
    throw new SecurityConfigError('In production HAVEN_IDENTITY_PUBLIC_KEY must be set.');
  }
  return ensureDevKeys(env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR).identity.publicJwk;
}
