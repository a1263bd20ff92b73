import { clientError } from '@haven/platform/nest';
import {
  InvalidProtectionCaseData,
  ProtectionCaseNotFound,
  ProtectionCaseRuleViolation,
  type ProtectionDomainError,
} from '@haven/protection/domain';
import type { GraphQLError } from 'graphql';

/**
 * Case errors → GraphQL errors: a broken rule is a CONFLICT whose `reason` is the rule's code,
 * bad data a BAD_USER_INPUT naming the field, a missing case NOT_FOUND. Undefined for the other
 * protection errors (protection-error.filter.ts maps those).
 */
export function toCaseClientError(error: ProtectionDomainError): GraphQLError | undefined {
  if (error instanceof ProtectionCaseRuleViolation) {
    return clientError('CONFLICT', error.message, { reason: error.code });
  }
  if (error instanceof InvalidProtectionCaseData) {
    return clientError('BAD_USER_INPUT', error.message, {
      reason: error.code,
      fields: [{ field: error.field, messages: [error.message] }],
    });
  }
  if (error instanceof ProtectionCaseNotFound) {
    return clientError('NOT_FOUND', error.message, { reason: error.code });
  }
  return undefined;
}
