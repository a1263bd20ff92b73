// Checks every decider of networks shares. Each returns the value to record, or throws the
// error its caller makes (always naming the field, never quoting the value).

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1F\x7F-\x9F]/;

/** The longest place name (a province, a district) and organisation name kept. */
export const MAX_PLACE_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;

type Fail = (field: string, reason: string) => Error;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 April), from 2000 on. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 2000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function oneOf<Value extends string>(
  values: readonly Value[],
  value: unknown,
  field: string,
  fail: Fail,
): Value {
  if (!(values as readonly unknown[]).includes(value)) {
    throw fail(field, `must be one of ${values.join(', ')}.`);
  }
  return value as Value;
}

/** One line of text, trimmed; null when absent or blank. */
export function optionalLine(
  value: unknown,
  field: string,
  max: number,
  fail: Fail,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || CONTROL.test(value)) {
    throw fail(field, 'must be one line of text.');
  }
  const trimmed = value.trim();
  if (trimmed.length > max) throw fail(field, `must be at most ${max} characters.`);
  return trimmed || null;
}

export function requiredLine(value: unknown, field: string, max: number, fail: Fail): string {
  const line = optionalLine(value, field, max, fail);
  if (line === null) throw fail(field, 'must not be blank.');
  return line;
}

export function count(
  value: unknown,
  field: string,
  { min, max }: { min: number; max: number },
  fail: Fail,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw fail(field, `must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** The command's time as a UTC instant: the domain never reads a clock. */
export function occurredAt(value: unknown, fail: Fail): string {
  if (!isInstant(value)) throw fail('occurredAt', 'must be an ISO 8601 instant.');
  return new Date(value).toISOString();
}

/**
 * Deep equality of JSON values, whatever the order of object keys (PostgreSQL's jsonb does not
 * keep it): how a retry is recognised.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
