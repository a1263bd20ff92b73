// The arguments of protection case queries and the inputs of its mutations, validated before
// a resolver runs (class-validator); the rules are the decider's.
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import {
  CASE_CLOSURE_REASONS,
  CASE_REOPENING_REASONS,
  COUNTRIES,
  FORMS_OF_EXPLOITATION,
  GUARDIAN_CONTACT_KINDS,
  IDENTIFICATION_OUTCOMES,
  PROTECTION_CASE_STATUSES,
  REPATRIATION_STEPS,
  type CaseClosureReason,
  type CaseReopeningReason,
  type Country,
  type FormOfExploitation,
  type GuardianContactKind,
  type IdentificationOutcome,
  type ProtectionCaseStatus,
  type RepatriationStep,
} from '@haven/protection/contracts';
import {
  CountryCodeEnum,
  CountryEnum,
  FormOfExploitationEnum,
  PlaceOfExploitationEnum,
} from '@haven/platform/nest';
import {
  COUNTRY_CODES,
  PLACES_OF_EXPLOITATION,
  type CountryCode,
  type PlaceOfExploitation,
} from '@haven/vocabulary';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
} from 'class-validator';
import { PageArgs } from '../paging';
import { purposeRules } from '../personal-data/personal-data.types';
import { FREE_TEXT, NOT_BLANK, SINGLE_LINE } from '../text-rules';

import {
  CaseClosureReasonEnum,
  CaseReopeningReasonEnum,
  DATE_DESCRIPTION,
  GuardianContactKindEnum,
  IdentificationOutcomeEnum,
  ProtectionCaseStatusEnum,
  RepatriationStepEnum,
} from './case.enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = (field: string) =>
  Matches(DATE, { message: `${field} must be a date written YYYY-MM-DD` });
const labelRules = (field: string, max = 200): PropertyDecorator => {
  const rules = [
    IsString({ message: `${field} must be text` }),
    Length(1, max, { message: `${field} must be 1 to ${max} characters` }),
    Matches(NOT_BLANK, { message: `${field} must not be blank` }),
    Matches(SINGLE_LINE, { message: `${field} must be a single line without control characters` }),
  ];
  return (target, property) => rules.forEach((rule) => rule(target, property));
};

// ---- Queries. -----------------------------------------------------------------------------

@ArgsType()
export class ProtectionCaseArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

@ArgsType()
export class ProtectionCaseForNotificationArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'notificationId must be a UUID' })
  notificationId!: string;
}

@ArgsType()
export class CasePersonalDataArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Why you read this, in a few words (e.g. "rescue planning"), recorded in the access log. ' +
      'Never put personal data in it.',
  })
  @purposeRules()
  purpose?: string | null;
}

@ArgsType()
export class ProtectionCasesArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: Country | null;

  @Field(() => ProtectionCaseStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROTECTION_CASE_STATUSES)
  status?: ProtectionCaseStatus | null;

  @Field(() => FormOfExploitationEnum, { nullable: true })
  @IsOptional()
  @IsIn(FORMS_OF_EXPLOITATION)
  formOfExploitation?: FormOfExploitation | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  hasMinors?: boolean | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Opened at or after.' })
  @IsOptional()
  @IsDate({ message: 'openedFrom must be an instant' })
  openedFrom?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Opened before.' })
  @IsOptional()
  @IsDate({ message: 'openedTo must be an instant' })
  openedTo?: Date | null;
}

// ---- Mutations. ---------------------------------------------------------------------------

const CLIENT_ID_DESCRIPTION =
  'A UUID chosen by the client, to make retries safe: the same command sent again with the ' +
  'same id changes nothing.';

/** The case a command is about: every case command's input starts with it. */
@InputType({ isAbstract: true })
export class CaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId!: string;
}

/** The case and the victim a command is about. */
@InputType({ isAbstract: true })
export class CaseVictimInput extends CaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId!: string;
}

