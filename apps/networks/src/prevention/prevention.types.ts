// The GraphQL shapes of prevention activities: trainings and campaigns, counted, never named.
import {
  ArgsType,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
} from '@nestjs/graphql';
import {
  COUNTRIES,
  MAX_INSTITUTIONS,
  MAX_PARTICIPANTS,
  MAX_REACH,
  PARTICIPANT_ROLES,
  PREVENTION_ACTIVITY_KINDS,
  PREVENTION_TOPICS,
  SEXES,
  type Country,
  type ParticipantRole,
  type PreventionActivityKind,
  type PreventionTopic,
  type Sex,
} from '@haven/networks/domain';
import { Policy } from '@haven/platform/security';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CountryEnum,
  ParticipantRoleEnum,
  PreventionActivityKindEnum,
  PreventionTopicEnum,
  SexEnum,
} from '../enums';
import { connectionType, PageArgs, type Connection } from '@haven/platform/nest';
import { NetworksPolicy } from '../policies';
import { dateRule, placeRules } from '../text-rules';

const READ = NetworksPolicy.readNetworks;
const INSTITUTIONS =
  'How many schools or other institutions took part, when counted: a number, never names.';

@ObjectType({ description: 'How many participants of one sex and one role took part.' })
@Policy(READ)
export class ParticipantCount {
  @Field(() => SexEnum)
  sex!: Sex;

  @Field(() => ParticipantRoleEnum)
  role!: ParticipantRole;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'A training, a campaign, a network meeting or a focus group: its participants counted by ' +
    'sex and role, or, for an online campaign, its reach.',
})
@Policy(READ)
export class PreventionActivity {
  @Field(() => ID)
  id!: string;

  @Field(() => PreventionActivityKindEnum)
  kind!: PreventionActivityKind;

  @Field(() => PreventionTopicEnum)
  topic!: PreventionTopic;

  @Field({ description: 'The day it took place, YYYY-MM-DD.' })
  date!: string;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => String, { nullable: true })
  district!: string | null;

  @Field()
  online!: boolean;

  @Field(() => [ParticipantCount], { nullable: true })
  participants!: ParticipantCount[] | null;

  @Field(() => Int, { nullable: true, description: 'The sum of the participants.' })
  participantCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many an online campaign reached.' })
  reach!: number | null;

  @Field(() => Int, { nullable: true, description: INSTITUTIONS })
  institutions!: number | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

export const PreventionActivityConnection = connectionType(
  'PreventionActivity',
  PreventionActivity,
  READ,
);
export type PreventionActivityConnection = Connection<PreventionActivity>;

@ArgsType()
export class PreventionActivitiesArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: Country | null;

  @Field(() => PreventionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(PREVENTION_TOPICS)
  topic?: PreventionTopic | null;

  @Field(() => PreventionActivityKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(PREVENTION_ACTIVITY_KINDS)
  kind?: PreventionActivityKind | null;

  @Field(() => String, { nullable: true, description: 'Took place on or after, YYYY-MM-DD.' })
  @IsOptional()
  @dateRule('from')
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Took place on or before, YYYY-MM-DD.' })
  @IsOptional()
  @dateRule('to')
  to?: string | null;
}

@InputType()
export class ParticipantCountInput {
  @Field(() => SexEnum)
  @IsIn(SEXES)
  sex!: Sex;

  @Field(() => ParticipantRoleEnum)
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_PARTICIPANTS)
  count!: number;
}

@InputType()
export class RecordPreventionActivityInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'A UUID chosen by the client, to make retries safe: the same recording sent again with ' +
      'the same id changes nothing.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string | null;

  @Field(() => PreventionActivityKindEnum)
  @IsIn(PREVENTION_ACTIVITY_KINDS)
  kind!: PreventionActivityKind;

  @Field(() => PreventionTopicEnum)
  @IsIn(PREVENTION_TOPICS)
  topic!: PreventionTopic;

  @Field({ description: 'The day it took place, YYYY-MM-DD.' })
  @dateRule('date')
  date!: string;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => String, { nullable: true })
  @placeRules('province')
  province?: string | null;

  @Field(() => String, { nullable: true })
  @placeRules('district')
  district?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  online!: boolean;

  @Field(() => [ParticipantCountInput], {
    nullable: true,
    description: 'Participants by sex and role; give these or the reach, not both.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SEXES.length * PARTICIPANT_ROLES.length)
  @ValidateNested({ each: true })
  @Type(() => ParticipantCountInput)
  participants?: ParticipantCountInput[] | null;

  @Field(() => Int, { nullable: true, description: 'For an online campaign: how many it reached.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REACH)
  reach?: number | null;

  @Field(() => Int, { nullable: true, description: INSTITUTIONS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INSTITUTIONS)
  institutions?: number | null;
}

@ObjectType()
@Policy(NetworksPolicy.payload)
export class RecordPreventionActivityPayload {
  @Field(() => ID)
  activityId!: string;

  @Field(() => Int, { description: 'The version of the activity stream after the mutation.' })
  streamVersion!: number;

  @Field(() => PreventionActivity, {
    nullable: true,
    description:
      'Null only if the read model did not catch up within 5 seconds; the activity is ' +
      'recorded all the same.',
  })
  preventionActivity!: PreventionActivity | null;
}
