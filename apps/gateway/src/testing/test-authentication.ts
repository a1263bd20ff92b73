import { createLocalJWKSet } from 'jose';
import {
  AccessTokenVerifier,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  generateDevKeys,
  IdentitySigner,
  mintDevToken,
  type DevKeys,
  type DevTokenOptions,
} from '@haven/platform/security';
import type { GatewayAuthentication } from '../authentication';

/** A gateway's authentication on keys made for one test file, and tokens from its issuer. */
export function testAuthentication(clockSkewSeconds = 30): {
  keys: DevKeys;
  authentication: GatewayAuthentication;
  token(options: DevTokenOptions): Promise<string>;
} {
  const keys = generateDevKeys();
  return {
    keys,
    authentication: {
      verifier: new AccessTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEFAULT_AUDIENCE,
        keys: createLocalJWKSet(keys.issuer.jwks),
        clockSkewSeconds,
      }),
      signer: new IdentitySigner(keys.identity.privateJwk),
      developmentIssuer: true,
    },
    token: (options) => mintDevToken(keys, options),
  };
}
