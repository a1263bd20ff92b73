import { domainError, InvalidValue } from '@haven/platform/domain';
import { domainErrorToClientError } from './domain-error.filter';

describe('domain errors as clients see them', () => {
  it('maps each kind to its GraphQL code, with the reason and the field at fault', () => {
    const invalid = domainErrorToClientError(
      new InvalidValue('amount.currency', 'must be one of THB.'),
    );
    expect(invalid.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VALUE',
      fields: [{ field: 'amount.currency', messages: ['amount.currency must be one of THB.'] }],
    });

    const NotFound = domainError('not_found', 'ENROLMENT_NOT_FOUND', 'No such enrolment.');
    const Conflict = domainError('conflict', 'GRANT_NOT_APPROVED', 'Approve the grant first.');
    const Forbidden = domainError('forbidden', 'SAME_ADMIN', 'Another admin must confirm.');
    expect(domainErrorToClientError(new NotFound()).extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'ENROLMENT_NOT_FOUND',
    });
    expect(domainErrorToClientError(new Conflict()).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'GRANT_NOT_APPROVED',
    });
    const forbidden = domainErrorToClientError(new Forbidden());
    expect(forbidden.extensions).toEqual({ code: 'FORBIDDEN', reason: 'SAME_ADMIN' });
    expect(forbidden.message).toBe('Another admin must confirm.');
  });
});
