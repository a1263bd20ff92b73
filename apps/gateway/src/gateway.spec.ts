// The gateway against three small fake subgraphs (no database): federation across subgraphs, id
// forwarding, a subgraph outage, the offline IDE, production mode, CSRF prevention and the logs.
import { Writable } from 'node:stream';
import { startGateway, type RunningGateway } from './gateway';
import { createLogger } from './logger';
import { fakeSupergraph, startFakeSubgraphs, type FakeSubgraph } from './testing/fake-subgraphs';
import { testAuthentication } from './testing/test-authentication';

// Real tokens on test keys: every gateway here authenticates (the refusals are covered by
// system.security-spec.ts and libs/platform/security's access-tokens.spec.ts).
const { authentication, token } = testAuthentication();
let adminToken: string;
beforeAll(async () => {
  adminToken = await token({ role: 'admin', subject: 'spec-admin' });
});

const FEDERATED_QUERY = `query Beneficiaries {
  beneficiaries { id referenceCode legalCaseCount reliefDistributionCount }
}`;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

function logCapture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

async function post(
  gateway: RunningGateway,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: GraphQLBody; headers: Headers }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${adminToken}`,
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLBody,
    headers: response.headers,
  };
}

describe('the gateway, in development, on a static supergraph', () => {
  let subgraphs: Record<string, FakeSubgraph>;
  let gateway: RunningGateway;
  const log = logCapture();

  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startGateway({
      supergraphSdl: fakeSupergraph(subgraphs),
      production: false,
      logger: log.logger,
      env: {},
      authentication,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
  });

  beforeEach(() => {
    for (const subgraph of Object.values(subgraphs)) subgraph.calls.length = 0;
  });

  it('answers one query with fields from three subgraphs', async () => {
    const { status, body } = await post(gateway, FEDERATED_QUERY);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        beneficiaries: [
          { id: 'b-1', referenceCode: 'TH-0001', legalCaseCount: 10, reliefDistributionCount: 100 },
          { id: 'b-2', referenceCode: 'LA-0002', legalCaseCount: 20, reliefDistributionCount: 200 },
        ],
      },
    });
    // Both beneficiaries are resolved by one _entities call per subgraph, not one each.
    expect(subgraphs.legal.calls.map((call) => call.representations)).toEqual([2]);
    expect(subgraphs.relief.calls.map((call) => call.representations)).toEqual([2]);
  });

  it('forwards the client’s request and correlation ids to every subgraph it calls', async () => {
    const { headers } = await post(gateway, FEDERATED_QUERY, {
      headers: { 'x-request-id': 'req-42', 'x-correlation-id': 'corr-7' },
    });
    expect(headers.get('x-request-id')).toBe('req-42');
    expect(headers.get('x-correlation-id')).toBe('corr-7');
    for (const name of ['protection', 'legal', 'relief']) {
      expect(subgraphs[name].calls).toHaveLength(1);
      expect(subgraphs[name].calls[0].headers['x-request-id']).toBe('req-42');
      expect(subgraphs[name].calls[0].headers['x-correlation-id']).toBe('corr-7');
    }
  });

  it('gives a request without ids a new one, and correlates by it', async () => {
    const { headers } = await post(gateway, FEDERATED_QUERY, {
      headers: { 'x-request-id': 'not a plain token; <script>' },
    });
    const requestId = headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('x-correlation-id')).toBe(requestId);
    expect(subgraphs.legal.calls[0].headers['x-request-id']).toBe(requestId);
    expect(subgraphs.legal.calls[0].headers['x-correlation-id']).toBe(requestId);
  });

  it('answers a stopped subgraph’s fields with an error, the others’ with data, and recovers', async () => {
    await subgraphs.legal.stop();
    try {
      const { status, body } = await post(gateway, FEDERATED_QUERY);
      expect(status).toBe(200);
      expect(body.data).toEqual({
        beneficiaries: [
          {
            id: 'b-1',
            referenceCode: 'TH-0001',
            legalCaseCount: null,
            reliefDistributionCount: 100,
          },
          {
            id: 'b-2',
            referenceCode: 'LA-0002',
            legalCaseCount: null,
            reliefDistributionCount: 200,
          },
        ],
      });
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({
        message: 'The legal service is unavailable.',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'legal' },
      });
      // No internal address reaches the client.
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
      expect((await fetch(`${gateway.origin}/health/live`)).status).toBe(200);
      const ready = await fetch(`${gateway.origin}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok' });
    } finally {
      await subgraphs.legal.start();
    }
    const { body } = await post(gateway, FEDERATED_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      beneficiaries: [{ legalCaseCount: 10 }, { legalCaseCount: 20 }],
    });
  });

  it('serves an IDE page at / that loads nothing from another origin', async () => {
    const response = await fetch(`${gateway.origin}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('graphiql.min.js');
    expect(html.match(/https?:\/\/[^\s"'<>]*/g) ?? []).toEqual([]);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/ide/graphiql.min.css',
        '/ide/react.production.min.js',
        '/ide/react-dom.production.min.js',
        '/ide/graphiql.min.js',
        '/ide/start.js',
      ]),
    );
    for (const asset of assets) {
      const served = await fetch(`${gateway.origin}${asset}`);
      expect({ asset, status: served.status }).toEqual({ asset, status: 200 });
      expect(served.headers.get('content-type')).toMatch(
        asset.endsWith('.css') ? /text\/css/ : /javascript/,
      );
      expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(
        asset.endsWith('start.js') ? 100 : 10_000,
      );
    }
  });

  it('gives the IDE the schema without a token, and keeps its headers (the token) across reloads', async () => {
    const response = await fetch(`${gateway.origin}/ide/schema.json`);
    expect(response.status).toBe(200);
    const { __schema: schema } = (await response.json()) as {
      __schema: { queryType: { name: string }; types: Array<{ name: string }> };
    };
    expect(schema.queryType.name).toBe('Query');
    expect(schema.types.map((type) => type.name)).toContain('Beneficiary');
    const script = await (await fetch(`${gateway.origin}/ide/start.js`)).text();
    expect(script).toContain('/ide/schema.json');
    expect(script).toContain('shouldPersistHeaders: true');
  });

  it('serves the IDE at /graphql to a browser, and GraphQL to a GraphQL client', async () => {
    const page = await fetch(gateway.url, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/ide/start.js');

    const query = await fetch(`${gateway.url}?query=${encodeURIComponent('{ legalStatus }')}`, {
      headers: {
        accept: 'application/json',
        'apollo-require-preflight': 'true',
        authorization: `Bearer ${adminToken}`,
      },
    });
    expect(await query.json()).toEqual({ data: { legalStatus: 'ok' } });
  });

  it('keeps CSRF prevention on: a simple cross-site request is refused', async () => {
    // With a valid token: CSRF prevention refuses the request on its own.
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ legalStatus }')}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${adminToken}` },
    });
    expect(get.status).toBe(400);
    const form = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: '{ legalStatus }' }),
    });
    expect(form.status).toBe(400);
  });

  it('allows introspection in development', async () => {
    const { body } = await post(gateway, '{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('logs one JSON line per request with its ids, never the variables', async () => {
    log.lines.length = 0;
    await post(gateway, 'query Echo($text: String!) { echo(text: $text) }', {
      variables: { text: 'Secret Name 0123' },
      headers: { 'x-request-id': 'req-log-1' },
    });
    await post(gateway, 'query Bad($text: Int!) { echo(text: $text) }', {
      variables: { text: 'Another Secret' },
    });
    const entries = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'info',
        service: 'gateway',
        msg: 'request',
        requestId: 'req-log-1',
        method: 'POST',
        path: '/graphql',
        status: 200,
        operationName: 'Echo',
        operationType: 'query',
      }),
    );
    const all = log.lines.join('\n');
    expect(all).not.toContain('Secret Name');
    expect(all).not.toContain('Another Secret');
  });
});

