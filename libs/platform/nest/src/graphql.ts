import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import {
  Logger,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Type,
} from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import {
  AuthenticationError,
  BENCHMARK_PRINCIPAL,
  enforcePolicies,
  IDENTITY_HEADER,
  IdentityVerifier,
  loadIdentityPublicKey,
  SECURITY_CHECKS_OFF_WARNING,
  securityChecksFromEnv,
  unauthenticated,
  defaultGraphQLLimits,
  graphqlLimitRules,
  nestingExceeds,
  operationNotFoundError,
  tooDeeplyNestedMessage,
  withoutQuotedValues,
} from '@haven/platform/security';
import { CLIENT_ERROR_CODES, ConcurrencyConflictError } from './errors';
import type { GraphQLContext } from './request-context';

export interface SubgraphOptions {
  /**
   * Types no resolver returns, which the schema must still contain: an entity this subgraph only
   * adds fields to (`Beneficiary` in legal), or Nest drops it from the schema.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Array<Function | Type<unknown>>;
}

const SAFE_EXTENSIONS = ['code', 'reason', 'fields'] as const;
const logger = new Logger('GraphQL');

function isClientError(error: GraphQLError | GraphQLFormattedError): boolean {
  return CLIENT_ERROR_CODES.has(String(error.extensions?.code));
}

/**
 * What a client sees of an error: its code, message and whitelisted details for the errors meant
 * for it; for anything else a generic message (details are in the log, under the request id).
 * Never a stack trace.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof ConcurrencyConflictError) {
    return {
      ...base,
      message: 'The record was changed by someone else at the same time; try again.',
      extensions: { code: 'CONFLICT', reason: original.code },
    };
  }
  if (isClientError(formatted)) {
    const extensions: Record<string, unknown> = {};
    for (const key of SAFE_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { ...base, message: withoutQuotedValues(formatted.message), extensions };
  }
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs each error a client will see as INTERNAL_SERVER_ERROR, with the request's id. */
const logUnexpectedErrors: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (isClientError(error) || original instanceof ConcurrencyConflictError) continue;
          // Name, message and stack only: an error's other properties (a failed query's
          // parameters, for one) may hold personal data.
          const err =
            original instanceof Error
              ? { type: original.name, message: original.message, stack: original.stack }
              : { type: typeof original };
          const fields = { err, path: error.path?.join('.') };
          if (contextValue?.req?.log) contextValue.req.log.error(fields, 'GraphQL resolver failed');
          else logger.error(fields, 'GraphQL resolver failed');
        }
      },
    };
  },
};

/**
 * Every answer is `Cache-Control: no-store`, as Apollo's cache control plugin computes it for a
 * schema without cache hints, but without that plugin's bookkeeping on every resolved field.
 */
const noStore: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** A document with no operation to run is the client's mistake: 400, quoting no name it sent. */
const refuseMissingOperation: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (!operation) throw operationNotFoundError();
      },
    };
  },
};

interface DocumentRequest {
  body?: unknown;
  query?: Record<string, unknown>;
}
interface DocumentResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Refuses a document nested deeper than the limits allow before Apollo Server parses it: the
 * parser's recursion would overflow the stack on a few thousand levels (as at the gateway).
 */
function refuseDeeplyNestedDocuments(
  request: DocumentRequest,
  response: DocumentResponse,
  next: () => void,
): void {
  const max = defaultGraphQLLimits.maxNesting;
  const operations: unknown[] = Array.isArray(request.body) ? request.body : [request.body];
  const documents = [
    ...operations.map((operation) => (operation as { query?: unknown } | null)?.query),
    request.query?.query,
  ];
  if (!documents.some((document) => typeof document === 'string' && nestingExceeds(document, max)))
    return next();
  response.status(400).json({
    errors: [
      { message: tooDeeplyNestedMessage(max), extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
    ],
  });
}

@Module({})
class DocumentLimitsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(refuseDeeplyNestedDocuments).forRoutes('graphql');
  }
}

/**
 * The identity of a request, from the gateway's signed assertion: no valid assertion, no answer
 * (401 UNAUTHENTICATED), so a subgraph called directly, or with a forged header, refuses.
 */
function contextFactory(verifier: IdentityVerifier | null) {
  return async ({ req }: { req: GraphQLContext['req'] }): Promise<GraphQLContext> => {
    if (!verifier) throw unauthenticated('This service was started to print its schema only.');
    try {
      return { req, principal: await verifier.verify(req.headers[IDENTITY_HEADER]) };
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message, error.reason);
      throw error;
    }
  };
}

/**
 * The benchmark's baseline (HAVEN_SECURITY_CHECKS=off, refused in production): no identity
 * verification and no field policies; every request runs as BENCHMARK_PRINCIPAL. For measuring
 * what the checks cost, never for serving anyone.
 */
function withoutSecurityChecks(config: ApolloFederationDriverConfig): ApolloFederationDriverConfig {
  logger.warn(SECURITY_CHECKS_OFF_WARNING);
  return {
    ...config,
    transformSchema: undefined,
    context: ({ req }: { req: GraphQLContext['req'] }): GraphQLContext => ({
      req,
      principal: BENCHMARK_PRINCIPAL,
    }),
  };
}

/**
 * The service's GraphQL module: a code-first Federation 2 subgraph at /graphql. Every field is
 * behind its access policy (deny by default, libs/platform/security). Introspection is on outside
 * production (the gateway composes from `_service` in development); no landing page or IDE (the
 * gateway serves one).
 */
export function subgraphModule(options: SubgraphOptions = {}): DynamicModule {
  return {
    module: DocumentLimitsModule,
    imports: [graphqlModule(options)],
    exports: [GraphQLModule],
  };
}

function graphqlModule(options: SubgraphOptions): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    // A factory, so that the environment is read when the app is created, not when imported.
    useFactory: () => {
      // First: in production, HAVEN_SECURITY_CHECKS=off stops the service with its own message.
      const checks = securityChecksFromEnv(process.env);
      const production = process.env.NODE_ENV === 'production';
      const schemaOnly = ['1', 'true'].includes(process.env.HAVEN_SCHEMA_ONLY ?? '');
      const verifier = schemaOnly
        ? null
        : new IdentityVerifier(loadIdentityPublicKey(process.env, production));
      const config: ApolloFederationDriverConfig = {
        autoSchemaFile: { federation: 2 },
        sortSchema: true,
        buildSchemaOptions: { orphanedTypes: options.orphanedTypes ?? [] },
        transformSchema: enforcePolicies,
        // The gateway's limits again: a subgraph is reachable only with the gateway's identity,
        // but the gateway is not the only line of defence.
        validationRules: graphqlLimitRules(defaultGraphQLLimits),
        parseOptions: { maxTokens: defaultGraphQLLimits.maxTokens },
        introspection: !production,
        playground: false,
        graphiql: false,
        includeStacktraceInErrorResponses: false,
        formatError,
        // No federated traces: they would carry resolver errors to the gateway, and print a line.
        plugins: [
          logUnexpectedErrors,
          refuseMissingOperation,
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginCacheControlDisabled(),
          noStore,
        ],
        context: contextFactory(verifier),
      };
      return checks ? config : withoutSecurityChecks(config);
    },
  });
}
