import { Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@haven/platform/domain';
import { forbidden } from '@haven/platform/security';
import type { GraphQLError } from 'graphql';
import { clientError, type ClientErrorCode } from './errors';

const CODES: Record<Exclude<DomainErrorKind, 'forbidden'>, ClientErrorCode> = {
  invalid: 'BAD_USER_INPUT',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
};

/**
 * A broken domain rule as the client sees it: the GraphQL code its kind maps to, the domain's
 * message (which names fields, never values), its stable reason, and the field at fault.
 */
export function domainErrorToClientError(error: DomainError): GraphQLError {
  if (error.kind === 'forbidden') return forbidden(error.message, error.reason);
  return clientError(CODES[error.kind], error.message, {
    reason: error.reason,
    ...(error.field ? { fields: [{ field: error.field, messages: [error.message] }] } : {}),
  });
}

/** Every service's resolvers stay free of try/catch: any DomainError they let through is mapped. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError): GraphQLError {
    return domainErrorToClientError(error);
  }
}
