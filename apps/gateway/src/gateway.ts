// The federated GraphQL gateway: @apollo/gateway on Apollo Server 5 and Express 5. It serves the
// supergraph composed at build time (apps/gateway/supergraph.graphql), or in development one
// composed at start from the running subgraphs (IntrospectAndCompose).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  defaultGraphQLLimits,
  graphqlLimitRules,
  operationNotFoundError,
  type GraphQLLimits,
} from '@haven/platform/security';
import {
  authenticate,
  gatewayAuthentication,
  type AuthenticatedRequest,
  type GatewayAuthentication,
} from './authentication';
import { formatClientError } from './client-errors';
import { refuseDeeplyNestedDocuments } from './document-limits';
import { express, type ErrorHandler, type Handler, type Request } from './express';
import { mountIde } from './ide';
import { createLogger, type Logger } from './logger';
import type { PrincipalOf } from './principal';
import { mountReports } from './reports/report-routes';
import { createRateLimiter, rateLimitFromEnv, type RateLimitOptions } from './rate-limit';
import { assignRequestIds, traceOf } from './request-ids';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';
import { readSupergraph, subgraphsOf, type SubgraphEndpoint } from './supergraph';
import {
  TrustedDocuments,
  trustedDocumentsMiddleware,
  trustedDocumentsRequiredFor,
} from './trusted-documents';

export type ComposeMode = 'static' | 'introspect';

export interface GatewayOptions {
  /** The supergraph SDL; by default the committed apps/gateway/supergraph.graphql. */
  supergraphSdl?: string;
  /** `static` (default): serve the supergraph; `introspect`: compose from the running subgraphs. */
  compose?: ComposeMode;
  /** Subgraph URLs by subgraph name, overriding HAVEN_<NAME>_URL and the supergraph's. */
  subgraphUrls?: Record<string, string>;
  /** Production turns the IDE, introspection and schema hints in errors off. */
  production?: boolean;
  /** Where to listen: port 0 picks a free one. */
  port?: number;
  host?: string;
  logger?: Logger;
  /** Largest accepted request body. */
  bodyLimit?: string;
  /** How long in-flight requests may take to finish on stop. */
  shutdownGraceMs?: number;
  /** The query the IDE opens with. */
  ideDefaultQuery?: string;
  env?: NodeJS.ProcessEnv;
  /** Depth, alias, cost and token limits of an operation, over `defaultGraphQLLimits`. */
  graphqlLimits?: Partial<GraphQLLimits>;
  /** Requests per client on /graphql; by default HAVEN_RATE_LIMIT_PER_MINUTE (600 a minute). */
  rateLimit?: RateLimitOptions | false;
  /** The folder of trusted documents (`*.graphql`); by default apps/gateway/trusted-documents. */
  trustedDocumentsDir?: string;
  /** Which requests may only run trusted documents; by default HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR. */
  requiresTrustedDocuments?: (request: Request) => boolean;
  /** Who sent a request, for the rate limit and trusted documents; by default `request.principal`. */
  principalOf?: PrincipalOf;
  /**
   * Token verification and identity signing; by default from the environment (HAVEN_OIDC_*).
   * `false` lets requests through unauthenticated and sends the subgraphs no identity: for the
   * gateway's own tests and the benchmark's baseline only; refused in production.
   */
  authentication?: GatewayAuthentication | false;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The origin, e.g. http://127.0.0.1:4000. */
  origin: string;
  port: number;
  subgraphs: SubgraphEndpoint[];
  /** Stops taking requests, lets the in-flight ones finish, then closes. */
  stop(): Promise<void>;
}

const HEALTH_CHECK_TIMEOUT_MS = 1_000;

