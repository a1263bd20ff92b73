/**
 * What a broken rule means to a caller: the platform maps each kind to a GraphQL code once
 * (invalid → BAD_USER_INPUT, not_found → NOT_FOUND, conflict → CONFLICT, forbidden → FORBIDDEN).
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

/**
 * A rule of a domain was broken. `reason` is a stable code for callers to switch on
 * (`GRANT_NOT_APPROVED`); the message is for people, and never quotes a value it was given.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly reason: string,
    message: string,
    /** The input field at fault, for `invalid` errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The stable code, under the name earlier domain errors used. */
  get code(): string {
    return this.reason;
  }
}

/** A value the domain refuses; the message names the field, never the value. */
export class InvalidValue extends DomainError {
  constructor(
    field: string,
    /** What the value must be ("must be a UUID."), for a domain to report under its own reason. */
    readonly requirement: string,
    reason = 'INVALID_VALUE',
  ) {
    super('invalid', reason, `${field} ${requirement}`, field);
    this.name = 'InvalidValue';
  }
}

/** A domain's own kind of invalid value (INVALID_CASE_DATA, …), made like InvalidValue. */
export type InvalidData = new (field: string, requirement: string) => InvalidValue;

/**
 * Runs a decision with the kernel's `check.*`, reporting a value they refuse as the domain's own
 * `Invalid` error (same field, same words); the domain's own errors pass through as they are.
 */
export function refusingAs<T>(Invalid: InvalidData, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidValue && error.reason === 'INVALID_VALUE' && error.field) {
      throw new Invalid(error.field, error.requirement);
    }
    throw error;
  }
}

/**
 * A domain's own errors, declared once each: `const GrantNotApproved = domainError('conflict',
 * 'GRANT_NOT_APPROVED', 'A grant is disbursed only after it is approved.')`, thrown as
 * `throw new GrantNotApproved()`, and matched in a spec with `thenThrows(GrantNotApproved)`.
 */
export function domainError(kind: DomainErrorKind, reason: string, message: string) {
  return class extends DomainError {
    static readonly reason = reason;
    constructor(field?: string) {
      super(kind, reason, message, field);
      this.name = reason;
    }
  };
}
