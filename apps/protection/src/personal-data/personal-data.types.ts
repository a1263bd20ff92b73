// The GraphQL shapes of personal data: what a client sends at registration (validated here, then
// sealed by the handler) and what an allowed reader gets back (decrypted per request, logged).
import {
  ArgsType,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { Policy } from '@haven/platform/security';
import { AGE_ASSESSMENT_METHODS, type AgeAssessmentMethod } from '@haven/protection/domain';
import { ProtectionPolicy } from '../policies';
import { PageArgs, PageInfo } from '../paging';
import { FREE_TEXT, NOT_BLANK, SINGLE_LINE } from '../text-rules';

const MAX_AGE = 120;
const MAX_LANGUAGES = 20;

export const AgeAssessmentMethodEnum = Object.fromEntries(
  AGE_ASSESSMENT_METHODS.map((method) => [method, method]),
) as { [Method in AgeAssessmentMethod]: Method };
registerEnumType(AgeAssessmentMethodEnum, {
  name: 'AgeAssessmentMethod',
  description: 'How an assessed age was arrived at.',
});

/** YYYY-MM-DD that names a real calendar day before today (UTC), from 1900 on. */
export function isPastDate(value: unknown, today: Date = new Date()): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return real && year >= 1900 && date.getTime() < startOfToday;
}

function IsPastDate(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isPastDate', validator: { validate: (value) => isPastDate(value) } },
    options,
  );
}

/**
 * Personal fields, all optional. Messages name the field and the rule, never the value (class
 * validation errors reach the client, and must not copy personal data anywhere).
 */
@InputType({
  description:
    'Personal details of a beneficiary. Each given field is encrypted with a key of this ' +
    'person alone before it is stored, and every later read is logged.',
})
export class PersonalDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'givenName must be text' })
  @Length(1, 100, { message: 'givenName must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'givenName must not be blank' })
  @Matches(SINGLE_LINE, { message: 'givenName must be a single line without control characters' })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'familyName must be text' })
  @Length(1, 100, { message: 'familyName must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'familyName must not be blank' })
  @Matches(SINGLE_LINE, { message: 'familyName must be a single line without control characters' })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, a real date in the past.' })
  @IsOptional()
  @IsPastDate({ message: 'dateOfBirth must be a real past date written YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Digits, optionally a leading +, spaces, dashes, dots and parentheses.',
  })
  @IsOptional()
  @IsString({ message: 'phone must be text' })
  @Matches(/^\+?[0-9 ().-]{4,30}$/, {
    message:
      'phone must be 4 to 30 digits, spaces, dashes, dots or parentheses, with an optional leading +',
  })
  @Matches(/(\d[^\d]*){4}/, { message: 'phone must have at least 4 digits' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'address must be text' })
  @Length(1, 500, { message: 'address must be 1 to 500 characters' })
  @Matches(NOT_BLANK, { message: 'address must not be blank' })
  @Matches(FREE_TEXT, { message: 'address must not contain control characters' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Passport, ID card or other document.' })
  @IsOptional()
  @IsString({ message: 'identityDocumentNumber must be text' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,49}$/, {
    message:
      'identityDocumentNumber must be 1 to 50 letters, digits, spaces, dots, slashes or dashes',
  })
  identityDocumentNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'notes must be text' })
  @Length(1, 2000, { message: 'notes must be 1 to 2000 characters' })
  @Matches(NOT_BLANK, { message: 'notes must not be blank' })
  @Matches(FREE_TEXT, { message: 'notes must not contain control characters' })
  notes?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Age in years as an identity document states it.',
  })
  @IsOptional()
  @IsInt({ message: 'documentedAge must be a whole number' })
  @Min(0, { message: 'documentedAge must be 0 to 120' })
  @Max(MAX_AGE, { message: 'documentedAge must be 0 to 120' })
  documentedAge?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Age in years as assessed (no or doubtful document); needs ageAssessmentMethod.',
  })
  // Either both or neither: an assessed age means nothing without how it was assessed.
  @ValidateIf(
    (input: PersonalDetailsInput) => input.assessedAge != null || input.ageAssessmentMethod != null,
  )
  @IsInt({ message: 'assessedAge must be a whole number, given with ageAssessmentMethod' })
  @Min(0, { message: 'assessedAge must be 0 to 120' })
  @Max(MAX_AGE, { message: 'assessedAge must be 0 to 120' })
  assessedAge?: number | null;

  @Field(() => AgeAssessmentMethodEnum, {
    nullable: true,
    description: 'How assessedAge was arrived at; needs assessedAge.',
  })
  // Either both or neither: an assessed age means nothing without how it was assessed.
  @ValidateIf(
    (input: PersonalDetailsInput) => input.assessedAge != null || input.ageAssessmentMethod != null,
  )
  @IsIn(AGE_ASSESSMENT_METHODS, {
    message: `ageAssessmentMethod must be one of ${AGE_ASSESSMENT_METHODS.join(', ')}, given with assessedAge`,
  })
  ageAssessmentMethod?: AgeAssessmentMethod | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'nationality must be text' })
  @Length(1, 100, { message: 'nationality must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'nationality must not be blank' })
  @Matches(SINGLE_LINE, { message: 'nationality must be a single line without control characters' })
  nationality?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'ethnicity must be text' })
  @Length(1, 100, { message: 'ethnicity must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'ethnicity must not be blank' })
  @Matches(SINGLE_LINE, { message: 'ethnicity must be a single line without control characters' })
  ethnicity?: string | null;

  @Field(() => [String], { nullable: true, description: 'Languages the person speaks.' })
  @IsOptional()
  @IsArray({ message: 'languages must be a list' })
  @ArrayMaxSize(MAX_LANGUAGES, { message: `languages must hold at most ${MAX_LANGUAGES} entries` })
  @IsString({ each: true, message: 'languages must be text' })
  @Length(1, 50, { each: true, message: 'each language must be 1 to 50 characters' })
  @Matches(NOT_BLANK, { each: true, message: 'a language must not be blank' })
  @Matches(SINGLE_LINE, {
    each: true,
    message: 'each language must be a single line without control characters',
  })
  languages?: string[] | null;
}

/** The stated reason for reading, as the access log keeps it: short, and never personal data. */
export const PURPOSE_LENGTH = { min: 3, max: 200 } as const;
const PURPOSE_DESCRIPTION =
  'Why you read this, in a few words (e.g. "court hearing preparation"), recorded in the ' +
  'access log. Never put personal data in it. Required when reading under break-glass access.';

export function purposeField() {
  return Field(() => String, { nullable: true, description: PURPOSE_DESCRIPTION });
}

/** class-validator rules of a `purpose` argument. */
export function purposeRules(): PropertyDecorator {
  const rules = [
    IsOptional(),
    IsString({ message: 'purpose must be text' }),
    Length(PURPOSE_LENGTH.min, PURPOSE_LENGTH.max, {
      message: `purpose must be ${PURPOSE_LENGTH.min} to ${PURPOSE_LENGTH.max} characters`,
    }),
    Matches(NOT_BLANK, { message: 'purpose must not be blank' }),
    Matches(SINGLE_LINE, { message: 'purpose must be a single line without control characters' }),
  ];
  return (target, property) => rules.forEach((rule) => rule(target, property));
}

@ArgsType()
export class PersonalDetailsArgs {
  @purposeField()
  @purposeRules()
  purpose?: string | null;
}

@ObjectType({
  description:
    "A beneficiary's personal details, decrypted for this request. Every read is logged (who, " +
    'which fields, when, why).',
})
@Policy(ProtectionPolicy.readPersonalData)
export class PersonalDetails {
  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dateOfBirth!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  identityDocumentNumber!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Int, { nullable: true })
  documentedAge!: number | null;

  @Field(() => Int, { nullable: true })
  assessedAge!: number | null;

  @Field(() => AgeAssessmentMethodEnum, { nullable: true })
  ageAssessmentMethod!: AgeAssessmentMethod | null;

  @Field(() => String, { nullable: true })
  nationality!: string | null;

  @Field(() => String, { nullable: true })
  ethnicity!: string | null;

  @Field(() => [String], { nullable: true })
  languages!: string[] | null;

  @Field({
    description:
      'True once the personal data was erased (its key destroyed): every other field is then null.',
  })
  erased!: boolean;
}

