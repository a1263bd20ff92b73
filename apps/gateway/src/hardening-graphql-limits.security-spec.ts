// Hostile requests against the gateway and three fake subgraphs: operations too deep, too costly
// or with too many aliases, documents too large or nested past the parser's limits, operation
// names the document lacks, and bodies over 100 kB.
// Each refusal is checked at the client (status, code, request id), at the subgraphs (nothing
// reached them) and in the gateway's log (no variables, no personal data).
import type { RunningGateway } from './gateway';
import {
  errorOf,
  logCapture,
  PERSONAL,
  send,
  useHostileGateways,
  type Reply,
} from './testing/hostile-gateways';

describe('the gateway under hostile requests', () => {
  const hostile = useHostileGateways();
  const { gatewayWith, subgraphCalls, post } = hostile;

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
        headers: {
          authorization: `Bearer ${hostile.adminToken}`,
          'apollo-require-preflight': 'true',
        },
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
});
