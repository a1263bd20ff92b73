// Hostile requests against the gateway and three fake subgraphs: operations too deep, too costly
// or with too many aliases, documents and bodies too large, a client over its rate limit, clients
// that may only run trusted documents, and a subgraph whose errors quote SQL and a person's name.
// Each refusal is checked at the client (status, code, request id), at the subgraphs (nothing
// reached them) and in the gateway's log (no variables, no personal data).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Request } from './express';
import { startGateway, type GatewayOptions, type RunningGateway } from './gateway';
import { createLogger } from './logger';
import type { RequestPrincipal } from './principal';
import {
  fakeSupergraph,
  LEAKY_ERROR_MESSAGE,
  startFakeSubgraphs,
  type FakeSubgraph,
} from './testing/fake-subgraphs';
import { testAuthentication } from './testing/test-authentication';

// Production gateways always authenticate; the others take the client from test headers.
const { authentication, token } = testAuthentication();
let adminToken: string;
beforeAll(async () => {
  adminToken = await token({ role: 'admin', subject: 'hardening-admin' });
});

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: GraphQLBody;
}

/** A personal string hostile requests carry in their variables: it must reach no log. */
const PERSONAL = 'Malee Srisuk';

/**
 * Stands in for authentication, which will put the verified principal on the request: here the
 * test names it in headers.
 */
function principalFromTestHeaders(request: Request): RequestPrincipal | undefined {
  const subject = request.get('x-test-subject');
  return subject ? { subject, role: request.get('x-test-role') } : undefined;
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

async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: GraphQLBody = {};
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    // Not JSON: the test looks at the text.
  }
  return { status: response.status, headers: response.headers, text, body };
}

