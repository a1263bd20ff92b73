// The one set of value checkers every domain uses. Each returns the value to record (trimmed,
// lower-cased, normalised) or throws InvalidValue naming the field, never quoting the value.
import { InvalidValue } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// C0 and C1 controls; text fields allow tab and line breaks on top of a line's characters.
// eslint-disable-next-line no-control-regex
const LINE_CONTROLS = /[\x00-\x1F\x7F-\x9F]/;
// eslint-disable-next-line no-control-regex
const TEXT_CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
// Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a name shown to staff
// read as something else; a lone surrogate is not text at all.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The earliest date a fact may carry: the alliance's records start after it. */
export const EARLIEST_FACT_DATE = '1990-01-01';
/** How far ahead of the command's own time a fact's date may be (clocks differ). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An id: a UUID, lower-cased (the one place ids are normalised). */
export function uuid(value: unknown, field: string): string {
  if (!isUuid(value)) throw new InvalidValue(field, 'must be a UUID.');
  return value.toLowerCase();
}

export function optionalUuid(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : uuid(value, field);
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** An ISO 8601 instant, as UTC (`…Z`). */
export function instant(value: unknown, field: string): string {
  if (!isInstant(value)) throw new InvalidValue(field, 'must be an ISO 8601 date and time.');
  return new Date(value).toISOString();
}

/** A calendar date `YYYY-MM-DD` that exists (no 31 April), from EARLIEST_FACT_DATE on. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    value >= EARLIEST_FACT_DATE &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function calendarDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) {
    throw new InvalidValue(field, `must be a date (YYYY-MM-DD) from ${EARLIEST_FACT_DATE} on.`);
  }
  return value;
}

/**
 * The date a fact occurred: a calendar date no later than the command's own time (`now`, from
 * its metadata, with CLOCK_SKEW_MS of tolerance) and no earlier than EARLIEST_FACT_DATE.
 */
export function dateOfFact(value: unknown, field: string, now: string): string {
  const date = calendarDate(value, field);
  const latest = new Date(Date.parse(now) + CLOCK_SKEW_MS).toISOString().slice(0, 10);
  if (date > latest) throw new InvalidValue(field, 'must not be in the future.');
  return date;
}

/** The instant a fact occurred, with the same bounds as dateOfFact. */
export function instantOfFact(value: unknown, field: string, now: string): string {
  const at = instant(value, field);
  if (at.slice(0, 10) < EARLIEST_FACT_DATE) {
    throw new InvalidValue(field, `must be from ${EARLIEST_FACT_DATE} on.`);
  }
  if (Date.parse(at) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw new InvalidValue(field, 'must not be in the future.');
  }
  return at;
}

export function oneOf<Value extends string>(
  values: readonly Value[],
  value: unknown,
  field: string,
): Value {
  if (!(values as readonly unknown[]).includes(value)) {
    throw new InvalidValue(field, `must be one of ${values.join(', ')}.`);
  }
  return value as Value;
}

/** One of `values`, or null when not given. */
export function optionalOneOf<Value extends string>(
  values: readonly Value[],
  value: unknown,
  field: string,
): Value | null {
  return value === undefined || value === null ? null : oneOf(values, value, field);
}

function checkText(value: string, field: string, controls: RegExp, what: string): void {
  if (controls.test(value) || BIDI_CONTROLS.test(value) || LONE_SURROGATE.test(value)) {
    throw new InvalidValue(field, `must be ${what}, without control or direction characters.`);
  }
}

/** One line of text (a name, a place), trimmed, at most `max` characters; null when blank. */
export function optionalLine(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidValue(field, 'must be one line of text.');
  checkText(value, field, LINE_CONTROLS, 'one line of text');
  const trimmed = value.normalize('NFC').trim();
  if (trimmed.length > max) throw new InvalidValue(field, `must be at most ${max} characters.`);
  return trimmed || null;
}

export function line(value: unknown, field: string, max: number): string {
  const checked = optionalLine(value, field, max);
  if (checked === null) throw new InvalidValue(field, 'must not be blank.');
  return checked;
}

/** Free text (notes): line breaks and tabs allowed, at most `max` characters; null when blank. */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidValue(field, 'must be text.');
  checkText(value, field, TEXT_CONTROLS, 'text');
  const trimmed = value.normalize('NFC').trim();
  if (trimmed.length > max) throw new InvalidValue(field, `must be at most ${max} characters.`);
  return trimmed || null;
}

export function wholeNumber(
  value: unknown,
  field: string,
  { min, max }: { min: number; max: number },
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidValue(field, `must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** An amount of money: whole minor units (satang, kip, cents), above zero, in a known currency. */
export type Money = { amountMinor: number; currency: string };

export function money(value: unknown, field: string, currencies: readonly string[]): Money {
  const candidate = value as Partial<Money> | null | undefined;
  if (typeof candidate !== 'object' || candidate === null) {
    throw new InvalidValue(field, 'must be an amount with a currency.');
  }
  const amountMinor = candidate.amountMinor;
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new InvalidValue(
      `${field}.amountMinor`,
      'must be a whole number of minor units above 0.',
    );
  }
  const currency = oneOf(currencies, candidate.currency, `${field}.currency`);
  return { amountMinor, currency };
}

/** Dates in order: `later` may not come before `earlier` (or must come after, when strict). */
export function inOrder(
  earlier: string,
  later: string,
  field: string,
  { strict = false }: { strict?: boolean } = {},
): void {
  if (later < earlier || (strict && later === earlier)) {
    throw new InvalidValue(
      field,
      strict ? 'must come after the date before it.' : 'must not come before the date before it.',
    );
  }
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
