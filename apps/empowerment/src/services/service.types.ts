// The GraphQL shapes of what a person received: services, follow-ups, grants, training.
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type {
  FollowUpChannel,
  GrantPurpose,
  RehabilitationActivity,
  ServiceKind,
  ServiceMode,
  ServiceOutcome,
} from '@haven/empowerment/contracts';
import {
  connectionType,
  CountryEnum,
  DayOfFactField,
  IsDay,
  IsId,
  IsShorterThan,
  Money,
  MoneyField,
  MoneyInput,
  PageArgs,
  payloadType,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import type { Country } from '@haven/vocabulary';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  FollowUpChannelEnum,
  GrantPurposeEnum,
  RecordKindEnum,
  RehabilitationActivityEnum,
  ServiceKindEnum,
  ServiceModeEnum,
  ServiceOutcomeEnum,
} from '../enums';
import {
  MAX_INSTITUTION_LENGTH,
  MAX_OCCUPATION_LENGTH,
  MAX_PLACE_LENGTH,
} from '@haven/empowerment/domain';
import { EmpowermentPolicy } from '../policies';

const READ = EmpowermentPolicy.read;

@ObjectType({ description: 'From one day to another, both included (YYYY-MM-DD).' })
@Policy(READ)
export class Period {
  @Field()
  from!: string;

  @Field()
  to!: string;
}

@InputType({ description: 'From one day to another, both included: `to` not before `from`.' })
export class PeriodInput {
  @Field()
  @IsDay('period.from')
  from!: string;

  @Field()
  @IsDay('period.to')
  to!: string;
}

@ObjectType({
  description:
    'Something a person received on an enrolment, on the date it was given, by a staff member.',
})
@Policy(READ)
export class EmpowermentRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  enrolmentId!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => RecordKindEnum)
  kind!: string;

  @Field(() => ServiceModeEnum, { nullable: true })
  mode!: ServiceMode | null;

  @Field(() => RehabilitationActivityEnum, { nullable: true })
  activity!: RehabilitationActivity | null;

  @Field(() => ServiceOutcomeEnum, { nullable: true })
  outcome!: ServiceOutcome | null;

  @Field(() => ID, { nullable: true, description: 'JOB_PLACEMENT: the employer (networks).' })
  partnerOrganisationId!: string | null;

  @Field(() => String, { nullable: true, description: 'JOB_PLACEMENT: the job.' })
  occupation!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'TUITION_FEES, LIVING_ALLOWANCE, VOCATIONAL_TRAINING: the school, college or training centre.',
  })
  institution!: string | null;

  @Field(() => Period, {
    nullable: true,
    description:
      'TUITION_FEES, LIVING_ALLOWANCE, SAFE_ACCOMMODATION, VOCATIONAL_TRAINING: the period covered.',
  })
  period!: Period | null;

  @Field(() => Money, {
    nullable: true,
    description: 'TUITION_FEES, LIVING_ALLOWANCE: the amount paid for the period.',
  })
  amount!: Money | null;

  @Field(() => FollowUpChannelEnum, { nullable: true })
  channel!: FollowUpChannel | null;

  @Field(() => Boolean, { nullable: true })
  reached!: boolean | null;

  @Field(() => String, { nullable: true })
  nextFollowUpOn!: string | null;

  @Field(() => GrantPurposeEnum, { nullable: true })
  grantPurpose!: GrantPurpose | null;

  @Field(() => Money, { nullable: true })
  approved!: Money | null;

  @Field(() => Money, { nullable: true })
  disbursed!: Money | null;

  @Field(() => String, { nullable: true })
  disbursedOn!: string | null;

  @Field({ description: 'The date it was given (a grant: approved), YYYY-MM-DD.' })
  providedOn!: string;

  @Field({ description: 'The staff member who gave it (a user id).' })
  providedBy!: string;
}

export const EmpowermentRecordConnection = connectionType(
  'EmpowermentRecord',
  EmpowermentRecord,
  READ,
);
export type EmpowermentRecordConnection = InstanceType<typeof EmpowermentRecordConnection>;
export const EmpowermentRecordPayload = payloadType('EmpowermentRecordPayload', EmpowermentRecord);
export type EmpowermentRecordPayload = InstanceType<typeof EmpowermentRecordPayload>;

@InputType()
class OnEnrolment {
  @Field(() => ID)
  @IsId('enrolmentId')
  enrolmentId!: string;
}

