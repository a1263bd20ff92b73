// Erasing an offender's sealed identity (crypto-shredding): the offender's key is destroyed in
// the transaction that appends OffenderIdentityErased and writes the erasure to the access log,
// so all three happen or none does. The offender's kind, statuses and verdict stay.
import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
} from '@nestjs/graphql';
import { legalCaseStreamId } from '@haven/legal/contracts';
import {
  LegalCaseNotFound,
  legalCaseDecider,
  MAX_OFFENDER_ERASURE_REASON_LENGTH,
  type EraseOffenderIdentity,
} from '@haven/legal/domain';
import {
  commandMetadata,
  CommandRunner,
  defineCommand,
  type GraphQLContext,
  IsId,
  IsShorterThan,
  PersonalData,
  principalOf,
} from '@haven/platform/nest';
import type { AccessLogEntry } from '@haven/platform/privacy';
import { allow, Policy } from '@haven/platform/security';
import { IsString, Matches } from 'class-validator';
import { LegalPolicy } from '../policies';

@InputType({
  description:
    'Erase an offender’s names, aliases and notes: the offender’s key is destroyed, so they can ' +
    'never be read again. The offender’s kind, statuses and verdict stay.',
})
export class EraseOffenderIdentityInput {
  @Field(() => ID)
  @IsId('caseId')
  caseId!: string;

  @Field(() => ID)
  @IsId('offenderId')
  offenderId!: string;

  @Field({
    description:
      `Why, for the record (one line, at most ${MAX_OFFENDER_ERASURE_REASON_LENGTH} characters): ` +
      'a court order, a request reference. Kept in clear for good: never put personal data in it.',
  })
  @IsString({ message: 'reason must be text' })
  @IsShorterThan('reason', MAX_OFFENDER_ERASURE_REASON_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

@ObjectType()
// Whoever may make the mutation may read what it returns (no personal data in it).
@Policy(allow('any'))
export class OffenderIdentityErasurePayload {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  offenderId!: string;

  @Field(() => Int, { description: 'The version of the case’s stream after the mutation.' })
  streamVersion!: number;

  @Field({ description: 'Always true: the identity can no longer be read (again is no change).' })
  erased!: boolean;
}

type ErasureInput = EraseOffenderIdentityInput & { accessLogEntry: AccessLogEntry };

export function eraseOffenderIdentity(privacy: PersonalData) {
  return defineCommand({
    decider: legalCaseDecider,
    streamId: (input: ErasureInput) => legalCaseStreamId(input.caseId),
    // Admins only (the policy), in every country: the case must only exist.
    authorise: (state) => {
      if (state.status === 'NONE') throw new LegalCaseNotFound();
    },
    command: (input, _state, { metadata }): EraseOffenderIdentity => ({
      type: 'EraseOffenderIdentity',
      metadata,
      data: { caseId: input.caseId, offenderId: input.offenderId, reason: input.reason },
    }),
    async alongside(client, events, input) {
      if (!events.some((event) => event.type === 'OffenderIdentityErased')) return;
      await privacy.keys.destroy(input.offenderId, client);
      await privacy.accessLog.record([input.accessLogEntry], client);
    },
  });
}

@Resolver()
export class OffenderErasureResolver {
  private readonly erase: ReturnType<typeof eraseOffenderIdentity>;

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(PersonalData) private readonly privacy: PersonalData,
  ) {
    this.erase = eraseOffenderIdentity(privacy);
  }

  @Policy(LegalPolicy.eraseOffenderIdentity)
  @Mutation(() => OffenderIdentityErasurePayload, {
    description:
      'Erase an offender’s sealed identity for good (admins). Written to the access log; ' +
      'reading the identity then answers that it was erased. Again is no change.',
  })
  async eraseOffenderIdentity(
    @Args('input') input: EraseOffenderIdentityInput,
    @Context() context: GraphQLContext,
  ): Promise<OffenderIdentityErasurePayload> {
    const principal = principalOf(context);
    const caseId = input.caseId.toLowerCase();
    const offenderId = input.offenderId.toLowerCase();
    const result = await this.runner.run(
      this.erase,
      {
        caseId,
        offenderId,
        reason: input.reason,
        accessLogEntry: {
          actorId: principal.subject,
          role: principal.role,
          organisationId: principal.organisationId,
          recordType: 'Offender',
          recordId: offenderId,
          fields: ['names', 'aliases', 'notes'],
          purpose: 'erasure',
          breakGlass: false,
          requestId: context.req.id === undefined ? null : String(context.req.id),
        },
      },
      { principal, metadata: commandMetadata(context) },
    );
    // A read in flight may have cached the key while the transaction ran.
    this.privacy.keys.evict(offenderId);
    return { caseId, offenderId, streamVersion: result.streamVersion, erased: true };
  }
}
