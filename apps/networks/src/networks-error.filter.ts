import { Catch, type ExceptionFilter } from '@nestjs/common';
import {
  CaseNotificationNotFound,
  InvalidNetworksData,
  NetworksDomainError,
} from '@haven/networks/domain';
import { clientError } from '@haven/platform/nest';
import type { GraphQLError } from 'graphql';

/**
 * Domain errors → GraphQL errors, `reason` being the domain's own code: invalid values are
 * BAD_USER_INPUT naming the field, an unknown notification NOT_FOUND, and every broken rule
 * (a notification in the wrong status, an id taken by other facts) CONFLICT.
 */
export function toClientError(error: NetworksDomainError): GraphQLError {
  if (error instanceof InvalidNetworksData) {
    return clientError('BAD_USER_INPUT', error.message, {
      reason: error.code,
      fields: [{ field: error.field, messages: [error.message] }],
    });
  }
  if (error instanceof CaseNotificationNotFound) {
    return clientError('NOT_FOUND', error.message, { reason: error.code });
  }
  return clientError('CONFLICT', error.message, { reason: error.code });
}

/** Keeps resolvers free of try/catch: any NetworksDomainError they let through is mapped. */
@Catch(NetworksDomainError)
export class NetworksErrorFilter implements ExceptionFilter {
  catch(error: NetworksDomainError): GraphQLError {
    return toClientError(error);
  }
}
