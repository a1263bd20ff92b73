import type { JsonValue } from '@haven/platform/event-store';
import type { PseudonymKind, Pseudonymiser } from './pseudonyms';

/** A JSON Schema fragment (draft-07). */
export type JsonSchema = { [keyword: string]: JsonValue };

/**
 * One published field: where it comes from in the event's data, how it is made safe, and its
 * schema. A topic lists these per event type (an allow-list): a field not listed never leaves.
 */
export interface Field {
  /** The field of the event's data, or a dotted path into it (`amount.amountMinor`). */
  readonly from: string;
  readonly schema: JsonSchema;
  map(value: unknown, pseudonyms: Pseudonymiser): JsonValue;
}

/** The publishing failed for a reason that names no value (the value may be personal). */
export class FieldError extends Error {
  override name = 'FieldError';
}

function nullable(field: Field): Field {
  return {
    from: field.from,
    schema: { oneOf: [field.schema, { type: 'null' }] },
    map: (value, pseudonyms) =>
      value === null || value === undefined ? null : field.map(value, pseudonyms),
  };
}

/** An id replaced by its keyed pseudonym. */
export function pseudonymOf(kind: PseudonymKind, from: string): Field {
  return {
    from,
    schema: {
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{22}$',
      description: `pseudonym of a ${kind}`,
    },
    map: (value, pseudonyms) => {
      if (typeof value !== 'string' || !value) throw new FieldError(`${from} is not an id`);
      return pseudonyms.pseudonym(kind, value);
    },
  };
}

export const nullablePseudonymOf = (kind: PseudonymKind, from: string) =>
  nullable(pseudonymOf(kind, from));

/** A value of a closed list (a contract's vocabulary), copied as it is. */
export function oneOf(from: string, values: readonly string[]): Field {
  return {
    from,
    schema: { type: 'string', enum: [...values] },
    map: (value) => value as JsonValue,
  };
}

export const nullableOneOf = (from: string, values: readonly string[]) =>
  nullable(oneOf(from, values));

/** A list of values of a closed list (a plan's goals), copied as it is. */
export function listOf(from: string, values: readonly string[]): Field {
  return {
    from,
    schema: { type: 'array', items: { type: 'string', enum: [...values] } },
    map: (value) => {
      if (!Array.isArray(value)) throw new FieldError(`${from} is not a list`);
      return value as JsonValue;
    },
  };
}

export function integer(from: string): Field {
  return { from, schema: { type: 'integer', minimum: 0 }, map: (value) => value as JsonValue };
}

export const nullableInteger = (from: string) => nullable(integer(from));

export function flag(from: string): Field {
  return { from, schema: { type: 'boolean' }, map: (value) => value as JsonValue };
}

export const nullableFlag = (from: string) => nullable(flag(from));

/** How many items a list holds (the items themselves stay out). */
export function countOf(from: string): Field {
  return {
    from,
    schema: { type: 'integer', minimum: 0 },
    map: (value) => {
      if (!Array.isArray(value)) throw new FieldError(`${from} is not a list`);
      return value.length;
    },
  };
}

export type DatePrecision = 'day' | 'month' | 'year';
const DATE_LENGTH: Record<DatePrecision, number> = { day: 10, month: 7, year: 4 };
const DATE_PATTERN: Record<DatePrecision, string> = {
  day: '^\\d{4}-\\d{2}-\\d{2}$',
  month: '^\\d{4}-\\d{2}$',
  year: '^\\d{4}$',
};

/**
 * A date or instant cut to the declared precision (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, UTC): an
 * exact time can single a person out, a day among many cannot.
 */
export function dateOf(from: string, precision: DatePrecision): Field {
  return {
    from,
    schema: {
      type: 'string',
      pattern: DATE_PATTERN[precision],
      description: `a date, to the ${precision}`,
    },
    map: (value) => {
      if (typeof value !== 'string') throw new FieldError(`${from} is not a date`);
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(value).toISOString();
      return day.slice(0, DATE_LENGTH[precision]);
    },
  };
}

export const nullableDateOf = (from: string, precision: DatePrecision) =>
  nullable(dateOf(from, precision));
