import { Catch, type ExceptionFilter } from '@nestjs/common';
import { clientError } from '@haven/platform/nest';
import { forbidden } from '@haven/platform/security';
import {
  BeneficiaryAlreadyErased,
  BeneficiaryAlreadyRegistered,
  BeneficiaryNotFound,
  BreakGlassNotNeeded,
  ErasureAlreadyRequested,
  ErasureNotRequested,
  InvalidBeneficiaryData,
  InvalidBreakGlassRequest,
  PossibleDuplicateNotFound,
  ProtectionDomainError,
  SameAdminConfirmation,
} from '@haven/protection/domain';
import type { GraphQLError } from 'graphql';
import { toCaseClientError } from '../cases/case-errors';

/** Domain errors → GraphQL errors with a code, a human message and the domain's own code. */
export function toClientError(error: ProtectionDomainError): GraphQLError {
  const caseError = toCaseClientError(error);
  if (caseError) return caseError;
  if (error instanceof InvalidBeneficiaryData || error instanceof InvalidBreakGlassRequest) {
    return clientError('BAD_USER_INPUT', error.message, {
      reason: error.code,
      fields: [{ field: error.field, messages: [error.message] }],
    });
  }
  if (error instanceof BeneficiaryAlreadyRegistered) {
    return clientError(
      'CONFLICT',
      'A beneficiary with this id is already registered, with other facts.',
      { reason: error.code },
    );
  }
  if (error instanceof BeneficiaryNotFound || error instanceof PossibleDuplicateNotFound) {
    return clientError('NOT_FOUND', error.message, { reason: error.code });
  }
  if (error instanceof SameAdminConfirmation) return forbidden(error.message, error.code);
  if (
    error instanceof BeneficiaryAlreadyErased ||
    error instanceof ErasureAlreadyRequested ||
    error instanceof ErasureNotRequested ||
    error instanceof BreakGlassNotNeeded
  ) {
    return clientError('CONFLICT', error.message, { reason: error.code });
  }
  return clientError('BAD_USER_INPUT', error.message, { reason: error.code });
}

/** Keeps resolvers free of try/catch: any ProtectionDomainError they let through is mapped. */
@Catch(ProtectionDomainError)
export class ProtectionErrorFilter implements ExceptionFilter {
  catch(error: ProtectionDomainError): GraphQLError {
    return toClientError(error);
  }
}
