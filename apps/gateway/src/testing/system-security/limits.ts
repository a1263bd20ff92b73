// Limits (part of system.security-spec.ts): a query too deep, too costly, with too many aliases or
// tokens, an oversized body or a batch is refused by the gateway before any service is called.
import {
  NO_CALLS,
  onlyError,
  PERSONAL_SELECTION,
  personalDetails,
  REGISTER,
  type HostileSystem,
  type Reply,
} from './system';

export function describeLimitChecks(haven: () => HostileSystem): void {
  describe('limits: refused by the gateway, before any service is called', () => {
    async function expectRefused(
      label: string,
      body: unknown,
      status: number,
      code: string,
      message: RegExp,
    ): Promise<Reply> {
      const { adminToken, rowCounts, subgraphCalls, viaGateway } = haven();
      const before = await rowCounts();
      const reply = await viaGateway(label, adminToken, body);
      expect({ label, status: reply.status }).toEqual({ label, status });
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors).toContainEqual(
        expect.objectContaining({ message: expect.stringMatching(message) }),
      );
      for (const error of reply.body.errors ?? []) {
        expect(error.extensions).toEqual({ code, requestId: reply.headers.get('x-request-id') });
      }
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
      return reply;
    }

    it('refuses a query nested too deep', async () => {
      // Haven's schema has no cycle, so depth past 12 takes fields it does not have: the depth
      // is refused alongside them.
      await expectRefused(
        'deep',
        {
          query: `{ beneficiaries(first: 1) { edges { node { ${'nested { '.repeat(10)}id${' }'.repeat(10)} } } } }`,
        },
        400,
        'GRAPHQL_VALIDATION_FAILED',
        /^The query is 14 levels deep; at most 12 are allowed\.$/,
      );
    });

    it('refuses a costly list query', async () => {
      const page = (alias: string) =>
        `${alias}: beneficiaries(first: 100) { edges { node { id referenceCode country sex minor registeredAt caseNotificationCount empowermentServiceCount legalCaseCount reliefDistributionCount personalDetails { ${PERSONAL_SELECTION} } } } }`;
      await expectRefused(
        'costly',
        { query: `query Costly { ${['a', 'b', 'c'].map(page).join(' ')} }` },
        400,
        'GRAPHQL_VALIDATION_FAILED',
        /^The query's estimated cost is \d+ .*at most 5000 is allowed\.$/,
      );
    });

    it('refuses 1,000 aliases, and a document of more than 5,000 tokens', async () => {
      const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: id`).join(' ');
      await expectRefused(
        'aliases',
        { query: `{ beneficiaries(first: 1) { edges { node { ${aliases} } } } }` },
        400,
        'GRAPHQL_VALIDATION_FAILED',
        /^The query uses 1000 aliases; at most 30 are allowed\.$/,
      );
      await expectRefused(
        'tokens',
        { query: `{ beneficiaries(first: 1) { edges { node { ${'id '.repeat(6000)}} } } }` },
        400,
        'GRAPHQL_PARSE_FAILED',
        /^Syntax Error: Document contains more th(?:an|at) 5000 tokens\. Parsing aborted\.$/,
      );
    });

    it('refuses an oversized body with 413, unread, and a batch of operations', async () => {
      const { adminToken, rowCounts, subgraphCalls, viaGateway } = haven();
      const before = await rowCounts();
      const notes = personalDetails().notes;
      const input = {
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: { ...personalDetails(), notes: `${notes} `.repeat(3000) },
      };
      const reply = await viaGateway('oversized', adminToken, {
        query: REGISTER,
        variables: { input },
      });
      expect(reply.status).toBe(413);
      expect(reply.body).toEqual({ error: 'Request body too large' });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);

      const batch = await viaGateway(
        'batch',
        adminToken,
        Array.from({ length: 20 }, () => ({
          query: REGISTER,
          variables: {
            input: { country: 'TH', sex: 'FEMALE', minor: true, personal: personalDetails() },
          },
        })),
      );
      expect(batch.status).toBe(400);
      expect(onlyError(batch).extensions).toMatchObject({ code: 'BAD_REQUEST' });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
    });
  });
}
