// What protection adds to the kernel's value checkers: its own reason codes for a refused value
// (INVALID_CASE_DATA, INVALID_BENEFICIARY_DATA, …) where the kernel says INVALID_VALUE, and the
// shape of a sealed personal field.
import { InvalidValue } from '@haven/platform/domain';

type InvalidData = new (field: string, requirement: string) => InvalidValue;

/**
 * Runs a decision with the kernel's `check.*`, reporting a value they refuse as this decider's
 * `Invalid` error (same field, same words); the domain's own errors pass through as they are.
 */
export function refusingAs<T>(Invalid: InvalidData, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidValue && error.reason === 'INVALID_VALUE' && error.field) {
      throw new Invalid(error.field, error.message.slice(error.field.length + 1));
    }
    throw error;
  }
}

// What a sealed field looks like (libs/platform/privacy): a version tag, then base64url.
const SEALED = /^pii:v\d+:[A-Za-z0-9_-]+$/;

/** A personal value sealed by the caller: clear text must never reach an event. */
export function sealed(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SEALED.test(value)) {
    throw new InvalidValue(field, 'must be sealed (encrypted).');
  }
  return value;
}
