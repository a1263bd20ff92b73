import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
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
    return { ...base, message: formatted.message, extensions };
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
 * The service's GraphQL module: a code-first Federation 2 subgraph at /graphql. Introspection is
 * on (the gateway and composition read it); no landing page or IDE (the gateway serves one).
 */
export function subgraphModule(options: SubgraphOptions = {}): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    buildSchemaOptions: { orphanedTypes: options.orphanedTypes ?? [] },
    introspection: true,
    playground: false,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // No federated traces: they would carry resolver errors to the gateway, and print a line.
    plugins: [logUnexpectedErrors, ApolloServerPluginInlineTraceDisabled()],
    context: ({ req }: GraphQLContext): GraphQLContext => ({ req }),
  });
}
