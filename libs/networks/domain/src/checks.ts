// What networks adds to the kernel's value checkers: its length limits, and its own reason codes
// for a refused value (INVALID_CASE_NOTIFICATION_DATA, …) where the kernel says INVALID_VALUE.
import { InvalidValue } from '@haven/platform/domain';

/** The longest place name (a province, a district) and organisation name kept. */
export const MAX_PLACE_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;

type InvalidData = new (field: string, requirement: string) => InvalidValue;

/**
 * Runs a decision with the kernel's `check.*`, reporting a value they refuse as this domain's
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