/** `legal` → `HAVEN_LEGAL_URL`. */
export function subgraphUrlVariable(name: string): string {
  return `HAVEN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const env = options.env ?? process.env;
  // Apollo's gateway sends anonymous usage telemetry unless this is set (read at construction).
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const production = options.production ?? env.NODE_ENV === 'production';
  const logger = options.logger ?? createLogger();
  const compose = options.compose ?? 'static';

  const supergraphSdl = options.supergraphSdl ?? readSupergraph(env.HAVEN_SUPERGRAPH_PATH);
  const subgraphs = subgraphsOf(supergraphSdl).map(({ name, url }) => ({
    name,
    url: options.subgraphUrls?.[name] ?? env[subgraphUrlVariable(name)] ?? url,
  }));
  const urlOf = new Map(subgraphs.map(({ name, url }) => [name, url]));
  const limits = { ...defaultGraphQLLimits, ...options.graphqlLimits };
  const trustedDocuments = TrustedDocuments.load(options.trustedDocumentsDir);
  const rateLimit = options.rateLimit ?? rateLimitFromEnv(env);
  if (options.authentication === false && production) {
    throw new Error('The gateway never runs without authentication in production.');
  }
  const authentication =
    options.authentication === false
      ? undefined
      : (options.authentication ?? gatewayAuthentication(env, production));
  if (authentication?.developmentIssuer) {
    logger.warn('accepting tokens from the development issuer (npm run token)');
  }

  const gateway = new ApolloGateway({
    supergraphSdl:
      compose === 'introspect' ? new IntrospectAndCompose({ subgraphs }) : supergraphSdl,
    // The supergraph records each subgraph's default URL; a deployment points elsewhere.
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: urlOf.get(name) ?? url ?? '',
        logger,
        signer: authentication?.signer,
      }),
    logger: apolloLogger(logger),
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });

  const app = express();
  app.disable('x-powered-by');
  // No ETags: hashing every GraphQL answer costs CPU, and none is ever revalidated (POST, per user).
  app.disable('etag');
  const httpServer = http.createServer(app);
  let ready = false;

  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatClientError(production),
    // A huge document is refused while it is parsed, before validation walks it.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: graphqlLimitRules(limits),
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000,
      }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
      operationLogPlugin(),
    ],
    logger: apolloLogger(logger),
  });
  await server.start();
  ready = true;

  app.use(assignRequestIds);
  app.use(requestLog(logger));
  app.get('/health/live', (_request, response) => response.status(200).json({ status: 'ok' }));
  app.get('/health/ready', async (_request, response) => {
    if (!ready) return response.status(503).json({ status: 'starting' });
    // The gateway serves whatever subgraphs are up (the others' fields answer with an error), so
    // it is ready once its supergraph is loaded; the subgraphs' state is reported, not required.
    const states = await Promise.all(subgraphs.map((subgraph) => subgraphState(subgraph)));
    return response.status(200).json({ status: 'ok', subgraphs: Object.fromEntries(states) });
  });
  if (!production) {
    mountIde(app, {
      defaultQuery: options.ideDefaultQuery ?? DEFAULT_IDE_QUERY,
      schema: () => apiSchema,
    });
  }
  // Counted by verified subject, before the body is read, so a throttled client costs little.
  const rateLimiter = rateLimit
    ? createRateLimiter({ ...rateLimit, principalOf: options.principalOf, logger })
    : undefined;
  app.use(
    '/graphql',
    ...(authentication ? [authenticate(authentication.verifier, logger)] : []),
    ...(rateLimiter ? [rateLimiter.handler] : []),
    express.json({ limit: options.bodyLimit ?? '100kb' }),
    refuseDeeplyNestedDocuments(limits.maxNesting),
    trustedDocumentsMiddleware({
      documents: trustedDocuments,
      requiresTrustedDocuments:
        options.requiresTrustedDocuments ?? trustedDocumentsRequiredFor(env, options.principalOf),
    }),
    expressMiddleware(server, {
      context: async ({ req, res }) => ({
        trace: traceOf(res as never),
        principal: (req as unknown as AuthenticatedRequest).principal,
      }),
    }) as unknown as Handler,
  );
  // The report's page and exports, answered by this gateway's own /graphql with the same token.
  mountReports(app);
  app.use(notFound);
  app.use(errorHandler(logger));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    rateLimiter?.close();
    await server.stop();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::'
      ? options.host
      : '127.0.0.1';
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(
    { port, compose, production, subgraphs: subgraphs.map(({ name }) => name) },
    'gateway listening',
  );

  let stopping: Promise<void> | undefined;
  return {
    url: `${origin}/graphql`,
    origin,
    port,
    subgraphs,
    stop() {
      stopping ??= (async () => {
        ready = false;
        await server.stop(); // drains the HTTP server first, then stops the gateway
        rateLimiter?.close();
        logger.info('gateway stopped');
      })();
      return stopping;
    },
  };
}

/** The query the IDE opens with: one question answered by all five subgraphs. */
export const DEFAULT_IDE_QUERY = `# Haven's federated graph: each field is answered by the service that owns it.
# Run it with the ▶ button or Ctrl-Enter; the Docs tab lists every type and field.
# Every request needs a token: run \`npm run token -- --role admin\` and put
#   {"Authorization": "Bearer <the token>"} in the Headers tab below.
# No beneficiaries yet? Register one:
#   mutation { registerBeneficiary(input: { country: TH, sex: FEMALE, minor: true }) { beneficiaryId } }
query Beneficiaries {
  beneficiaries(first: 10) {
    edges {
      node {
        referenceCode # protection
        country
        minor
        registeredAt
        caseNotificationCount # networks
        empowermentServiceCount # empowerment
        legalCaseCount # legal
        reliefDistributionCount # relief
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

/** Records the operation's name, type and error codes for the request's log line. */
function operationLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName, operation }) {
          // No operation to run: operationName names none of the document's, or the document
          // holds several and none is named. A client's mistake (400), told without quoting the
          // name it sent; the gateway's executor would otherwise fail with 500 and echo it.
          if (!operation) throw operationNotFoundError();
          contextValue.trace.operationName = operationName ?? undefined;
          contextValue.trace.operationType = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          // Codes only: messages may quote the variables a client sent.
          for (const error of errors) {
            const code = error.extensions?.code;
            contextValue.trace.errorCodes.push(typeof code === 'string' ? code : 'UNKNOWN');
          }
        },
      };
    },
  };
}

