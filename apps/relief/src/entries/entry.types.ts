// The GraphQL shapes of what is recorded in the field: inputs, the entry type and its list.
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  connectionType,
  CountryCodeEnum,
  CountryEnum,
  DayOfFactField,
  FormOfExploitationEnum,
  IsDay,
  IsId,
  MoneyInput,
  PageArgs,
  payloadType,
  SexEnum,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import {
  DISTRIBUTION_KINDS,
  FIELD_WORKER_KINDS,
  RISK_REASONS,
  type DistributionKind,
  type FieldWorkerKind,
  type RiskReason,
} from '@haven/relief/contracts';
import { ENTRY_TYPES, type EntryType } from '@haven/relief/read-models';
import { COUNTRIES, COUNTRY_CODES, FORMS_OF_EXPLOITATION, SEXES } from '@haven/vocabulary';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AGE_BAND_VALUES,
  AgeBandEnum,
  DistributionKindEnum,
  FieldWorkerKindEnum,
  RecipientKindEnum,
  ReliefEntryTypeEnum,
  RiskReasonEnum,
} from '../enums';
import { ReliefPolicy } from '../policies';

const place = (field: string) =>
  MaxLength(200, { message: `${field} must be at most 200 characters` });

@InputType({
  description:
    'Who did the work: you, as an agent of change (with your register id) or a volunteer; staff as staff.',
})
export class FieldWorkerInput {
  @Field(() => FieldWorkerKindEnum)
  @IsIn(FIELD_WORKER_KINDS, { message: 'kind must be a field worker kind' })
  kind!: FieldWorkerKind;

  @Field(() => ID, {
    nullable: true,
    description: 'For an agent of change: their id in networks’ register.',
  })
  @IsOptional()
  @IsId('agentOfChangeId')
  agentOfChangeId?: string | null;
}

@InputType({
  description: 'Exactly one: a registered beneficiary, or a relief recipient of this response.',
})
export class RecipientInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('beneficiaryId')
  beneficiaryId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('recipientId')
  recipientId?: string | null;
}

/** Fields every entry made in the field shares. */
@InputType({ isAbstract: true })
export class FieldEntryInput {
  @Field(() => ID, { nullable: true, description: 'Give your own UUID to make retries safe.' })
  @IsOptional()
  @IsId('id')
  id?: string | null;

  @Field(() => ID)
  @IsId('responseId')
  responseId!: string;

  @Field(() => FieldWorkerInput)
  @ValidateNested()
  @Type(() => FieldWorkerInput)
  fieldWorker!: FieldWorkerInput;
}

@InputType({
  description: 'A person or household relief records with minimal data: never a full registration.',
})
export class RecordReliefRecipientInput extends FieldEntryInput {
  @Field({
    description:
      'What the field knows them by (a nickname, the household head’s alias). Sealed with the ' +
      'recipient’s own key before it is stored; read back only through `reliefRecipientAlias`.',
  })
  @Matches(/\S/, { message: 'alias must not be blank' })
  @MaxLength(200, { message: 'alias must be at most 200 characters' })
  alias!: string;

  @Field(() => AgeBandEnum)
  @IsIn(AGE_BAND_VALUES, { message: 'ageBand must be an age band' })
  ageBand!: string;

  @Field(() => SexEnum)
  @IsIn(SEXES, { message: 'sex must be a sex' })
  sex!: string;

  @Field({ description: 'Village or district.' })
  @place('district')
  district!: string;

  @Field(() => Int)
  @IsInt({ message: 'householdSize must be a whole number' })
  @Min(1, { message: 'householdSize must be at least 1' })
  @Max(10_000, { message: 'householdSize must be at most 10000' })
  householdSize!: number;

  @Field()
  @IsBoolean({ message: 'singleMotherHead must be true or false' })
  singleMotherHead!: boolean;

  @Field(() => RiskReasonEnum)
  @IsIn(RISK_REASONS, { message: 'riskReason must be a risk reason' })
  riskReason!: RiskReason;

  @DayOfFactField()
  registeredOn!: string;
}

@InputType()
export class RecordDistributionInput extends FieldEntryInput {
  @Field(() => DistributionKindEnum)
  @IsIn(DISTRIBUTION_KINDS, { message: 'kind must be a distribution kind' })
  kind!: DistributionKind;

  @Field(() => RecipientInput)
  @ValidateNested()
  @Type(() => RecipientInput)
  recipient!: RecipientInput;

