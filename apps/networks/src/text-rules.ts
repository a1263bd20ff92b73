// Rules for the text and dates clients send (class-validator), before the domain checks them.
import { MAX_PLACE_LENGTH } from '@haven/networks/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** One line: no control characters at all. */
// eslint-disable-next-line no-control-regex
export const SINGLE_LINE = /^[^\x00-\x1F\x7F-\x9F]*$/;
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An optional place name: one line of at most 100 characters. */
export function placeRules(field: string): PropertyDecorator {
  const rules = [
    IsOptional(),
    IsString({ message: `${field} must be text` }),
    MaxLength(MAX_PLACE_LENGTH, {
      message: `${field} must be at most ${MAX_PLACE_LENGTH} characters`,
    }),
    Matches(SINGLE_LINE, { message: `${field} must be one line` }),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key));
}

export function dateRule(field: string): PropertyDecorator {
  return Matches(CALENDAR_DATE, { message: `${field} must be a date written YYYY-MM-DD` });
}
