// Tokens (part of system.security-spec.ts): a request without a token, or with one expired, not
// valid yet, from another issuer or audience, forged, altered, unsigned, or naming no Haven role,
// is refused at the gateway with 401 before any service is called, and changes no table.
import {
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  IdentitySigner,
  type DevTokenOptions,
} from '@haven/platform/security';
import { base64url, generateKeyPair, SignJWT } from 'jose';
import {
  NO_CALLS,
  onlyError,
  personalDetails,
  REGISTER,
  registered,
  send,
  tokens,
  type HostileSystem,
} from './system';

export function describeTokenChecks(haven: () => HostileSystem): void {
  describe('tokens: refused at the gateway with 401, before any service is called', () => {
    const mutation = () => ({
      query: REGISTER,
      variables: {
        input: { country: 'TH', sex: 'FEMALE', minor: true, personal: personalDetails() },
      },
    });

    async function expectUnauthenticated(
      label: string,
      bearer: string | undefined,
      reason: string,
    ) {
      const { rowCounts, subgraphCalls, viaGateway } = haven();
      const before = await rowCounts();
      const reply = await viaGateway(label, bearer, mutation(), {
        headers: { 'x-request-id': `req-${label}` },
      });
      expect({ label, status: reply.status }).toEqual({ label, status: 401 });
      expect(reply.headers.get('www-authenticate')).toBe('Bearer');
      expect(reply.body).toEqual({
        errors: [
          {
            message: expect.any(String),
            extensions: { code: 'UNAUTHENTICATED', reason, requestId: `req-${label}` },
          },
        ],
      });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
    }

    it('registers with a valid token (so the checks below can fail)', async () => {
      const { adminToken, rowCounts, system, viaGateway } = haven();
      const before = await rowCounts();
      const reply = await viaGateway('valid token', adminToken, mutation());
      registered(reply);
      expect(system.proxies.protection.calls).toHaveLength(1);
      const after = await rowCounts();
      expect(after['event_store.events']).toBe(before['event_store.events'] + 1);
      expect(after['protection.beneficiaries']).toBe(before['protection.beneficiaries'] + 1);
    });

    it('refuses a request without a token, or with a malformed Authorization header', async () => {
      const { rowCounts, subgraphCalls, system } = haven();
      await expectUnauthenticated('no-token', undefined, 'TOKEN_MISSING');
      const before = await rowCounts();
      const reply = await send('basic-auth', system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
        body: JSON.stringify(mutation()),
      });
      expect(reply.status).toBe(401);
      expect(onlyError(reply).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_MISSING',
      });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses an expired token and a token not valid yet', async () => {
      const { token } = haven();
      await expectUnauthenticated(
        'expired',
        await token({ role: 'admin', ttlSeconds: -3600 }),
        'TOKEN_EXPIRED',
      );
      await expectUnauthenticated(
        'not-yet-valid',
        await token({ role: 'admin', notBeforeSeconds: 3600 }),
        'TOKEN_NOT_YET_VALID',
      );
    });

    it('refuses a token from another issuer, or for another audience', async () => {
      const { token } = haven();
      await expectUnauthenticated(
        'wrong-issuer',
        await token({ role: 'admin', issuer: 'https://id.example.org' }),
        'TOKEN_WRONG_ISSUER',
      );
      await expectUnauthenticated(
        'wrong-audience',
        await token({ role: 'admin', audience: 'another-application' }),
        'TOKEN_WRONG_AUDIENCE',
      );
    });

    it('refuses forged signatures: another key under the issuer’s kid, a payload altered after signing', async () => {
      const { system, token } = haven();
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'ES256', kid: system.keys.issuer.privateJwk.kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('forger')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      tokens.push(forged);
      await expectUnauthenticated('other-key', forged, 'TOKEN_INVALID');

      // A protection officer of Thailand makes themselves an admin.
      const genuine = await token({ role: 'protection_officer', countries: ['TH'] });
      const [header, payload, signature] = genuine.split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<
        string,
        unknown
      >;
      const promoted = base64url.encode(
        JSON.stringify({ ...claims, role: 'admin', countries: undefined }),
      );
      const altered = `${header}.${promoted}.${signature}`;
      tokens.push(altered);
      await expectUnauthenticated('altered-payload', altered, 'TOKEN_INVALID');
    });

    it('refuses `alg: none`, an HMAC signed with the issuer’s public key, and the gateway’s own identity assertion', async () => {
      const { system } = haven();
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        sub: 'nobody',
        role: 'admin',
        iss: DEV_ISSUER,
        aud: DEFAULT_AUDIENCE,
        iat: now,
        exp: now + 3600,
      };
      const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
      tokens.push(unsigned);
      await expectUnauthenticated('alg-none', unsigned, 'TOKEN_INVALID');

      const publicJwk = system.keys.issuer.jwks.keys[0];
      const hmac = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('confused')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      tokens.push(hmac);
      await expectUnauthenticated('hs256-public-key', hmac, 'TOKEN_INVALID');

      const assertion = await new IdentitySigner(system.keys.identity.privateJwk).sign({
        subject: 'replayed',
        role: 'admin',
        countries: 'all',
        organisationId: null,
      });
      tokens.push(assertion);
      await expectUnauthenticated('identity-as-token', assertion, 'TOKEN_INVALID');
    });

    it('refuses a validly signed token whose claims name no Haven role', async () => {
      const { token } = haven();
      await expectUnauthenticated(
        'unknown-role',
        await token({ role: 'superuser' as DevTokenOptions['role'] }),
        'TOKEN_INVALID',
      );
    });
  });
}