@InputType()
export class RecordEmpowermentServiceInput extends OnEnrolment {
  @Field(() => ID, { nullable: true, description: 'A client-chosen UUID makes retries safe.' })
  @IsOptional()
  @IsId('serviceId')
  serviceId?: string | null;

  @Field(() => ServiceKindEnum)
  @IsIn(Object.values(ServiceKindEnum))
  kind!: ServiceKind;

  @Field(() => ServiceModeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ServiceModeEnum))
  mode?: ServiceMode | null;

  @Field(() => RehabilitationActivityEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(RehabilitationActivityEnum))
  activity?: RehabilitationActivity | null;

  @Field(() => ServiceOutcomeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ServiceOutcomeEnum))
  outcome?: ServiceOutcome | null;

  @Field(() => ID, {
    nullable: true,
    description: 'JOB_PLACEMENT: the employer, a partner organisation networks registered.',
  })
  @IsOptional()
  @IsId('partnerOrganisationId')
  partnerOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'JOB_PLACEMENT: the job (one line).' })
  @IsOptional()
  @IsString()
  @IsShorterThan('occupation', MAX_OCCUPATION_LENGTH)
  occupation?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'TUITION_FEES, LIVING_ALLOWANCE, VOCATIONAL_TRAINING: the school, college or training centre.',
  })
  @IsOptional()
  @IsString()
  @IsShorterThan('institution', MAX_INSTITUTION_LENGTH)
  institution?: string | null;

  @Field(() => PeriodInput, {
    nullable: true,
    description:
      'TUITION_FEES, LIVING_ALLOWANCE, SAFE_ACCOMMODATION, VOCATIONAL_TRAINING: the period covered.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodInput)
  period?: PeriodInput | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'TUITION_FEES, LIVING_ALLOWANCE: the amount paid for the period.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  amount?: MoneyInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'SAFE_ACCOMMODATION: where she stays (one line). Sealed with her key; read through the access log.',
  })
  @IsOptional()
  @IsString()
  @IsShorterThan('place', MAX_PLACE_LENGTH)
  place?: string | null;

  @DayOfFactField()
  providedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The staff member who gave it (a user id); you when absent.',
  })
  @IsOptional()
  @IsString()
  @IsShorterThan('providedBy', 200)
  providedBy?: string | null;
}

@InputType()
export class RecordFollowUpInput extends OnEnrolment {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('followUpId')
  followUpId?: string | null;

  @Field(() => FollowUpChannelEnum)
  @IsIn(Object.values(FollowUpChannelEnum))
  channel!: FollowUpChannel;

  @Field()
  @IsBoolean()
  reached!: boolean;

  @DayOfFactField()
  followedUpOn!: string;

  @Field(() => String, { nullable: true, description: 'After followedUpOn.' })
  @IsOptional()
  @IsDay('nextFollowUpOn')
  nextFollowUpOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('providedBy', 200)
  providedBy?: string | null;
}

@InputType()
export class ApproveSmallGrantInput extends OnEnrolment {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('grantId')
  grantId?: string | null;

  @Field(() => GrantPurposeEnum)
  @IsIn(Object.values(GrantPurposeEnum))
  purpose!: GrantPurpose;

  @MoneyField()
  amount!: MoneyInput;

  @DayOfFactField()
  approvedOn!: string;
}

@InputType()
export class DisburseSmallGrantInput extends OnEnrolment {
  @Field(() => ID)
  @IsId('grantId')
  grantId!: string;

  @MoneyField()
  amount!: MoneyInput;

  @DayOfFactField()
  disbursedOn!: string;
}

@InputType()
export class CompleteAgentOfChangeTrainingInput extends OnEnrolment {
  @DayOfFactField()
  completedOn!: string;
}

@ArgsType()
export class EmpowermentRecordsArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CountryEnum))
  country?: Country | null;

  @Field(() => RecordKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(RecordKindEnum))
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Given on or after, YYYY-MM-DD.' })
  @IsOptional()
  @IsDay('from')
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Given on or before, YYYY-MM-DD.' })
  @IsOptional()
  @IsDay('to')
  to?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  minor?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Given by this staff member.' })
  @IsOptional()
  @IsString()
  @IsShorterThan('providedBy', 200)
  providedBy?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('enrolmentId')
  enrolmentId?: string | null;
}
