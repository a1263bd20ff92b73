import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { assignRequestId, correlationIdOf } from './request-context';

/** Where log lines go: stdout by default; tests override this provider to read them. */
export const LOG_DESTINATION = Symbol('haven.log-destination');

/**
 * Request fields a log line may carry. Everything else (headers, bodies, GraphQL queries and
 * variables, the query string) stays out: these records name trafficked children.
 */
function requestSummary(request: { id?: unknown; method?: string; url?: string }) {
  return { id: request.id, method: request.method, path: request.url?.split('?')[0] };
}

/**
 * nestjs-pino parameters for a service: one JSON line per request with its id and correlation id.
 * Redaction is a second net under the serializers, in case a later change logs a request object.
 */
export function loggerParams(service: string, destination?: DestinationStream | null): Params {
  const options: Options = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    genReqId: (request: IncomingMessage, response: ServerResponse) =>
      assignRequestId(request, response),
    customProps: (request: IncomingMessage) => ({ correlationId: correlationIdOf(request) }),
    serializers: {
      req: requestSummary,
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    redact: {
      paths: [
        'req.headers',
        'req.body',
        'req.query',
        'headers',
        'body',
        'variables',
        '*.headers',
        '*.body',
        '*.variables',
        '*.authorization',
        '*.cookie',
      ],
      censor: '[redacted]',
    },
    // Probes every few seconds would drown the request lines.
    autoLogging: { ignore: (request: IncomingMessage) => !!request.url?.startsWith('/health/') },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
