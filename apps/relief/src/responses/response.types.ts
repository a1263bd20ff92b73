// The GraphQL shapes of relief responses and their figures: neither rows nor domain state.
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  connectionType,
  CountryEnum,
  DayOfFactField,
  IsDay,
  IsId,
  PageArgs,
  payloadType,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { DISTRIBUTION_KINDS, type DistributionKind } from '@haven/relief/contracts';
import { COUNTRIES } from '@haven/vocabulary';
import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { DistributionKindEnum, RecipientKindEnum } from '../enums';
import { ReliefPolicy } from '../policies';

@ObjectType({ description: 'A relief response: a crisis, in one country, between dates, funded.' })
@Policy(ReliefPolicy.read)
export class ReliefResponse {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => CountryEnum)
  country!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it goes on.' })
  endsOn!: string | null;

  @Field(() => String, { nullable: true })
  funder!: string | null;
}

export const ReliefResponseConnection = connectionType(
  'ReliefResponse',
  ReliefResponse,
  ReliefPolicy.read,
);
export type ReliefResponseConnection = InstanceType<typeof ReliefResponseConnection>;
export const ReliefResponsePayload = payloadType('ReliefResponsePayload', ReliefResponse);
export type ReliefResponsePayload = InstanceType<typeof ReliefResponsePayload>;

@InputType()
export class OpenReliefResponseInput {
  @Field(() => ID, { nullable: true, description: 'Give your own UUID to make retries safe.' })
  @IsOptional()
  @IsId('id')
  id?: string | null;

  @Field()
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES.filter((country) => country !== 'OTHER'), {
    message: 'country must be a country of operation',
  })
  country!: string;

  @DayOfFactField()
  startsOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsDay('endsOn')
  endsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'funder must be at most 200 characters' })
  funder?: string | null;
}

@ArgsType()
export class ReliefResponsesArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES, { message: 'country must be a country' })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Responses still running on or after this day (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsDay('from')
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Responses started on or before this day (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsDay('to')
  to?: string | null;
}

/** A date range: from and to, both optional, both included (YYYY-MM-DD). */
@ArgsType()
export class DateRangeArgs {
  @Field(() => String, { nullable: true, description: 'From this day (YYYY-MM-DD).' })
  @IsOptional()
  @IsDay('from')
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this day (YYYY-MM-DD), included.' })
  @IsOptional()
  @IsDay('to')
  to?: string | null;
}

@ArgsType()
export class ReliefResponseFiguresArgs extends DateRangeArgs {
  @Field(() => ID)
  @IsId('id')
  id!: string;

  @Field(() => DistributionKindEnum, {
    nullable: true,
    description: 'Count only distributions of this kind (other entries are counted as they are).',
  })
  @IsOptional()
  @IsIn(DISTRIBUTION_KINDS, { message: 'distributionKind must be a distribution kind' })
  distributionKind?: DistributionKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Count only what this field worker did (a user id or an agent of change’s id).',
  })
  @IsOptional()
  @MaxLength(200, { message: 'fieldWorkerId must be at most 200 characters' })
  fieldWorkerId?: string | null;
}

/** What the figures count: entries of the response, on facts' dates and by whom. */
export type FiguresFilter = Omit<ReliefResponseFiguresArgs, 'id'>;

@ObjectType()
@Policy(ReliefPolicy.read)
export class CountByKind {
  @Field()
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
@Policy(ReliefPolicy.read)
export class RecipientCount {
  @Field(() => RecipientKindEnum)
  kind!: string;

  @Field(() => Int, { description: 'Distinct recipients of this kind who received something.' })
  count!: number;
}

@ObjectType({ description: 'What a relief response did, counted from its entries.' })
@Policy(ReliefPolicy.read)
export class ReliefResponseFigures {
  @Field(() => ID)
  responseId!: string;

  @Field(() => Int)
  distributions!: number;

  @Field(() => [CountByKind], { description: 'Distributions by kind.' })
  distributionsByKind!: CountByKind[];

  @Field(() => [RecipientCount])
  recipientsByKind!: RecipientCount[];

  @Field(() => Int)
  peopleAtRisk!: number;

  @Field(() => Int, { description: 'Families that migrated for work (the sum of the counts).' })
  migratedFamilies!: number;

  @Field(() => Int)
  detections!: number;

  @Field(() => Int, { description: 'Detections turned into case notifications.' })
  notificationsRaised!: number;

  @Field(() => Int, { description: 'Distinct agents of change who did field work.' })
  agentsOfChange!: number;

  @Field(() => Int, { description: 'Distinct volunteers who did field work.' })
  volunteers!: number;
}
