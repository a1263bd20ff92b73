// The GraphQL shapes of enrolments: the record, its list and payload, and the inputs that change it.
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type {
  ClosureReason,
  FollowUpRhythm,
  PlanGoal,
  SettingKind,
} from '@haven/empowerment/contracts';
import {
  connectionType,
  CountryEnum,
  DayOfFactField,
  IsDay,
  IsId,
  IsShorterThan,
  PageArgs,
  payloadType,
  SexEnum,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import type { Country, Sex } from '@haven/vocabulary';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ClosureReasonEnum,
  FollowUpRhythmEnum,
  PlanGoalEnum,
  SettingKindEnum,
  WorkListEnum,
} from '../enums';
import { EmpowermentPolicy } from '../policies';
import { MAX_LINE } from '../validation';

const READ = EmpowermentPolicy.read;

@ObjectType({ description: 'A beneficiary’s enrolment in the empowerment programme.' })
@Policy(READ)
export class Enrolment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Protection’s id of the person.' })
  beneficiaryId!: string;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => SexEnum)
  sex!: Sex;

  @Field()
  minor!: boolean;

  @Field({ description: 'OPEN or CLOSED.' })
  status!: string;

  @Field(() => SettingKindEnum)
  settingKind!: SettingKind;

  @Field(() => String, { nullable: true })
  shelterName!: string | null;

  @Field(() => Boolean, { nullable: true })
  governmentRun!: boolean | null;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => String, { nullable: true })
  district!: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  enrolledOn!: string;

  @Field({ description: 'The officer who enrolled the person (a user id): whose list it is on.' })
  officerId!: string;

  @Field(() => ClosureReasonEnum, { nullable: true })
  closureReason!: ClosureReason | null;

  @Field(() => String, { nullable: true })
  closedOn!: string | null;

  @Field(() => [PlanGoalEnum])
  planGoals!: PlanGoal[];

  @Field(() => FollowUpRhythmEnum, { nullable: true })
  followUpRhythm!: FollowUpRhythm | null;

  @Field(() => [String])
  reviewDates!: string[];

  @Field(() => String, { nullable: true })
  lastFollowUpOn!: string | null;

  @Field(() => String, { nullable: true })
  nextFollowUpOn!: string | null;

  @Field(() => Int, { description: 'The latest follow-ups in a row that did not reach them.' })
  consecutiveNotReached!: number;

  @Field(() => String, { nullable: true, description: 'Agent-of-change training completed.' })
  trainedOn!: string | null;
}

export const EnrolmentConnection = connectionType('Enrolment', Enrolment, READ);
export type EnrolmentConnection = InstanceType<typeof EnrolmentConnection>;
export const EnrolmentPayload = payloadType('EnrolmentPayload', Enrolment);
export type EnrolmentPayload = InstanceType<typeof EnrolmentPayload>;

@InputType({
  description: 'A shelter (name, run by government or not), or a community (province).',
})
export class SettingInput {
  @Field(() => SettingKindEnum)
  @IsIn(Object.values(SettingKindEnum))
  kind!: SettingKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('shelterName', MAX_LINE)
  shelterName?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  governmentRun?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('province', MAX_LINE)
  province?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('district', MAX_LINE)
  district?: string | null;
}

@InputType()
export class EnrolBeneficiaryInput {
  @Field(() => ID, { nullable: true, description: 'A client-chosen UUID makes retries safe.' })
  @IsOptional()
  @IsId('enrolmentId')
  enrolmentId?: string | null;

  @Field(() => ID)
  @IsId('beneficiaryId')
  beneficiaryId!: string;

  @Field(() => SettingInput)
  @ValidateNested()
  @Type(() => SettingInput)
  setting!: SettingInput;

  @DayOfFactField()
  enrolledOn!: string;
}

@InputType()
export class ChangeEnrolmentSettingInput {
  @Field(() => ID)
  @IsId('enrolmentId')
  enrolmentId!: string;

  @Field(() => SettingInput)
  @ValidateNested()
  @Type(() => SettingInput)
  setting!: SettingInput;

  @DayOfFactField()
  changedOn!: string;
}

@InputType()
export class AgreeReintegrationPlanInput {
  @Field(() => ID)
  @IsId('enrolmentId')
  enrolmentId!: string;

  @Field(() => [PlanGoalEnum])
  @ArrayMaxSize(20)
  @IsIn(Object.values(PlanGoalEnum), { each: true })
  goals!: PlanGoal[];

  @Field(() => FollowUpRhythmEnum)
  @IsIn(Object.values(FollowUpRhythmEnum))
  followUpRhythm!: FollowUpRhythm;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @IsDay('reviewDates', { each: true })
  reviewDates!: string[];

  @DayOfFactField()
  agreedOn!: string;
}

@InputType()
export class CloseEnrolmentInput {
  @Field(() => ID)
  @IsId('enrolmentId')
  enrolmentId!: string;

  @Field(() => ClosureReasonEnum)
  @IsIn(Object.values(ClosureReasonEnum))
  reason!: ClosureReason;

  @DayOfFactField()
  closedOn!: string;
}

@ArgsType()
export class EnrolmentsArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CountryEnum))
  country?: Country | null;

  @Field(() => SettingKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SettingKindEnum))
  settingKind?: SettingKind | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  minor?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The officer who enrolled them.' })
  @IsOptional()
  @IsString()
  @IsShorterThan('officerId', 200)
  officerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Enrolled on or after, YYYY-MM-DD.' })
  @IsOptional()
  @IsDay('enrolledFrom')
  enrolledFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Enrolled on or before, YYYY-MM-DD.' })
  @IsOptional()
  @IsDay('enrolledTo')
  enrolledTo?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('beneficiaryId')
  beneficiaryId?: string | null;
}

@ArgsType()
export class WorkListArgs extends PageArgs {
  @Field(() => WorkListEnum)
  @IsIn(Object.values(WorkListEnum))
  list!: keyof typeof WorkListEnum;

  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CountryEnum))
  country?: Country | null;

  @Field(() => String, { nullable: true, description: 'Only this officer’s enrolments.' })
  @IsOptional()
  @IsString()
  @IsShorterThan('officerId', 200)
  officerId?: string | null;

  @Field(() => Int, { defaultValue: 2, description: 'NOT_REACHED: misses in a row, at least.' })
  @IsInt()
  @Min(1)
  @Max(50)
  attempts!: number;
}
