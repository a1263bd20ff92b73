// What every protection case mutation returns.
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { allow, Policy } from '@haven/platform/security';

import { ProtectionCase } from './case.types';

/** A mutation's payload: whoever may make the mutation may read what it returns. */
const READ_PAYLOAD = allow('any');

@ObjectType({ description: 'What every case mutation returns.' })
@Policy(READ_PAYLOAD)
export class ProtectionCasePayload {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Int, { description: 'The version of the case stream after the mutation.' })
  streamVersion!: number;

  @Field(() => ProtectionCase, {
    nullable: true,
    description:
      'The case as queries now show it. Null only if the read model did not catch up within ' +
      '5 seconds; the change is recorded all the same.',
  })
  protectionCase!: ProtectionCase | null;
}
