// What every service's GraphQL inputs share: money, and the checks of ids, days and lines at the
// edge (messages name the field, never the value). The domain checks the rules again with the
// kernel's check.*, so these only keep malformed requests from reaching a command.
import { Directive, Field, Float, InputType, ObjectType, type FieldOptions } from '@nestjs/graphql';
import { allow, Policy } from '@haven/platform/security';
import { CURRENCIES } from '@haven/vocabulary';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { CurrencyEnum } from './vocabulary.graphql';

/** A UUID, any version (the kernel lower-cases it). */
export const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

/**
 * A calendar day, YYYY-MM-DD (the domain checks it exists and is not in the future); with
 * `{ each: true }`, every day of a list.
 */
export const IsDay = (field: string, options: Pick<ValidationOptions, 'each'> = {}) =>
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date (YYYY-MM-DD)`, ...options });

/** At most `max` characters (the domain checks it is one line, with no control characters). */
export const IsShorterThan = (field: string, max: number) =>
  MaxLength(max, { message: `${field} must be at most ${max} characters` });

const MONEY = 'Whole minor units (satang, kip, cents) of a currency: 77,000 THB is 7700000.';

@ObjectType({ description: 'An amount of money. ' + MONEY })
@Directive('@shareable')
// Whoever may read the field that holds an amount may read the amount.
@Policy(allow('any'))
export class Money {
  @Field(() => Float, { description: 'Whole minor units (a Float: kip amounts pass 2^31).' })
  amountMinor!: number;

  @Field(() => CurrencyEnum)
  currency!: string;
}

@InputType({ description: 'An amount of money above 0. ' + MONEY })
export class MoneyInput {
  @Field(() => Float)
  @IsInt({ message: 'amountMinor must be a whole number of minor units' })
  @Min(1, { message: 'amountMinor must be above 0' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'amountMinor is too large' })
  amountMinor!: number;

  @Field(() => CurrencyEnum)
  @IsIn(CURRENCIES, { message: 'currency must be an ISO 4217 code Haven knows' })
  currency!: string;
}

/**
 * A required input field holding the day a fact happened, YYYY-MM-DD, described as such in the
 * schema; its error message names the property.
 */
export const DayOfFactField = (): PropertyDecorator => (target, property) => {
  Field({ description: 'YYYY-MM-DD: the day it happened (not the day it is recorded).' })(
    target,
    property,
  );
  IsDay(String(property))(target, property);
};

/** An input field holding an amount of money, validated as a nested `MoneyInput`. */
export const MoneyField =
  (options: FieldOptions = {}): PropertyDecorator =>
  (target, property) => {
    Field(() => MoneyInput, options)(target, property);
    ValidateNested()(target, property);
    Type(() => MoneyInput)(target, property);
  };
