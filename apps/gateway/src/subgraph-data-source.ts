import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
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

/** A fetch failure as Node's fetch reports it: the socket error is the cause. */
interface FetchFailure extends Error {
  code?: string;
  cause?: { code?: string };
}

/**
 * How the gateway calls one subgraph: it forwards the request and correlation ids, and turns a
 * subgraph it cannot reach into a plain GraphQL error for that subgraph's fields (code
 * SERVICE_UNAVAILABLE, the subgraph's name), without its internal URL.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly logger: Logger;

  private readonly signer?: IdentitySigner;

  constructor(options: { name: string; url: string; logger: Logger; signer?: IdentitySigner }) {
    // Node's own fetch keeps connections to the subgraph alive; the default fetcher
    // (make-fetch-happen) adds an HTTP cache layer the gateway does not need.
    super({ url: options.url, fetcher: fetch as unknown as Fetcher });
    this.name = options.name;
    this.logger = options.logger;
    this.signer = options.signer;
  }

  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<void> {
    const headers = options.request.http?.headers;
    // Schema loading and health checks (IntrospectAndCompose) have no incoming request.
    const { trace, principal } = options.context as Partial<GatewayContext>;
    if (this.signer) {
      headers?.set(IDENTITY_HEADER, await this.signer.sign(principal ?? COMPOSITION_PRINCIPAL));
    }
    if (!trace) return;
    headers?.set(REQUEST_ID_HEADER, trace.requestId);
    headers?.set(CORRELATION_ID_HEADER, trace.correlationId);
  }

  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    fetchResponse?: { status: number },
    context?: GatewayContext,
  ): void {
    const requestId = context?.trace?.requestId;
    if (!fetchResponse) {
      this.logger.warn(
        {
          requestId,
          subgraph: this.name,
          cause: (error as FetchFailure).cause?.code ?? (error as FetchFailure).code ?? error.name,
        },
        'subgraph unreachable',
      );
      throw new GraphQLError(`The ${this.name} service is unavailable.`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name },
        originalError: error,
      });
    }
    this.logger.warn(
      { requestId, subgraph: this.name, status: fetchResponse.status },
      'subgraph answered with an HTTP error',
    );
    const status = fetchResponse.status;
    const code =
      status === 401
        ? 'UNAUTHENTICATED'
        : status === 403
          ? 'FORBIDDEN'
          : status >= 500
            ? 'SERVICE_UNAVAILABLE'
            : 'INTERNAL_SERVER_ERROR';
    throw new GraphQLError(
      status >= 500
        ? `The ${this.name} service is unavailable (HTTP ${status}).`
        : `The ${this.name} service refused the gateway's request (HTTP ${status}).`,
      { extensions: { code, serviceName: this.name }, originalError: error },
    );
  }
}
