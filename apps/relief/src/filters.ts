import { check } from '@haven/platform/domain';

/**
 * A query's date range, each day checked to exist (the input layer checks only its shape): an
 * impossible day is a BAD_USER_INPUT naming the field, never a database error.
 */
export function dayRange<Range extends { from?: string | null; to?: string | null }>(
  range: Range,
): Range {
  if (range.from) check.calendarDate(range.from, 'from');
  if (range.to) check.calendarDate(range.to, 'to');
  return range;
}