describe('the gateway in production', () => {
  let subgraphs: Record<string, FakeSubgraph>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startGateway({
      supergraphSdl: fakeSupergraph(subgraphs),
      production: true,
      logger: createLogger({ level: 'silent' }),
      env: {},
      authentication,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
  });

  it('serves no IDE', async () => {
    expect((await fetch(`${gateway.origin}/`, { headers: { accept: 'text/html' } })).status).toBe(
      404,
    );
    expect((await fetch(`${gateway.origin}/ide/graphiql.min.js`)).status).toBe(404);
    expect((await fetch(`${gateway.origin}/ide/schema.json`)).status).toBe(404);
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/text\/html/);
  });

  it('refuses introspection', async () => {
    const { body } = await post(gateway, '{ __schema { queryType { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers queries', async () => {
    const { body } = await post(gateway, FEDERATED_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data?.beneficiaries).toHaveLength(2);
  });
});

describe('subgraph URLs', () => {
  it('come from HAVEN_<NAME>_URL, or the options, before the supergraph’s own', async () => {
    const subgraphs = await startFakeSubgraphs();
    const composedWith = fakeSupergraph(subgraphs);
    const gateway = await startGateway({
      supergraphSdl: composedWith.replaceAll(
        /http:\/\/127\.0\.0\.1:\d+\/graphql/g,
        'http://127.0.0.1:9/graphql',
      ),
      subgraphUrls: { protection: subgraphs.protection.url },
      env: { HAVEN_LEGAL_URL: subgraphs.legal.url, HAVEN_RELIEF_URL: subgraphs.relief.url },
      logger: createLogger({ level: 'silent' }),
      authentication,
    });
    try {
      const { body } = await post(gateway, FEDERATED_QUERY);
      expect(body.errors).toBeUndefined();
      expect(gateway.subgraphs).toEqual([
        { name: 'legal', url: subgraphs.legal.url },
        { name: 'protection', url: subgraphs.protection.url },
        { name: 'relief', url: subgraphs.relief.url },
      ]);
    } finally {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    }
  });
});

describe('IntrospectAndCompose (HAVEN_GATEWAY_COMPOSE=introspect, for development)', () => {
  it('composes the supergraph from the running subgraphs at start', async () => {
    const subgraphs = await startFakeSubgraphs();
    // The supergraph file only names the subgraphs; their schemas come from the subgraphs.
    const stale = fakeSupergraph(subgraphs).replace(/\s+referenceCode: String!.*\n/, '\n');
    expect(stale).not.toContain('referenceCode');
    const gateway = await startGateway({
      supergraphSdl: stale,
      compose: 'introspect',
      logger: createLogger({ level: 'silent' }),
      env: {},
      authentication,
    });
    try {
      const { body } = await post(gateway, FEDERATED_QUERY);
      expect(body.errors).toBeUndefined();
      expect(body.data?.beneficiaries).toEqual([
        { id: 'b-1', referenceCode: 'TH-0001', legalCaseCount: 10, reliefDistributionCount: 100 },
        { id: 'b-2', referenceCode: 'LA-0002', legalCaseCount: 20, reliefDistributionCount: 200 },
      ]);
    } finally {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    }
  });
});
