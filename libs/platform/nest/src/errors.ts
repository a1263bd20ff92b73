import { GraphQLError } from 'graphql';

/**
 * The error codes a client may see in `extensions.code`. Any other error reaches the client as
 * INTERNAL_SERVER_ERROR with a generic message, and is logged with the request id.
 */
export const CLIENT_ERROR_CODES = new Set([
  // Ours.
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
  // Apollo Server's own, about the request itself.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's refusals: too many requests from one client, and a free-form query from a
  // client that may only run trusted documents.
  'RATE_LIMITED',
  'PERSISTED_QUERY_REQUIRED',
]);

export type ClientErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';

/** Extra, client-safe details: `reason` (a stable domain code) and `fields` (what was invalid). */
export interface ClientErrorDetails {
  reason?: string;
  fields?: Array<{ field: string; messages: string[] }>;
}

/** A GraphQL error a client is meant to read: a code, a human message, optional details. */
export function clientError(
  code: ClientErrorCode,
  message: string,
  details: ClientErrorDetails = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** The stream changed under every attempt of a command: the caller may simply try again. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`${streamId} kept changing while the command was decided (${attempts} attempts).`);
    this.name = 'ConcurrencyConflictError';
  }
}

/** The class and code of an error, never its data: for logs and health reports. */
export function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' || typeof code === 'number' ? `${name} (${code})` : name;
}
