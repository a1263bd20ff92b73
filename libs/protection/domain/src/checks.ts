// What protection adds to the kernel's value checkers: the shape of a sealed personal field.
import { InvalidValue } from '@haven/platform/domain';

// What a sealed field looks like (libs/platform/privacy): a version tag, then base64url.
const SEALED = /^pii:v\d+:[A-Za-z0-9_-]+$/;

/** A personal value sealed by the caller: clear text must never reach an event. */
export function sealed(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SEALED.test(value)) {
    throw new InvalidValue(field, 'must be sealed (encrypted).');
  }
  return value;
}
