// Hostile requests against the gateway and three fake subgraphs: a client over its rate limit,
// counted by subject or, for anonymous clients, by address; the health checks left alone; and
// the limit turned off. The tests share one gateway's counts, in order.
// Each refusal is checked at the client (status, code, request id), at the subgraphs (nothing
// reached them) and in the gateway's log (no variables, no personal data).
import type { RunningGateway } from './gateway';
import { errorOf, logCapture, PERSONAL, useHostileGateways } from './testing/hostile-gateways';

describe('the gateway under hostile requests', () => {
  const hostile = useHostileGateways();
  const { gatewayWith, subgraphCalls, post } = hostile;

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
      hostile.subgraphs.protection.calls.length = 0;
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
});
