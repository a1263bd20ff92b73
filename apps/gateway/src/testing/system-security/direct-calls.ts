// A service called directly, past the gateway (part of system.security-spec.ts): without the
// gateway's identity assertion, or with a user's token, a forged or an expired identity, every
// service refuses with 401; even with the gateway's identity, a document nested too deep or an
// operation the service lacks is refused with 400.
import { generateDevKeys, IdentitySigner, type Principal } from '@haven/platform/security';
import { SUBGRAPHS } from '../system';
import {
  onlyError,
  personalDetails,
  REGISTER,
  send,
  tokens,
  type HostileSystem,
  type Reply,
} from './system';

export function describeDirectCalls(haven: () => HostileSystem): void {
  describe('a service called directly, not through the gateway', () => {
    const admin: Principal = {
      subject: 'direct-admin',
      role: 'admin',
      countries: 'all',
      organisationId: null,
    };

    function direct(
      label: string,
      service: string,
      headers: Record<string, string>,
      body: unknown,
    ): Promise<Reply> {
      const { system } = haven();
      return send(label, `${system.subgraphs[service].origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    }

    async function expectRefused(
      label: string,
      headers: Record<string, string>,
      reason: string,
    ): Promise<void> {
      const { rowCounts } = haven();
      const before = await rowCounts();
      const input = { country: 'TH', sex: 'FEMALE', minor: true, personal: personalDetails() };
      const reply = await direct(label, 'protection', headers, {
        query: REGISTER,
        variables: { input },
      });
      expect({ label, status: reply.status }).toEqual({ label, status: 401 });
      expect(reply.body.data ?? undefined).toBeUndefined();
      expect(onlyError(reply)).toEqual({
        message: expect.any(String),
        extensions: { code: 'UNAUTHENTICATED', reason },
      });
      expect(await rowCounts()).toEqual(before);
      // The other services refuse the same way, whatever is asked.
      for (const service of SUBGRAPHS.map(({ name }) => name).filter((n) => n !== 'protection')) {
        const other = await direct(`${label} ${service}`, service, headers, {
          query: `{ ${service}Status { service } }`,
        });
        expect({ service, status: other.status, error: onlyError(other).extensions }).toEqual({
          service,
          status: 401,
          error: { code: 'UNAUTHENTICATED', reason },
        });
      }
    }

    it('answers the gateway’s identity (so the refusals below are about the identity)', async () => {
      const { system } = haven();
      const identity = await new IdentitySigner(system.keys.identity.privateJwk).sign(admin);
      tokens.push(identity);
      const reply = await direct(
        'direct-valid',
        'protection',
        { 'x-haven-identity': identity },
        {
          query: '{ protectionStatus { service ready } }',
        },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
    });

    it('refuses, even with the gateway’s identity, a document nested 3,000 deep or an operation it lacks, with 400', async () => {
      const { system } = haven();
      const identity = await new IdentitySigner(system.keys.identity.privateJwk).sign(admin);
      tokens.push(identity);
      const nested = `{ ${'protectionStatus { '.repeat(3_000)}ready${' }'.repeat(3_000)} }`;
      for (const service of ['protection', 'networks', 'empowerment', 'legal', 'relief']) {
        const headers = { 'x-haven-identity': identity };
        const deep = await direct(`direct-deep ${service}`, service, headers, { query: nested });
        expect({ service, status: deep.status, text: deep.text }).toEqual({
          service,
          status: 400,
          text: expect.not.stringContaining('call stack'),
        });
        expect(onlyError(deep)).toEqual({
          message: 'Syntax Error: Document nests more than 64 levels. Parsing aborted.',
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        });
        const unknown = await direct(`direct-unknown-operation ${service}`, service, headers, {
          query: `query Known { ${service}Status { service } }`,
          operationName: 'ProbeMarker',
        });
        expect({ service, status: unknown.status }).toEqual({ service, status: 400 });
        expect(unknown.text).not.toContain('ProbeMarker');
        expect(onlyError(unknown).extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
      }
    });

    it('refuses a call with no identity', async () => {
      await expectRefused('direct-none', {}, 'IDENTITY_MISSING');
    });

    it('refuses a user’s bearer token instead of the gateway’s identity', async () => {
      const { token } = haven();
      const bearer = await token({ role: 'admin', subject: 'direct-user' });
      await expectRefused(
        'direct-bearer',
        { authorization: `Bearer ${bearer}` },
        'IDENTITY_MISSING',
      );
      await expectRefused(
        'direct-token-as-identity',
        { 'x-haven-identity': bearer },
        'IDENTITY_INVALID',
      );
    });

    it('refuses an identity signed with another key, or expired', async () => {
      const { system } = haven();
      const forged = await new IdentitySigner(generateDevKeys().identity.privateJwk).sign(admin);
      tokens.push(forged);
      await expectRefused('direct-wrong-key', { 'x-haven-identity': forged }, 'IDENTITY_INVALID');
      const expired = await new IdentitySigner(system.keys.identity.privateJwk, -120).sign(admin);
      tokens.push(expired);
      await expectRefused('direct-expired', { 'x-haven-identity': expired }, 'IDENTITY_INVALID');
    });
  });
}
