import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidEncounterErrors,
  GraphQLRequestListener,
} from '@apollo/server';
import { Kind, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { describeError, type GraphQLContext } from '@haven/platform/nest';
import type { AccessLogEntry } from '@haven/platform/privacy';
import { AuditLogService } from './audit-log.service';

/** The record type of a refused audit call in the access log. */
export const REFUSED_AUDIT_CALL = 'AuditRefusal';
/** The record id of a refusal no single call can be named for (a request that did not validate). */
export const WHOLE_REQUEST = 'request';

/**
 * The codes of a refusal: the caller's role or input, or a request the service would not run.
 * Not UNAUTHENTICATED (nobody to name) nor an internal error (nothing was refused).
 */
const REFUSAL_CODES = new Set([
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

export interface Refusal {
  /** The root field refused (`auditStream`), or `request`. */
  call: string;
  /** The error's code and, when it has one, its reason (`FORBIDDEN`, `ROLE_NOT_ALLOWED`). */
  fields: string[];
}

/**
 * The refusals among a request's errors, one per call and code. Calls are named by their field in
 * the schema, never by an alias or an argument: those are whatever the caller typed.
 */
export function refusalsOf(
  errors: readonly GraphQLError[],
  operation: OperationDefinitionNode | null | undefined,
): Refusal[] {
  const fieldOfKey = new Map<string, string>();
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    fieldOfKey.set(selection.alias?.value ?? selection.name.value, selection.name.value);
  }
  const seen = new Map<string, Refusal>();
  for (const error of errors) {
    const code = String(error.extensions?.code ?? '');
    if (!REFUSAL_CODES.has(code)) continue;
    const key = error.path?.[0];
    const call = (typeof key === 'string' && fieldOfKey.get(key)) || WHOLE_REQUEST;
    const reason = error.extensions?.reason;
    const fields = typeof reason === 'string' ? [code, reason] : [code];
    seen.set(`${call} ${fields.join(' ')}`, { call, fields });
  }
  return [...seen.values()];
}

/**
 * Writes every refused audit call to the access log, as accepted calls are: who asked, for which
 * call, and why it was refused (wrong role, bad input, nothing there). It names no argument: a
 * refused one may be anything at all. The request id leads to the service's log line. A request
 * without a verified identity names nobody and is the gateway's to refuse; it is not written.
 */
@Plugin()
export class AuditRefusalsPlugin implements ApolloServerPlugin<GraphQLContext> {
  private readonly logger = new Logger('AuditRefusals');

  constructor(private readonly audit: AuditLogService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    return {
      didEncounterErrors: (request) => this.record(request),
    };
  }

  private async record(request: GraphQLRequestContextDidEncounterErrors<GraphQLContext>) {
    const context = request.contextValue;
    const principal = context?.principal;
    if (!principal) return;
    const refusals = refusalsOf(request.errors, request.operation);
    if (refusals.length === 0) return;
    const requestId = context.req?.id == null ? null : String(context.req.id);
    const entries: AccessLogEntry[] = refusals.map((refusal) => ({
      actorId: principal.subject,
      role: principal.role,
      organisationId: principal.organisationId,
      recordType: REFUSED_AUDIT_CALL,
      recordId: refusal.call,
      fields: refusal.fields,
      purpose: null,
      breakGlass: false,
      requestId,
    }));
    try {
      await this.audit.accessLog.record(entries);
    } catch (error) {
      // Nothing was served: the refusal stands, and the failure is for operators to see.
      this.logger.warn(`a refused audit call was not logged: ${describeError(error)}`);
    }
  }
}