function post(
  gateway: RunningGateway,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${adminToken}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

function errorOf(reply: Reply) {
  expect(reply.body.errors).toHaveLength(1);
  return reply.body.errors![0];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the gateway under hostile requests', () => {
  let subgraphs: Record<string, FakeSubgraph>;
  let supergraphSdl: string;
  const started: RunningGateway[] = [];

  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    supergraphSdl = fakeSupergraph(subgraphs);
  });

  afterAll(async () => {
    await Promise.all(started.map((gateway) => gateway.stop()));
    await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
  });

  beforeEach(() => {
    for (const subgraph of Object.values(subgraphs)) subgraph.calls.length = 0;
  });

  async function gatewayWith(options: GatewayOptions): Promise<RunningGateway> {
    const gateway = await startGateway({
      supergraphSdl,
      production: false,
      logger: createLogger({ level: 'silent' }),
      env: {},
      // Tokens are authentication.security-spec.ts's business: here a header names the client
      // (production never runs without authentication, so there the admin token is checked).
      authentication: options.production ? authentication : false,
      principalOf: principalFromTestHeaders,
      ...options,
    });
    started.push(gateway);
    return gateway;
  }

  function subgraphCalls(): number {
    return Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.calls.length, 0);
  }

  describe('GraphQL limits (depth 12, 30 aliases, cost 5000, 5000 tokens, 100 kB bodies)', () => {
    let gateway: RunningGateway;
    const log = logCapture();

    beforeAll(async () => {
      gateway = await gatewayWith({ logger: log.logger, production: true });
    });

    beforeEach(() => {
      log.lines.length = 0;
    });

    afterEach(() => {
      expect(log.lines.join('\n')).not.toContain(PERSONAL);
    });

    /**
     * A refusal before any subgraph was called: 400, and among the errors (a query may break
     * several limits) the expected one; each with its code and the request's id.
     */
    function expectRefused(reply: Reply, code: string, message: string | RegExp) {
      expect(reply.status).toBe(400);
      expect(reply.body.data).toBeUndefined();
      const requestId = reply.headers.get('x-request-id');
      expect(reply.body.errors).toContainEqual(
        expect.objectContaining({
          message: message instanceof RegExp ? expect.stringMatching(message) : message,
        }),
      );
      for (const error of reply.body.errors ?? []) {
        expect(error.extensions).toEqual({ code, requestId });
      }
      expect(subgraphCalls()).toBe(0);
    }

    it('answers an ordinary federated query', async () => {
      const reply = await post(gateway, {
        query: '{ beneficiaries(first: 1) { id referenceCode legalCaseCount } }',
      });
      expect(reply.body).toEqual({
        data: { beneficiaries: [{ id: 'b-1', referenceCode: 'TH-0001', legalCaseCount: 10 }] },
      });
    });

    it('refuses a query nested 16 levels deep', async () => {
      const query = `query Deep($note: String!) {
        echo(text: $note)
        beneficiaries { ${'related { '.repeat(14)}id${' }'.repeat(14)} }
      }`;
      const reply = await post(gateway, { query, variables: { note: PERSONAL } });
      expectRefused(
        reply,
        'GRAPHQL_VALIDATION_FAILED',
        'The query is 16 levels deep; at most 12 are allowed.',
      );
    });

    it('refuses depth hidden in fragments, and a fragment cycle', async () => {
      const deep = `{ beneficiaries { ...A } }
        fragment A on Beneficiary { related { related { related { ...B } } } }
        fragment B on Beneficiary { related { related { related { ...C } } } }
        fragment C on Beneficiary { related { related { related { related { related { id } } } } } }`;
      expectRefused(
        await post(gateway, { query: deep }),
        'GRAPHQL_VALIDATION_FAILED',
        'The query is 13 levels deep; at most 12 are allowed.',
      );
      const cycle = `{ beneficiaries { ...A } }
        fragment A on Beneficiary { related { ...B } }
        fragment B on Beneficiary { related { ...A } }`;
      expectRefused(
        await post(gateway, { query: cycle }),
        'GRAPHQL_VALIDATION_FAILED',
        'Cannot spread fragment "A" within itself via "B".',
      );
    });

    it('refuses nested lists of 100 (cost over a million), sized by literals or variables', async () => {
      const literal = `{ beneficiaries(first: 100) { related(first: 100) { related(first: 100) { id } } } }`;
      expectRefused(
        await post(gateway, { query: literal }),
        'GRAPHQL_VALIDATION_FAILED',
        "The query's estimated cost is 1010101 (each field counts once per item of the lists " +
          'around it); at most 5000 is allowed.',
      );
      // Validation cannot see variables: a size given by one counts as a page of 100.
      const variables = `query Costly($n: Int!, $note: String!) {
        echo(text: $note)
        beneficiaries(first: $n) { related(first: $n) { related(first: $n) { id } } }
      }`;
      expectRefused(
        await post(gateway, { query: variables, variables: { n: 1_000_000, note: PERSONAL } }),
        'GRAPHQL_VALIDATION_FAILED',
        /^The query's estimated cost is 1010102 /,
      );
    });

    it('refuses a fragment bomb (2^40 fields once expanded) without expanding it', async () => {
      const fragments = Array.from(
        { length: 40 },
        (_, i) => `fragment F${i + 1} on Beneficiary { related { ...F${i} ...F${i} } }`,
      );
      const query = `{ beneficiaries { ...F40 } } fragment F0 on Beneficiary { id } ${fragments.join(' ')}`;
      const started = Date.now();
      const reply = await post(gateway, { query });
      expect(Date.now() - started).toBeLessThan(2_000);
      expectRefused(reply, 'GRAPHQL_VALIDATION_FAILED', /^The query's estimated cost is over \d+ /);
    });

    it('refuses 1,000 aliases', async () => {
      const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: legalStatus`).join(' ');
      expectRefused(
        await post(gateway, { query: `{ ${aliases} }` }),
        'GRAPHQL_VALIDATION_FAILED',
        'The query uses 1000 aliases; at most 30 are allowed.',
      );
    });

    it('refuses a document of more than 5,000 tokens before validating it', async () => {
      const query = `{ ${'legalStatus '.repeat(6_000)}}`;
      expect(query.length).toBeLessThan(100_000);
      expectRefused(
        await post(gateway, { query }),
        'GRAPHQL_PARSE_FAILED',
        // (graphql-js's wording)
        /^Syntax Error: Document contains more th(?:an|at) 5000 tokens\. Parsing aborted\.$/,
      );
    });

    it('refuses 3,000 nested selections, and lists nested as deep, by its own limits, not the stack', async () => {
      const selections = `{ beneficiaries { ${'related { '.repeat(3_000)}id${' }'.repeat(3_000)} } }`;
      const lists = `{ echo(text: ${'['.repeat(3_000)}"x"${']'.repeat(3_000)}) }`;
      for (const query of [selections, lists]) {
        expect(query.length).toBeLessThan(100_000);
        const reply = await post(gateway, { query });
        expect(reply.text).not.toContain('call stack');
        expectRefused(
          reply,
          'GRAPHQL_PARSE_FAILED',
          'Syntax Error: Document nests more than 64 levels. Parsing aborted.',
        );
      }
      // In a batch and over GET too.
      expectRefused(
        await post(gateway, [{ query: '{ legalStatus }' }, { query: selections }]),
        'GRAPHQL_PARSE_FAILED',
        /nests more than 64 levels/,
      );
      const shallower = `{ echo(text: ${'['.repeat(200)}"x"${']'.repeat(200)}) }`;
      const get = await send(`${gateway.url}?query=${encodeURIComponent(shallower)}`, {
        headers: { authorization: `Bearer ${adminToken}`, 'apollo-require-preflight': 'true' },
      });
      expectRefused(get, 'GRAPHQL_PARSE_FAILED', /nests more than 64 levels/);
      // Braces in strings and comments are not nesting.
      const quoted = `{ echo(text: "${'{'.repeat(200)}") # ${'['.repeat(200)}\n }`;
      expect((await post(gateway, { query: quoted })).body.errors).toBeUndefined();
    });

    it('refuses an operationName the document lacks, or none for several operations, with 400 quoting nothing sent', async () => {
      const marker = `Probe${PERSONAL.replace(' ', '')}`;
      const cases = [
        { query: '{ legalStatus }', operationName: marker },
        {
          query: `query Known { legalStatus } query ${marker}x { legalStatus }`,
          operationName: marker,
        },
        { query: 'query A { legalStatus } query B { legalStatus }' },
      ];
      for (const body of cases) {
        const reply = await post(gateway, body);
        expect(reply.status).toBe(400);
        expect(reply.text).not.toContain(marker);
        expect(reply.body.data).toBeUndefined();
        expect(errorOf(reply)).toEqual({
          message:
            'The document holds no operation to run: operationName must name one of its ' +
            'operations, and is required when it holds more than one.',
          extensions: {
            code: 'OPERATION_RESOLUTION_FAILURE',
            requestId: reply.headers.get('x-request-id'),
          },
        });
      }
      expect(subgraphCalls()).toBe(0);
      // A name the document has still runs.
      const named = await post(gateway, {
        query: 'query A { legalStatus } query B { legalStatus }',
        operationName: 'B',
      });
      expect(named.status).toBe(200);
      expect(named.body.errors).toBeUndefined();
    });

    it('refuses a body over 100 kB with 413, unread', async () => {
      const reply = await post(gateway, {
        query: 'query Big($notes: [String!]!) { legalStatus }',
        variables: { notes: Array.from({ length: 10_000 }, () => PERSONAL) },
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.text)).toEqual({ error: 'Request body too large' });
      expect(subgraphCalls()).toBe(0);
      expect(log.lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ msg: 'request', status: 413, path: '/graphql' }),
      );
    });
  });

  describe('rate limiting per client', () => {
    let gateway: RunningGateway;
    const log = logCapture();

    beforeAll(async () => {
      gateway = await gatewayWith({
        logger: log.logger,
        rateLimit: { limit: 3, windowMs: 60_000 },
      });
    });

    const asClient = (subject?: string, extra: Record<string, string> = {}) =>
      subject ? { 'x-test-subject': subject, ...extra } : extra;
    // Answered by the gateway alone: these requests count without calling a subgraph.
    const cheap = { query: '{ __typename }' };

    it('refuses a client’s fourth request in the window with 429 and RATE_LIMITED', async () => {
      for (let i = 0; i < 3; i++) {
        const reply = await post(gateway, cheap, asClient('client-a'));
        expect(reply.status).toBe(200);
        expect(reply.headers.get('ratelimit')).toMatch(new RegExp(`r=${2 - i};`));
      }
      subgraphs.protection.calls.length = 0;
      log.lines.length = 0;
      const reply = await post(
        gateway,
        { query: 'query Q($note: String!) { echo(text: $note) }', variables: { note: PERSONAL } },
        asClient('client-a', { 'x-request-id': 'req-throttled-1' }),
      );
      expect(reply.status).toBe(429);
      expect(reply.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^Too many requests: try again in \d+ s\.$/),
            extensions: { code: 'RATE_LIMITED', requestId: 'req-throttled-1' },
          },
        ],
      });
      const seconds = Number(/in (\d+) s/.exec(errorOf(reply).message)![1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(reply.headers.get('retry-after')).toBe(String(seconds));
      expect(reply.headers.get('ratelimit')).toMatch(/r=0;/);
      expect(reply.headers.get('ratelimit-policy')).toMatch(/q=3; w=60;/);
      expect(subgraphCalls()).toBe(0);
      const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'request',
          requestId: 'req-throttled-1',
          status: 429,
          errorCodes: ['RATE_LIMITED'],
        }),
      );
      expect(log.lines.join('\n')).not.toContain(PERSONAL);
    });

    it('counts each subject apart, whatever address they share', async () => {
      const other = await post(gateway, cheap, asClient('client-b'));
      expect(other.status).toBe(200);
      expect((await post(gateway, cheap, asClient('client-a'))).status).toBe(429);
    });

    it('counts anonymous clients by address, apart from the subjects', async () => {
      for (let i = 0; i < 3; i++) expect((await post(gateway, cheap)).status).toBe(200);
      expect((await post(gateway, cheap)).status).toBe(429);
      expect((await post(gateway, cheap, asClient('client-c'))).status).toBe(200);
    });

    it('leaves the health checks alone', async () => {
      expect((await post(gateway, cheap)).status).toBe(429);
      expect((await fetch(`${gateway.origin}/health/live`)).status).toBe(200);
      expect((await fetch(`${gateway.origin}/health/ready`)).status).toBe(200);
    });

    it('can be turned off, and is by HAVEN_RATE_LIMIT_PER_MINUTE=off', async () => {
      const unlimited = await gatewayWith({ env: { HAVEN_RATE_LIMIT_PER_MINUTE: 'off' } });
      for (let i = 0; i < 20; i++) {
        const reply = await post(unlimited, cheap);
        expect(reply.status).toBe(200);
        expect(reply.headers.get('ratelimit')).toBeNull();
      }
    });
  });

  describe('trusted documents', () => {
    let gateway: RunningGateway;
    let dir: string;
    const log = logCapture();
    const BENEFICIARIES = `query Beneficiaries {
  beneficiaries {
    id
    referenceCode
    legalCaseCount
  }
}`;
    const ECHO = 'query Echo($text: String!) {\n  echo(text: $text)\n}';
    const FREE_FORM = `query Everything($note: String!) {
  echo(text: $note)
  beneficiaries(first: 2) { id referenceCode related(first: 1) { id } }
}`;
    const partner = { 'x-test-subject': 'partner-user-1', 'x-test-role': 'partner' };
    const officer = { 'x-test-subject': 'officer-user-1', 'x-test-role': 'protection_officer' };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'haven-trusted-'));
      writeFileSync(path.join(dir, 'beneficiaries.graphql'), `${BENEFICIARIES}\n`);
      writeFileSync(path.join(dir, 'echo.graphql'), `${ECHO}\n`);
      gateway = await gatewayWith({ logger: log.logger, trustedDocumentsDir: dir });
    });

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    beforeEach(() => {
      log.lines.length = 0;
    });

    afterEach(() => {
      expect(log.lines.join('\n')).not.toContain(PERSONAL);
    });

    function expectRefused(reply: Reply, status: number, code: string) {
      expect(reply.status).toBe(status);
      expect(errorOf(reply).extensions).toEqual({
        code,
        requestId: reply.headers.get('x-request-id'),
      });
      expect(subgraphCalls()).toBe(0);
    }

    it('runs a trusted document named by its id', async () => {
      const reply = await post(gateway, { documentId: `sha256:${sha256(BENEFICIARIES)}` }, partner);
      expect(reply.body).toEqual({
        data: {
          beneficiaries: [
            { id: 'b-1', referenceCode: 'TH-0001', legalCaseCount: 10 },
            { id: 'b-2', referenceCode: 'LA-0002', legalCaseCount: 20 },
          ],
        },
      });
      const echo = await post(
        gateway,
        { documentId: `sha256:${sha256(ECHO)}`, variables: { text: PERSONAL } },
        partner,
      );
      expect(echo.body).toEqual({ data: { echo: String(PERSONAL.length) } });
    });

    it('runs a trusted document named by its automatic persisted query hash', async () => {
      const reply = await post(
        gateway,
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(BENEFICIARIES) } } },
        partner,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });

    it('runs a trusted document named by its id over GET', async () => {
      const url = new URL(gateway.url);
      url.searchParams.set('documentId', `sha256:${sha256(BENEFICIARIES)}`);
      const reply = await send(url.href, {
        headers: { ...partner, 'apollo-require-preflight': 'true' },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });

    it('refuses an unknown id with 400 PERSISTED_QUERY_NOT_FOUND, whoever asks', async () => {
      for (const headers of [partner, officer, {}]) {
        expectRefused(
          await post(gateway, { documentId: `sha256:${sha256('{ legalStatus }')}` }, headers),
          400,
          'PERSISTED_QUERY_NOT_FOUND',
        );
      }
      expectRefused(
        await post(gateway, { documentId: 'not-an-id' }, officer),
        400,
        'PERSISTED_QUERY_NOT_FOUND',
      );
      expectRefused(
        await post(
          gateway,
          { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ x }') } } },
          partner,
        ),
        400,
        'PERSISTED_QUERY_NOT_FOUND',
      );
    });

    it('refuses a free-form query from a partner with 403 PERSISTED_QUERY_REQUIRED', async () => {
      const reply = await post(
        gateway,
        { query: FREE_FORM, variables: { note: PERSONAL } },
        partner,
      );
      expectRefused(reply, 403, 'PERSISTED_QUERY_REQUIRED');
      expect(errorOf(reply).message).toMatch(/may only run trusted documents/);
      const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({ status: 403, errorCodes: ['PERSISTED_QUERY_REQUIRED'] }),
      );
    });

    it('refuses it in every other form: as an APQ registration, in a batch, over GET', async () => {
      expectRefused(
        await post(
          gateway,
          {
            query: FREE_FORM,
            variables: { note: PERSONAL },
            extensions: { persistedQuery: { version: 1, sha256Hash: sha256(FREE_FORM) } },
          },
          partner,
        ),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
      expectRefused(
        await post(
          gateway,
          [{ documentId: `sha256:${sha256(BENEFICIARIES)}` }, { query: FREE_FORM }],
          partner,
        ),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
      const url = new URL(gateway.url);
      url.searchParams.set('query', FREE_FORM);
      url.searchParams.set('variables', JSON.stringify({ note: PERSONAL }));
      expectRefused(
        await send(url.href, { headers: { ...partner, 'apollo-require-preflight': 'true' } }),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
    });

    it('accepts from a partner a query whose text is a trusted document’s', async () => {
      const reply = await post(gateway, { query: `${BENEFICIARIES}\n` }, partner);
      expect(reply.status).toBe(200);
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });

    it('leaves other roles free to send queries, and Apollo’s own persisted queries', async () => {
      const reply = await post(
        gateway,
        { query: FREE_FORM, variables: { note: PERSONAL } },
        officer,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.data?.echo).toBe(String(PERSONAL.length));
      const unknown = await post(
        gateway,
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(FREE_FORM) } } },
        officer,
      );
      expect(errorOf(unknown).extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('applies to every request with HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR=all', async () => {
      const strict = await gatewayWith({
        trustedDocumentsDir: dir,
        env: { HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR: 'all' },
      });
      expectRefused(
        await post(strict, { query: '{ legalStatus }' }),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
      const reply = await post(strict, { documentId: `sha256:${sha256(BENEFICIARIES)}` });
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });
  });

  describe('errors', () => {
    let production: RunningGateway;
    let development: RunningGateway;
    const log = logCapture();

    beforeAll(async () => {
      production = await gatewayWith({ production: true, logger: log.logger });
      development = await gatewayWith({ production: false });
    });

    it('in production, hide a subgraph’s unexpected error behind a generic one with the request id', async () => {
      const reply = await post(
        production,
        { query: 'query Failing { failure legalStatus }' },
        { 'x-request-id': 'req-leak-1' },
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        data: { failure: null, legalStatus: 'ok' },
        errors: [
          {
            message: 'Internal server error',
            path: ['failure'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-leak-1' },
          },
        ],
      });
      expect(subgraphs.protection.calls).toHaveLength(1);
      for (const secret of [PERSONAL, 'INSERT', 'beneficiary_name_key', 'stacktrace', 'at ']) {
        expect(reply.text).not.toContain(secret);
      }
      const all = log.lines.join('\n');
      expect(all).not.toContain(PERSONAL);
      expect(all).not.toContain('INSERT');
      expect(log.lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({
          msg: 'request',
          requestId: 'req-leak-1',
          errorCodes: ['INTERNAL_SERVER_ERROR'],
        }),
      );
    });

    it('in production, keep a client error’s message and code, and a subgraph outage’s service', async () => {
      const invalid = await post(production, { query: '{ nope }' }, { 'x-request-id': 'req-v' });
      expect(invalid.status).toBe(400);
      expect(errorOf(invalid)).toEqual({
        message: expect.stringContaining('Cannot query field "nope"'),
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'req-v' },
      });
      await subgraphs.relief.stop();
      try {
        const outage = await post(production, { query: '{ reliefStatus }' });
        expect(errorOf(outage)).toEqual({
          message: 'The relief service is unavailable.',
          extensions: {
            code: 'SERVICE_UNAVAILABLE',
            serviceName: 'relief',
            requestId: outage.headers.get('x-request-id'),
          },
        });
      } finally {
        await subgraphs.relief.start();
      }
    });

    it('label a refusal made before GraphQL runs (CSRF) with its code and request id', async () => {
      const reply = await send(production.url, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          'x-request-id': 'req-csrf-1',
          authorization: `Bearer ${adminToken}`,
        },
        body: JSON.stringify({ query: '{ legalStatus }' }),
      });
      expect(reply.status).toBe(400);
      expect(errorOf(reply).extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'req-csrf-1' });
      expect(subgraphCalls()).toBe(0);
    });

    it('in development, keep the message but never the stack', async () => {
      const reply = await post(development, { query: '{ failure }' });
      expect(errorOf(reply)).toEqual({
        message: LEAKY_ERROR_MESSAGE,
        path: ['failure'],
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          serviceName: 'protection',
          requestId: reply.headers.get('x-request-id'),
        },
      });
      expect(reply.text).not.toContain('stacktrace');
    });
  });
});