@InputType()
export class OpenProtectionCaseInput {
  @Field(() => ID, { nullable: true, description: CLIENT_ID_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string | null;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @labelRules('province', 100)
  province?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  abroad!: boolean;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description:
      'Where abroad (ISO 3166-1), for a case abroad, or where intercepted victims were being ' +
      'taken; apart from the country of operation.',
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'destination must be an ISO 3166-1 alpha-2 code' })
  destination?: CountryCode | null;

  @Field({
    defaultValue: false,
    description:
      'The victims were intercepted in transit, before anyone exploited them (a bride on her ' +
      'way to a foreign husband, a girl stopped at a border). An interception has no place of ' +
      'exploitation.',
  })
  @IsBoolean()
  intercepted!: boolean;

  @Field(() => FormOfExploitationEnum)
  @IsIn(FORMS_OF_EXPLOITATION)
  formOfExploitation!: FormOfExploitation;

  @Field(() => PlaceOfExploitationEnum, {
    nullable: true,
    description:
      'The kind of place where the exploitation happened (a hidden brothel, a massage parlour, ' +
      'online…): a kind, never an address. Unknown by default.',
  })
  @IsOptional()
  @IsIn(PLACES_OF_EXPLOITATION)
  placeOfExploitation?: PlaceOfExploitation | null;

  @Field(() => String, {
    nullable: true,
    description: `The day it was opened; today by default. ${DATE_DESCRIPTION}`,
  })
  @IsOptional()
  @dateRule('openedOn')
  openedOn?: string | null;
}

@InputType()
export class AddVictimToCaseInput extends CaseVictimInput {
  @Field(() => FormOfExploitationEnum, { nullable: true, description: "The case's by default." })
  @IsOptional()
  @IsIn(FORMS_OF_EXPLOITATION)
  formOfExploitation?: FormOfExploitation | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether she is a minor (e.g. after an age assessment); her record’s by default.',
  })
  @IsOptional()
  @IsBoolean()
  minor?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `The day she was taken in; today by default. ${DATE_DESCRIPTION}`,
  })
  @IsOptional()
  @dateRule('addedOn')
  addedOn?: string | null;
}

@InputType()
export class AddInvestigationNoteInput extends CaseInput {
  @Field(() => ID, { nullable: true, description: CLIENT_ID_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: 'noteId must be a UUID' })
  noteId?: string | null;

  @Field({
    description: "Free text about persons: encrypted with the case's key before it is stored.",
  })
  @IsString({ message: 'text must be text' })
  @Length(1, 5000, { message: 'text must be 1 to 5000 characters' })
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  @Matches(FREE_TEXT, { message: 'text must not contain control characters' })
  text!: string;
}

@InputType()
export class RecordRescueOperationInput extends CaseInput {
  @Field(() => ID, { nullable: true, description: CLIENT_ID_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: 'operationId must be a UUID' })
  operationId?: string | null;

  @Field({ description: DATE_DESCRIPTION })
  @dateRule('date')
  date!: string;

  @Field({
    description:
      'Where it took place: a place, never a person; for an online one, the platform (e.g. ' +
      '"Facebook").',
  })
  @labelRules('place')
  place!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'A platform report, an account take-down or a remote intervention with the police: ' +
      'the place is then the platform, not a province. False by default.',
  })
  @IsOptional()
  @IsBoolean()
  online?: boolean | null;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'partnerAgencies must be text' })
  @Length(1, 200, { each: true, message: 'each partner agency must be 1 to 200 characters' })
  @Matches(SINGLE_LINE, { each: true, message: 'partner agencies must be single lines' })
  partnerAgencies!: string[];

  @Field(() => Int, {
    nullable: true,
    description:
      'How many persons it rescued, registered or not yet (0 to 1000): at least the victims ' +
      'named; the others are attached as they are registered (attachRescuedVictim). By default ' +
      'the number of victims named.',
  })
  @IsOptional()
  @IsInt({ message: 'personsRescued must be a whole number' })
  @Min(0, { message: 'personsRescued must be 0 to 1000' })
  @Max(1000, { message: 'personsRescued must be 0 to 1000' })
  personsRescued?: number | null;

  @Field(() => [ID], {
    description: 'Victims of the case it rescued, already added to it (may be empty in a raid).',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'rescuedBeneficiaryIds must be UUIDs' })
  rescuedBeneficiaryIds!: string[];
}