// ---- The access log. ---------------------------------------------------------------------

const REVIEW_ACCESS_LOG = ProtectionPolicy.reviewAccessLog;

@ObjectType({ description: 'One read of personal data.' })
@Policy(REVIEW_ACCESS_LOG)
export class AccessLogEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field({ description: 'The user id of the reader.' })
  actorId!: string;

  @Field()
  role!: string;

  @Field(() => String, { nullable: true })
  organisationId!: string | null;

  @Field({ description: 'The kind of record read, e.g. Beneficiary.' })
  recordType!: string;

  @Field(() => ID)
  recordId!: string;

  @Field(() => [String], { description: 'The fields the reader asked for.' })
  fields!: string[];

  @Field(() => String, { nullable: true, description: 'The purpose the reader stated.' })
  purpose!: string | null;

  @Field({ description: 'Read under a break-glass grant, outside the reader’s usual scope.' })
  breakGlass!: boolean;

  @Field(() => String, { nullable: true })
  requestId!: string | null;
}

@ObjectType()
@Policy(REVIEW_ACCESS_LOG)
export class AccessLogEdge {
  @Field()
  cursor!: string;

  @Field(() => AccessLogEntry)
  node!: AccessLogEntry;
}

@ObjectType({ description: 'Reads of personal data, oldest first.' })
@Policy(REVIEW_ACCESS_LOG)
export class AccessLogConnection {
  @Field(() => [AccessLogEdge])
  edges!: AccessLogEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only reads of this record.' })
  @IsOptional()
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reads by this user id.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:@|-]{1,200}$/, { message: 'actorId must be a user id' })
  actorId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Reads at or after.' })
  @IsOptional()
  @IsDate({ message: 'from must be an instant' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Reads at or before.' })
  @IsOptional()
  @IsDate({ message: 'to must be an instant' })
  to?: Date | null;
}
