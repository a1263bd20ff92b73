import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Handler, Request, Response } from './express';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** What the gateway knows about one HTTP request, shared by its log line and its GraphQL context. */
export interface RequestTrace {
  requestId: string;
  correlationId: string;
  operationName?: string;
  operationType?: string;
  errorCodes: string[];
}

// The trace of the request being handled, for code that is handed no request: Apollo Server's
// formatError, which labels every error with the request id.
const currentTraces = new AsyncLocalStorage<RequestTrace>();

// Ids come from clients and reach logs and other services: accept only short, plain tokens.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function incomingId(request: Request, header: string): string | undefined {
  const value = request.get(header);
  return value && SAFE_ID.test(value) ? value : undefined;
}

/**
 * Gives every request an id (the client's `x-request-id` if it is a plain token, else a new UUID)
 * and a correlation id (the client's `x-correlation-id`, else the request id); echoes both.
 */
export const assignRequestIds: Handler = (request, response, next) => {
  const requestId = incomingId(request, REQUEST_ID_HEADER) ?? randomUUID();
  const correlationId = incomingId(request, CORRELATION_ID_HEADER) ?? requestId;
  const trace: RequestTrace = { requestId, correlationId, errorCodes: [] };
  response.locals.trace = trace;
  response.set(REQUEST_ID_HEADER, requestId);
  response.set(CORRELATION_ID_HEADER, correlationId);
  currentTraces.run(trace, next);
};

export function traceOf(response: Response): RequestTrace {
  return response.locals.trace as RequestTrace;
}

/** The trace of the request this code runs for, if any. */
export function currentTrace(): RequestTrace | undefined {
  return currentTraces.getStore();
}