/** One JSON line per request: ids, method, path (no query string), status, time, operation. */
function requestLog(logger: Logger): Handler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const trace = traceOf(response);
      // The path only: a GET query string carries the operation and its variables.
      const path = request.originalUrl.split('?')[0];
      const line = {
        requestId: trace.requestId,
        correlationId: trace.correlationId,
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        operationName: trace.operationName,
        operationType: trace.operationType,
        errorCodes: trace.errorCodes.length ? [...new Set(trace.errorCodes)] : undefined,
      };
      if (path.startsWith('/health/')) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

const notFound: Handler = (_request, response) => {
  response.status(404).json({ error: 'Not found' });
};

function errorHandler(logger: Logger): ErrorHandler {
  return (error, _request, response, _next) => {
    const status = (error as { status?: number }).status ?? 500;
    const trace = traceOf(response);
    logger[status >= 500 ? 'error' : 'warn'](
      { requestId: trace?.requestId, status, error: (error as Error).name },
      'request failed',
    );
    if (response.headersSent) return;
    // Never echo the error's message: a JSON parse error quotes the body it could not parse.
    const message =
      status === 413 ? 'Request body too large' : status < 500 ? 'Bad request' : 'Internal error';
    response.status(status).json({ error: message });
  };
}

async function subgraphState({ name, url }: SubgraphEndpoint): Promise<[string, string]> {
  try {
    const response = await fetch(new URL('/health/live', url), {
      signal: AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS),
    });
    return [name, response.ok ? 'up' : `HTTP ${response.status}`];
  } catch {
    return [name, 'down'];
  }
}

/** Apollo's logger interface on pino (Apollo logs strings, none of them request data). */
function apolloLogger(logger: Logger) {
  const child = logger.child({ component: 'apollo' });
  return {
    debug: (message: string) => child.debug(message),
    info: (message: string) => child.info(message),
    warn: (message: string) => child.warn(message),
    error: (message: string) => child.error(message),
  };
}
