// Shared by the gateway's hardening specs (hardening-*.security-spec.ts): three fake subgraphs and
// the gateways a test file starts in front of them, requests sent as an admin, the personal string
// hostile requests carry (it must reach no log), and a capture of a gateway's log.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Request } from '../express';
import { startGateway, type GatewayOptions, type RunningGateway } from '../gateway';
import { createLogger } from '../logger';
import type { RequestPrincipal } from '../principal';
import { fakeSupergraph, startFakeSubgraphs, type FakeSubgraph } from './fake-subgraphs';
import { testAuthentication } from './test-authentication';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: GraphQLBody;
}

/** A personal string hostile requests carry in their variables: it must reach no log. */
export const PERSONAL = 'Malee Srisuk';

/**
 * Stands in for authentication, which will put the verified principal on the request: here the
 * test names it in headers.
 */
function principalFromTestHeaders(request: Request): RequestPrincipal | undefined {
  const subject = request.get('x-test-subject');
  return subject ? { subject, role: request.get('x-test-role') } : undefined;
}

export function logCapture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

export async function send(url: string, init: RequestInit): Promise<Reply> {
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

/** The reply's one error (and that there is exactly one). */
export function errorOf(reply: Reply) {
  expect(reply.body.errors).toHaveLength(1);
  return reply.body.errors![0];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface HostileGateways {
  /** The fake subgraphs, by name: read them inside tests and hooks, never at describe time. */
  readonly subgraphs: Record<string, FakeSubgraph>;
  /** A valid admin token of this file's issuer (production gateways check it). */
  readonly adminToken: string;
  /**
   * Starts a gateway in front of the fake subgraphs (stopped after the describe's tests): not in
   * production, silent, with the client named by test headers unless `options` say otherwise;
   * in production it authenticates.
   */
  gatewayWith(options: GatewayOptions): Promise<RunningGateway>;
  /** How many calls all the subgraphs received since the current test began. */
  subgraphCalls(): number;
  /** POSTs a JSON body to a gateway as the admin, with extra headers if given. */
  post(gateway: RunningGateway, body: unknown, headers?: Record<string, string>): Promise<Reply>;
}

/**
 * Starts the fake subgraphs (and mints the admin token) before the describe's tests, forgets
 * their calls before each test, and stops them and every gateway started after the tests. Call it
 * once, at the top of the describe that holds the tests.
 */
export function useHostileGateways(): HostileGateways {
  // Production gateways always authenticate; the others take the client from test headers.
  const { authentication, token } = testAuthentication();
  let adminToken: string | undefined;
  let subgraphs: Record<string, FakeSubgraph> | undefined;
  let supergraphSdl: string | undefined;
  const started: RunningGateway[] = [];

  beforeAll(async () => {
    adminToken = await token({ role: 'admin', subject: 'hardening-admin' });
    subgraphs = await startFakeSubgraphs();
    supergraphSdl = fakeSupergraph(subgraphs);
  });

  afterAll(async () => {
    await Promise.all(started.map((gateway) => gateway.stop()));
    await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
  });

  beforeEach(() => {
    for (const subgraph of Object.values(running().subgraphs)) subgraph.calls.length = 0;
  });

  const running = () => {
    if (!adminToken || !subgraphs || supergraphSdl === undefined) {
      throw new Error('useHostileGateways: the subgraphs start in beforeAll; use them in tests');
    }
    return { adminToken, subgraphs, supergraphSdl };
  };

  return {
    get subgraphs() {
      return running().subgraphs;
    },
    get adminToken() {
      return running().adminToken;
    },
    async gatewayWith(options) {
      const gateway = await startGateway({
        supergraphSdl: running().supergraphSdl,
        production: false,
        logger: createLogger({ level: 'silent' }),
        env: {},
        // Tokens are system.security-spec.ts's business: here a header names the client
        // (production never runs without authentication, so there the admin token is checked).
        authentication: options.production ? authentication : false,
        principalOf: principalFromTestHeaders,
        ...options,
      });
      started.push(gateway);
      return gateway;
    },
    subgraphCalls() {
      return Object.values(running().subgraphs).reduce(
        (sum, subgraph) => sum + subgraph.calls.length,
        0,
      );
    },
    post(gateway, body, headers = {}) {
      return send(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${running().adminToken}`,
          ...headers,
        },
        body: JSON.stringify(body),
      });
    },
  };
}
