// Hostile requests against the gateway and three fake subgraphs: a subgraph whose errors quote SQL
// and a person's name, a client error, a subgraph outage and a CSRF refusal, in production and in
// development.
// Each refusal is checked at the client (status, code, request id), at the subgraphs (nothing
// reached them) and in the gateway's log (no variables, no personal data).
import type { RunningGateway } from './gateway';
import { LEAKY_ERROR_MESSAGE } from './testing/fake-subgraphs';
import {
  errorOf,
  logCapture,
  PERSONAL,
  send,
  useHostileGateways,
} from './testing/hostile-gateways';

describe('the gateway under hostile requests', () => {
  const hostile = useHostileGateways();
  const { gatewayWith, subgraphCalls, post } = hostile;

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
      expect(hostile.subgraphs.protection.calls).toHaveLength(1);
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
      await hostile.subgraphs.relief.stop();
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
        await hostile.subgraphs.relief.start();
      }
    });

    it('label a refusal made before GraphQL runs (CSRF) with its code and request id', async () => {
      const reply = await send(production.url, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          'x-request-id': 'req-csrf-1',
          authorization: `Bearer ${hostile.adminToken}`,
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
