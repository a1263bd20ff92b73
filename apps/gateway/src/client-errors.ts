// What a client sees of an error at the gateway: always a code and the request's id; in
// production, a generic message for anything that is not meant for clients (a subgraph's
// unexpected failure may quote SQL or personal data). Never a stack trace.
import { withoutQuotedValues } from '@haven/platform/security';
import type { GraphQLFormattedError } from 'graphql';
import type { Response } from './express';
import { currentTrace, traceOf } from './request-ids';

/**
 * The codes a client may see with their message: platform/nest's CLIENT_ERROR_CODES (what the
 * subgraphs let through; a spec keeps the two in step) and the gateway's own refusals.
 */
export const GATEWAY_CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
]);

/** Details a client error may keep in production; anything else a subgraph added is dropped. */
const SAFE_EXTENSIONS = ['code', 'serviceName', 'reason', 'fields'];
/** Never sent, even in development. */
const UNSAFE_EXTENSIONS = ['stacktrace', 'exception'];

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** Apollo Server's `formatError` for the gateway. */
export function formatClientError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const requestId = currentTrace()?.requestId;
    const code = formatted.extensions?.code;
    const where = { locations: formatted.locations, path: formatted.path };
    if (production && !(typeof code === 'string' && GATEWAY_CLIENT_ERROR_CODES.has(code))) {
      return {
        message: INTERNAL_ERROR_MESSAGE,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      };
    }
    const extensions: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(formatted.extensions ?? {})) {
      if (production ? SAFE_EXTENSIONS.includes(key) : !UNSAFE_EXTENSIONS.includes(key)) {
        extensions[key] = value;
      }
    }
    return {
      message: withoutQuotedValues(formatted.message),
      ...where,
      extensions: { ...extensions, code: code ?? 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

/**
 * Refuses a request before Apollo Server sees it, with a GraphQL-shaped body: the message, the
 * code and the request id. The code goes to the request's log line.
 */
export function sendClientError(
  response: Response,
  status: number,
  code: string,
  message: string,
): void {
  const trace = traceOf(response);
  trace?.errorCodes.push(code);
  response
    .status(status)
    .json({ errors: [{ message, extensions: { code, requestId: trace?.requestId } }] });
}
