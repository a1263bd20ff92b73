import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventMetadata } from '@haven/platform/event-store';
import type { Principal } from '@haven/platform/security';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Ids come from callers and reach logs and events: accept only short, plain tokens (as the gateway).
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The GraphQL context of one request: the HTTP request (request-scoped DataLoaders key on it) and
 * the principal the gateway vouched for (verified before any resolver runs).
 */
export interface GraphQLContext {
  req: IncomingMessage;
  principal?: Principal;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && SAFE_ID.test(value) ? value : undefined;
}

/**
 * The request id: the caller's `x-request-id` when it is a plain token, else a new UUID. Echoed in
 * the response with the correlation id (pino-http calls this once per request).
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const requestId = header(request, REQUEST_ID_HEADER) ?? randomUUID();
  response.setHeader(REQUEST_ID_HEADER, requestId);
  response.setHeader(CORRELATION_ID_HEADER, header(request, CORRELATION_ID_HEADER) ?? requestId);
  return requestId;
}

/** The caller's `x-correlation-id` when it is a plain token, else the request id. */
export function correlationIdOf(request: IncomingMessage): string {
  return header(request, CORRELATION_ID_HEADER) ?? String(request.id ?? randomUUID());
}

/** Who is acting. */
export interface Actor {
  actorId: string;
  role: string;
  organisationId: string | null;
}

/** The actor of a request: the verified principal (a resolver never runs without one). */
export function actorOf(context: GraphQLContext): Actor {
  const { principal } = context;
  if (!principal) throw new Error('No verified principal in the GraphQL context.');
  return {
    actorId: principal.subject,
    role: principal.role,
    organisationId: principal.organisationId,
  };
}

/** The verified principal of a request. */
export function principalOf(context: GraphQLContext): Principal {
  if (!context.principal) throw new Error('No verified principal in the GraphQL context.');
  return context.principal;
}

/** The metadata of the events a command in this request causes; `now` is the occurred-at time. */
export function commandMetadata(context: GraphQLContext, now: Date = new Date()): EventMetadata {
  return {
    ...actorOf(context),
    correlationId: correlationIdOf(context.req),
    causationId: null,
    occurredAt: now.toISOString(),
  };
}
