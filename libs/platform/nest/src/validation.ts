import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { clientError } from './errors';

function flatten(
  errors: ValidationError[],
  prefix = '',
): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates the arguments whose classes carry class-validator rules (GraphQL inputs and args
 * types), and nothing else: parents and contexts pass untouched.
 */
class RuleBoundValidationPipe extends ValidationPipe {
  // Whether a class has rules, by class: rules are declared when classes load, and this runs for
  // every argument of every resolver call (each entity of an `_entities` list).
  private readonly hasRules = new WeakMap<object, boolean>();

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const { metatype } = metadata;
    if (!super.toValidate(metadata) || !metatype) return false;
    let hasRules = this.hasRules.get(metatype);
    if (hasRules === undefined) {
      hasRules =
        getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).length > 0;
      this.hasRules.set(metatype, hasRules);
    }
    return hasRules;
  }
}

/**
 * The app-wide validation of GraphQL arguments. A failure is a BAD_USER_INPUT error naming the
 * fields, raised before any handler runs, so bad input changes nothing. Messages never quote the
 * value.
 */
export function validationPipe(): ValidationPipe {
  return new RuleBoundValidationPipe({
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return clientError(
        'BAD_USER_INPUT',
        `Invalid input: ${fields.map(({ messages }) => messages.join('; ')).join('; ')}.`,
        { fields },
      );
    },
  });
}