  @Field(() => MoneyInput, { nullable: true, description: 'For a micro-project grant only.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  grant?: MoneyInput | null;

  @Field(() => CountryEnum, { description: 'Where it was given: the response’s country.' })
  @IsIn(COUNTRIES, { message: 'country must be a country' })
  country!: string;

  @DayOfFactField()
  distributedOn!: string;
}

@InputType()
export class RecordPersonAtRiskInput extends FieldEntryInput {
  @Field(() => RiskReasonEnum)
  @IsIn(RISK_REASONS, { message: 'reason must be a risk reason' })
  reason!: RiskReason;

  @Field(() => SexEnum)
  @IsIn(SEXES, { message: 'sex must be a sex' })
  sex!: string;

  @Field(() => AgeBandEnum)
  @IsIn(AGE_BAND_VALUES, { message: 'ageBand must be an age band' })
  ageBand!: string;

  @Field({ description: 'Village or district.' })
  @place('district')
  district!: string;

  @DayOfFactField()
  foundOn!: string;
}

@InputType()
export class RecordMigratedFamiliesInput extends FieldEntryInput {
  @Field(() => Int)
  @IsInt({ message: 'families must be a whole number' })
  @Min(1, { message: 'families must be at least 1' })
  @Max(10_000, { message: 'families must be at most 10000' })
  families!: number;

  @Field(() => CountryCodeEnum, { description: 'Where they went.' })
  @IsIn(COUNTRY_CODES, { message: 'destination must be an ISO 3166-1 code' })
  destination!: string;

  @Field({ description: 'Village or district they left.' })
  @place('district')
  district!: string;

  @DayOfFactField()
  recordedOn!: string;
}

@InputType()
export class RecordPotentialVictimInput extends FieldEntryInput {
  @Field(() => FormOfExploitationEnum)
  @IsIn(FORMS_OF_EXPLOITATION, { message: 'formOfExploitation must be a form of exploitation' })
  formOfExploitation!: string;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description: 'Where she was to be taken (a marriage in China), when known.',
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'destination must be an ISO 3166-1 code' })
  destination?: string | null;

  @Field({ description: 'Village or district: never an address.' })
  @place('place')
  place!: string;

  @Field(() => SexEnum)
  @IsIn(SEXES, { message: 'sex must be a sex' })
  sex!: string;

  @Field(() => AgeBandEnum)
  @IsIn(AGE_BAND_VALUES, { message: 'ageBand must be an age band' })
  ageBand!: string;

  @DayOfFactField()
  detectedOn!: string;
}

@ObjectType({
  description:
    'One thing recorded in a response, with who recorded it and when. No alias, no name.',
})
@Policy(ReliefPolicy.readEntries)
export class ReliefEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  responseId!: string;

  @Field(() => ReliefEntryTypeEnum)
  entryType!: EntryType;

  @Field({
    description:
      'Distribution kind, risk reason, form of exploitation, project kind or follow-up status.',
  })
  kind!: string;

  @Field(() => RecipientKindEnum, { nullable: true })
  recipientKind!: string | null;

  @Field(() => ID, { nullable: true })
  recipientId!: string | null;

  @Field(() => ID, { nullable: true })
  beneficiaryId!: string | null;

  @Field(() => FieldWorkerKindEnum, { nullable: true })
  fieldWorkerKind!: string | null;

  @Field(() => String, { nullable: true })
  fieldWorkerId!: string | null;

  @Field(() => SexEnum, { nullable: true })
  sex!: string | null;

  @Field(() => AgeBandEnum, { nullable: true })
  ageBand!: string | null;

  @Field(() => String, { nullable: true, description: 'Village or district.' })
  place!: string | null;

  @Field(() => Int, { nullable: true, description: 'Household size, or families migrated.' })
  count!: number | null;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description: 'Where families went, or where a potential victim was to be taken.',
  })
  destination!: string | null;

  @Field(() => Int, { nullable: true, description: 'A grant, in minor units.' })
  amountMinor!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => ID, { nullable: true, description: 'The case notification a detection became.' })
  notificationId!: string | null;

  @Field({ description: 'YYYY-MM-DD: when it happened.' })
  occurredOn!: string;

  @Field()
  recordedAt!: Date;
}

export const ReliefEntryConnection = connectionType(
  'ReliefEntry',
  ReliefEntry,
  ReliefPolicy.readEntries,
);
export type ReliefEntryConnection = InstanceType<typeof ReliefEntryConnection>;
export const ReliefEntryPayload = payloadType('ReliefEntryPayload', ReliefEntry);
export type ReliefEntryPayload = InstanceType<typeof ReliefEntryPayload>;

@ArgsType()
export class ReliefEntriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('responseId')
  responseId?: string | null;

  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES, { message: 'country must be a country' })
  country?: string | null;

  @Field(() => ReliefEntryTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(ENTRY_TYPES, { message: 'entryType must be an entry type' })
  entryType?: EntryType | null;

  @Field(() => String, { nullable: true, description: 'A kind within the entry type.' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,40}$/, { message: 'kind must be an enum value' })
  kind?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'From this day (YYYY-MM-DD), by the fact’s date.',
  })
  @IsOptional()
  @IsDay('from')
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this day (YYYY-MM-DD), included.' })
  @IsOptional()
  @IsDay('to')
  to?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'fieldWorkerId must be at most 200 characters' })
  fieldWorkerId?: string | null;
}
