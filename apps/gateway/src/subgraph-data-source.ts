import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, type IdentitySigner, type Principal } from '@haven/platform/security';
import type { Logger } from './logger';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, type RequestTrace } from './request-ids';

export interface GatewayContext {
  trace: RequestTrace;
  /** Who is asking, as the gateway verified their token (none only when authentication is off). */
  principal?: Principal;
}

/**
 * The gateway itself, when it reads a subgraph's schema (IntrospectAndCompose): the least
 * privileged role, which may read `_service` and nothing else.
 */
const COMPOSITION_PRINCIPAL: Principal = {
  subject: 'system:gateway-composition',
  role: 'watchdog',
  countries: [],
  organisationId: null,
};

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** How long a subgraph may stay silent during one call (Node's fetch allows as long). */
const SUBGRAPH_TIMEOUT_MS = 300_000;

/** A socket error as Node reports it (`ECONNREFUSED`, `ECONNRESET`, …). */
interface SocketError extends Error {
  code?: string;
}

interface SubgraphAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * How the gateway calls one subgraph: a JSON POST over a kept-alive connection, with the signed
 * identity and the request and correlation ids. A subgraph it cannot reach, or that answers with
 * an HTTP error, becomes a plain GraphQL error for that subgraph's fields (SERVICE_UNAVAILABLE and
 * the like, with the subgraph's name), without its internal URL.
 *
 * Node's http client rather than `fetch` (or Apollo's RemoteGraphQLDataSource, which builds
 * node-fetch objects around it): the WHATWG layers cost nearly half the gateway's CPU per request.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly logger: Logger;
  private readonly signer?: IdentitySigner;
  private readonly client: typeof http | typeof https;
  private readonly requestOptions: http.RequestOptions;

  constructor(options: { name: string; url: string; logger: Logger; signer?: IdentitySigner }) {
    this.name = options.name;
    this.logger = options.logger;
    this.signer = options.signer;
    const target = new URL(options.url);
    this.client = target.protocol === 'https:' ? https : http;
    this.requestOptions = {
      ...urlToHttpOptions(target),
      method: 'POST',
      // The timeout lets the agent follow the subgraph's Keep-Alive hint and close an idle
      // connection before the subgraph does (a reused, half-closed one would fail the call).
      agent: new this.client.Agent({ keepAlive: true, timeout: 60_000 }),
    };
  }

  async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Schema loading and health checks (IntrospectAndCompose) have no incoming request.
    const { trace, principal } = options.context as Partial<GatewayContext>;
    const headers: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    headers['content-type'] = 'application/json';
    if (this.signer) {
      headers[IDENTITY_HEADER] = await this.signer.sign(principal ?? COMPOSITION_PRINCIPAL);
    }
    if (trace) {
      headers[REQUEST_ID_HEADER] = trace.requestId;
      headers[CORRELATION_ID_HEADER] = trace.correlationId;
    }
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({
      query: request.query,
      operationName: request.operationName,
      variables: request.variables,
      extensions: request.extensions,
    });

    const requestId = trace?.requestId;
    let answer: SubgraphAnswer;
    try {
      answer = await this.post(headers, body);
    } catch (error) {
      this.logger.warn(
        {
          requestId,
          subgraph: this.name,
          cause: (error as SocketError).code ?? (error as Error).name,
        },
        'subgraph unreachable',
      );
      throw new GraphQLError(`The ${this.name} service is unavailable.`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name },
        originalError: error as Error,
      });
    }
    const result = answer.status < 300 ? parseObject(answer) : undefined;
    if (!result) throw this.refusal(answer.status, requestId);

    // As Apollo's own data source: the subgraph's cache hint bounds the whole response's.
    if ('incomingRequestContext' in options) {
      options.incomingRequestContext.overallCachePolicy?.restrict?.(
        cacheHintOf(answer.headers['cache-control']),
      );
    }
    return result;
  }

  private post(headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = this.client.request(
        {
          ...this.requestOptions,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.setTimeout(SUBGRAPH_TIMEOUT_MS, () =>
        outgoing.destroy(Object.assign(new Error('subgraph timed out'), { code: 'ETIMEDOUT' })),
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  /** An HTTP error, or a body that is no GraphQL response, as the error of this subgraph's fields. */
  private refusal(status: number, requestId: string | undefined): GraphQLError {
    this.logger.warn(
      { requestId, subgraph: this.name, status },
      'subgraph answered with an HTTP error',
    );
    const code =
      status === 401
        ? 'UNAUTHENTICATED'
        : status === 403
          ? 'FORBIDDEN'
          : status >= 500
            ? 'SERVICE_UNAVAILABLE'
            : 'INTERNAL_SERVER_ERROR';
    return new GraphQLError(
      status >= 500
        ? `The ${this.name} service is unavailable (HTTP ${status}).`
        : `The ${this.name} service refused the gateway's request (HTTP ${status}).`,
      { extensions: { code, serviceName: this.name } },
    );
  }
}

/** The JSON object a subgraph answered, or undefined when its body is not one. */
function parseObject(answer: SubgraphAnswer): GatewayGraphQLResponse | undefined {
  const type = answer.headers['content-type'] ?? '';
  if (!type.startsWith('application/json') && !type.startsWith('application/graphql-response+json'))
    return undefined;
  try {
    const parsed: unknown = JSON.parse(answer.body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as GatewayGraphQLResponse)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A `Cache-Control` header as Apollo Server's cache hint (no header: not cacheable). */
function cacheHintOf(header: string | undefined): { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } {
  const directives = (header ?? '').split(',').map((directive) => directive.trim().toLowerCase());
  const maxAge = directives.find((directive) => /^max-age=\d+$/.test(directive));
  return {
    maxAge: maxAge ? Number(maxAge.slice('max-age='.length)) : 0,
    ...(directives.includes('private') ? { scope: 'PRIVATE' as const } : {}),
    ...(directives.includes('public') ? { scope: 'PUBLIC' as const } : {}),
  };
}
