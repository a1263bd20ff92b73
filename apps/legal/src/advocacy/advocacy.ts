// Advocacy actions (petitions, task forces, statements): about laws and practices, never persons.
import { Inject } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import {
  ADVOCACY_KINDS,
  ADVOCACY_OUTCOMES,
  advocacyActionStreamId,
  type AdvocacyKind,
  type AdvocacyOutcome,
} from '@haven/legal/contracts';
import { AdvocacyActionNotFound, advocacyDecider } from '@haven/legal/domain';
import { AdvocacyActionRow } from '@haven/legal/read-models';
import { check } from '@haven/platform/domain';
import {
  afterWrite,
  commandMetadata,
  CommandRunner,
  connectionType,
  CountryEnum,
  defineCommand,
  IsDay,
  IsId,
  IsShorterThan,
  keysetPage,
  PageArgs,
  pageAfter,
  payloadType,
  principalOf,
  ServiceDatabase,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import {
  countriesInScope,
  forbidden,
  inScope,
  Policy,
  type Principal,
} from '@haven/platform/security';
import { COUNTRIES } from '@haven/vocabulary';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { v7 as uuidv7 } from 'uuid';
import { AdvocacyKindEnum, AdvocacyOutcomeEnum } from '../enums';
import { LegalPolicy } from '../policies';

const SUBJECT_MAX = 300;
const CURSOR = 'advocacy';

@ObjectType({ description: 'A petition, task force or statement: with partners, and its outcome.' })
@Policy(LegalPolicy.readCases)
export class AdvocacyAction {
  @Field(() => ID)
  id!: string;

  @Field(() => AdvocacyKindEnum)
  kind!: AdvocacyKind;

  @Field(() => CountryEnum)
  country!: string;

  @Field({ description: 'What it is about (a law, a practice): never a person.' })
  subject!: string;

  @Field(() => [ID])
  partnerOrganisationIds!: string[];

  @Field(() => AdvocacyOutcomeEnum)
  outcome!: AdvocacyOutcome;

  @Field()
  on!: string;
}
export const AdvocacyActionConnection = connectionType(
  'AdvocacyAction',
  AdvocacyAction,
  LegalPolicy.readCases,
);
export const AdvocacyActionPayload = payloadType('AdvocacyActionPayload', AdvocacyAction);

@InputType()
export class RecordAdvocacyActionInput {
  @Field(() => AdvocacyKindEnum)
  @IsIn(ADVOCACY_KINDS)
  kind!: AdvocacyKind;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: string;

  @Field({ description: 'What it is about (a law, a practice): never name a person.' })
  @IsString()
  @IsShorterThan('subject', SUBJECT_MAX)
  subject!: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'partnerOrganisationIds must be UUIDs' })
  partnerOrganisationIds!: string[];

  @Field(() => AdvocacyOutcomeEnum, { defaultValue: 'PENDING' })
  @IsIn(ADVOCACY_OUTCOMES)
  outcome!: AdvocacyOutcome;

  @Field()
  @IsDay('on')
  on!: string;
}

@InputType()
export class RecordAdvocacyOutcomeInput {
  @Field(() => ID)
  @IsId('actionId')
  actionId!: string;

  @Field(() => AdvocacyOutcomeEnum)
  @IsIn(ADVOCACY_OUTCOMES)
  outcome!: AdvocacyOutcome;

  @Field()
  @IsDay('on')
  on!: string;
}

@ArgsType()
export class AdvocacyActionsArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string | null;
}

function mayWork(principal: Principal, country: string): void {
  if (!inScope(principal, { country })) {
    throw forbidden('This advocacy action is outside your countries.', 'OUT_OF_SCOPE');
  }
}

const recordAction = defineCommand({
  decider: advocacyDecider,
  streamId: (input: RecordAdvocacyActionInput & { actionId: string }) =>
    advocacyActionStreamId(input.actionId),
  authorise: (_state, principal, input) => mayWork(principal, input.country),
  command: (input, _state, { metadata }) => ({
    type: 'RecordAdvocacyAction' as const,
    metadata,
    data: {
      actionId: input.actionId,
      kind: input.kind,
      country: input.country,
      subject: check.line(input.subject, 'subject', SUBJECT_MAX),
      partnerOrganisationIds: input.partnerOrganisationIds.map((id) => id.toLowerCase()),
      outcome: input.outcome,
      on: check.dateOfFact(input.on, 'on', metadata.occurredAt),
    },
  }),
});

const recordOutcome = defineCommand({
  decider: advocacyDecider,
  streamId: (input: RecordAdvocacyOutcomeInput) => advocacyActionStreamId(input.actionId),
  authorise: (state, principal) => {
    if (state.status === 'NONE') throw new AdvocacyActionNotFound();
    mayWork(principal, state.country);
  },
  command: (input, _state, { metadata }) => ({
    type: 'RecordAdvocacyOutcome' as const,
    metadata,
    data: {
      actionId: input.actionId,
      outcome: input.outcome,
      on: check.dateOfFact(input.on, 'on', metadata.occurredAt),
    },
  }),
});

function toAdvocacyAction(row: AdvocacyActionRow): AdvocacyAction {
  const { id, kind, country, subject, partnerOrganisationIds, outcome, on } = row;
  return { id, kind, country, subject, partnerOrganisationIds, outcome, on };
}

@Resolver(() => AdvocacyAction)
export class AdvocacyResolver {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  private async answer(
    actionId: string,
    run: Promise<{ position: number; streamVersion: number }>,
  ) {
    const result = await run;
    const node = await afterWrite(this.database, result.position, async () => {
      const row = await this.database.dataSource
        .getRepository(AdvocacyActionRow)
        .findOneBy({ id: actionId });
      return row && toAdvocacyAction(row);
    });
    return { id: actionId, streamVersion: result.streamVersion, node };
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => AdvocacyActionPayload, {
    description: 'Record a petition, task force or statement.',
  })
  recordAdvocacyAction(
    @Args('input') input: RecordAdvocacyActionInput,
    @Context() context: GraphQLContext,
  ) {
    const actionId = uuidv7();
    return this.answer(
      actionId,
      this.runner.run(
        recordAction,
        { ...input, actionId },
        {
          principal: principalOf(context),
          metadata: commandMetadata(context),
        },
      ),
    );
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => AdvocacyActionPayload)
  recordAdvocacyOutcome(
    @Args('input') raw: RecordAdvocacyOutcomeInput,
    @Context() context: GraphQLContext,
  ) {
    const input = { ...raw, actionId: raw.actionId.toLowerCase() };
    return this.answer(
      input.actionId,
      this.runner.run(recordOutcome, input, {
        principal: principalOf(context),
        metadata: commandMetadata(context),
      }),
    );
  }

  @Policy(LegalPolicy.readCases)
  @Query(() => AdvocacyActionConnection, { description: 'Advocacy actions of your countries.' })
  async advocacyActions(@Args() args: AdvocacyActionsArgs, @Context() context: GraphQLContext) {
    const query = this.database.dataSource
      .getRepository(AdvocacyActionRow)
      .createQueryBuilder('row');
    const countries = countriesInScope(principalOf(context));
    if (countries !== 'all')
      query.andWhere('row.country = ANY(:countries)', { countries: [...countries] });
    if (args.country) query.andWhere('row.country = :country', { country: args.country });
    const page = await keysetPage(query, {
      position: 'position',
      first: args.first,
      after: pageAfter(CURSOR, args.after),
    });
    return toConnection(CURSOR, page, (row) => row.position, toAdvocacyAction);
  }
}