@InputType({
  description:
    'A victim of the case, registered and added after the rescue, named as one of the persons ' +
    'it rescued.',
})
export class AttachRescuedVictimInput extends CaseVictimInput {
  @Field(() => ID, { description: 'The rescue operation that rescued her.' })
  @IsUUID('all', { message: 'operationId must be a UUID' })
  operationId!: string;
}

@InputType()
export class RecordVictimIdentificationInput extends CaseVictimInput {
  @Field(() => IdentificationOutcomeEnum)
  @IsIn(IDENTIFICATION_OUTCOMES)
  outcome!: IdentificationOutcome;

  @Field({ description: DATE_DESCRIPTION })
  @dateRule('date')
  date!: string;

  @Field(() => String, { nullable: true, description: 'The authority that decided.' })
  @IsOptional()
  @labelRules('authority')
  authority?: string | null;
}

@InputType()
export class RecordShelterPlacementInput extends CaseVictimInput {
  @Field(() => ID, { nullable: true, description: CLIENT_ID_DESCRIPTION })
  @IsOptional()
  @IsUUID('all', { message: 'placementId must be a UUID' })
  placementId?: string | null;

  @Field()
  @labelRules('shelterName')
  shelterName!: string;

  @Field({ description: DATE_DESCRIPTION })
  @dateRule('from')
  from!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The last day, on or after `from`; null while she stays.',
  })
  @IsOptional()
  @dateRule('to')
  to?: string | null;
}

@InputType()
export class RecordRepatriationStepInput extends CaseVictimInput {
  @Field(() => RepatriationStepEnum)
  @IsIn(REPATRIATION_STEPS)
  step!: RepatriationStep;

  @Field({ description: DATE_DESCRIPTION })
  @dateRule('date')
  date!: string;
}

@InputType()
export class RecordGuardianContactInput extends CaseInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The victim of the case the contact answers for (each minor has her own); omitted: the ' +
      'whole case.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId?: string | null;

  @Field(() => GuardianContactKindEnum)
  @IsIn(GUARDIAN_CONTACT_KINDS)
  kind!: GuardianContactKind;

  @Field({
    description:
      "Who and how to reach them (names, phone numbers): encrypted with the case's key before " +
      'it is stored.',
  })
  @IsString({ message: 'details must be text' })
  @Length(1, 1000, { message: 'details must be 1 to 1000 characters' })
  @Matches(NOT_BLANK, { message: 'details must not be blank' })
  @Matches(FREE_TEXT, { message: 'details must not contain control characters' })
  details!: string;

  @Field(() => String, {
    nullable: true,
    description: `The day the contact was made; today by default. ${DATE_DESCRIPTION}`,
  })
  @IsOptional()
  @dateRule('contactedOn')
  contactedOn?: string | null;
}

@InputType()
export class CloseProtectionCaseInput extends CaseInput {
  @Field(() => CaseClosureReasonEnum)
  @IsIn(CASE_CLOSURE_REASONS)
  reason!: CaseClosureReason;

  @Field(() => String, {
    nullable: true,
    description: `The day it was closed; today by default. ${DATE_DESCRIPTION}`,
  })
  @IsOptional()
  @dateRule('closedOn')
  closedOn?: string | null;
}

@InputType()
export class ReopenProtectionCaseInput extends CaseInput {
  @Field(() => CaseReopeningReasonEnum)
  @IsIn(CASE_REOPENING_REASONS)
  reason!: CaseReopeningReason;

  @Field(() => String, {
    nullable: true,
    description: `The day it was reopened; today by default. ${DATE_DESCRIPTION}`,
  })
  @IsOptional()
  @dateRule('reopenedOn')
  reopenedOn?: string | null;
}
