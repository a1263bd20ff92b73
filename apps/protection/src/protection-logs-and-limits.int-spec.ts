// Protection's request logs and its own limits, on a real PostgreSQL: request and correlation ids
// logged and echoed but never headers, bodies or variables; and the subgraph refusing too many
// aliases, too deep a document and too large a body even with the gateway's identity.
import { randomUUID } from 'node:crypto';
import { TEST_ADMIN } from '@haven/platform/nest/testing';
import { useProtectionService } from './testing/protection-spec-harness';

const protection = useProtectionService();
const { register } = protection;

describe('logs', () => {
  it('carry the request and correlation ids, echo the request id, and never hold headers, bodies or variables', async () => {
    const secretId = randomUUID();
    const response = await register(
      { id: secretId, country: 'TH', sex: 'FEMALE', minor: true },
      {
        authorization: 'Bearer very-secret-token',
        cookie: 'session=very-secret-cookie',
        'x-request-id': 'req-abc-123',
        'x-correlation-id': 'corr-xyz-789',
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-abc-123');
    expect(response.headers.get('x-correlation-id')).toBe('corr-xyz-789');

    const line = protection.service.logs.find(
      (entry) =>
        entry.msg === 'request completed' && (entry.req as { id?: string })?.id === 'req-abc-123',
    );
    expect(line).toMatchObject({
      service: 'protection',
      correlationId: 'corr-xyz-789',
      req: { id: 'req-abc-123', method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    const raw = protection.service.rawLogs();
    for (const secret of [
      'very-secret-token',
      'very-secret-cookie',
      secretId,
      'RegisterBeneficiaryInput',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('replace a request id that is not a plain token with a new one', async () => {
    const response = await fetch(`${protection.service.url}/health/live`, {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('limits in the subgraph itself', () => {
  it('refuses 1,000 aliases and a document over the depth limit, with the gateway identity', async () => {
    // 1,000 aliases in 3,000 tokens: within the parser's token limit, refused by the alias rule.
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`);
    const wide = await protection.service.graphql(`{ ${aliases.join(' ')} }`);
    expect(wide.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(wide.body.data).toBeUndefined();
    // 1,000 aliases of a selection, over 5,000 tokens: refused while parsing, as at the gateway.
    const long = Array.from({ length: 1000 }, (_, i) => `a${i}: protectionStatus { ready }`);
    const parsed = await protection.service.graphql(`{ ${long.join(' ')} }`);
    expect(parsed.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(parsed.body.data).toBeUndefined();
  });

  it('refuses a body over 100 kB with 413, before any GraphQL runs', async () => {
    const response = await fetch(`${protection.service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await protection.service.identityHeaders(TEST_ADMIN)),
      },
      body: JSON.stringify({
        query: `{ protectionStatus { ready } }`,
        padding: 'x'.repeat(200_000),
      }),
    });
    expect(response.status).toBe(413);
  });
});
