// The GraphQL shapes of protection cases and timelines: neither the read-model rows nor the
// domain state (see case.mapper.ts). Every type names its policy (policies.ts).
import {
  ArgsType,
  Directive,
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
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
import { allow, Policy } from '@haven/platform/security';
import { CountryCodeEnum } from '@haven/platform/nest';
import { COUNTRY_CODES, type CountryCode } from '@haven/vocabulary';
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
import { CountryEnum } from '../beneficiaries/beneficiary.types';
import { MAX_PAGE_SIZE, PageArgs, PageInfo } from '../paging';
import { purposeRules } from '../personal-data/personal-data.types';
import { ProtectionPolicy } from '../policies';
import { FREE_TEXT, NOT_BLANK, SINGLE_LINE } from '../text-rules';

const READ_CASES = ProtectionPolicy.readCases;
const READ_CASE_PERSONAL_DATA = ProtectionPolicy.readCasePersonalData;
/** A mutation's payload: whoever may make the mutation may read what it returns. */
const READ_PAYLOAD = allow('any');

function enumObject<Value extends string>(values: readonly Value[]): { [K in Value]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in Value]: K };
}

export const FormOfExploitationEnum = enumObject(FORMS_OF_EXPLOITATION);
registerEnumType(FormOfExploitationEnum, { name: 'FormOfExploitation' });

export const ProtectionCaseStatusEnum = enumObject(PROTECTION_CASE_STATUSES);
registerEnumType(ProtectionCaseStatusEnum, { name: 'ProtectionCaseStatus' });

export const IdentificationOutcomeEnum = enumObject(IDENTIFICATION_OUTCOMES);
registerEnumType(IdentificationOutcomeEnum, {
  name: 'IdentificationOutcome',
  description: 'Whether the authorities officially identified a victim of trafficking.',
});

export const RepatriationStepEnum = enumObject(REPATRIATION_STEPS);
registerEnumType(RepatriationStepEnum, {
  name: 'RepatriationStep',
  description: 'The steps of a safe return home.',
  valuesMap: {
    FAMILY_TRACING: { description: 'Her family was traced and the return prepared with it.' },
    DOCUMENTS: { description: 'Her travel and identity documents were obtained.' },
    ESCORTED_JOURNEY: {
      description:
        'She was escorted across the border. Needs her officially identified or placed in a ' +
        'shelter, and for a minor a guardian or shelter contact on the case.',
    },
    RECEPTION: { description: 'She was received at home (after the escorted journey).' },
    FOLLOW_UP: { description: 'A follow-up after her arrival (after reception); may repeat.' },
  },
});

export const GuardianContactKindEnum = enumObject(GUARDIAN_CONTACT_KINDS);
registerEnumType(GuardianContactKindEnum, { name: 'GuardianContactKind' });

export const CaseClosureReasonEnum = enumObject(CASE_CLOSURE_REASONS);
registerEnumType(CaseClosureReasonEnum, { name: 'CaseClosureReason' });

export const CaseReopeningReasonEnum = enumObject(CASE_REOPENING_REASONS);
registerEnumType(CaseReopeningReasonEnum, { name: 'CaseReopeningReason' });

const DATE_DESCRIPTION = 'A calendar day, YYYY-MM-DD, where it happened.';
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

// ---- Cases. -------------------------------------------------------------------------------

@ObjectType({ description: 'An identification decision of the authorities about a victim.' })
@Policy(READ_CASES)
export class VictimIdentification {
  @Field(() => IdentificationOutcomeEnum)
  outcome!: IdentificationOutcome;

  @Field({ description: DATE_DESCRIPTION })
  date!: string;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType()
@Policy(READ_CASES)
export class ShelterPlacement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field()
  shelterName!: string;

  @Field({ description: DATE_DESCRIPTION })
  from!: string;

  @Field(() => String, { nullable: true, description: 'Null while she is still there.' })
  to!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType()
@Policy(READ_CASES)
export class RepatriationStepRecord {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => RepatriationStepEnum)
  step!: RepatriationStep;

  @Field({ description: DATE_DESCRIPTION })
  date!: string;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType({ description: 'A beneficiary, as a victim of one case.' })
@Policy(READ_CASES)
export class CaseVictim {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => FormOfExploitationEnum)
  formOfExploitation!: FormOfExploitation;

  @Field({ description: 'A minor when added to the case.' })
  minor!: boolean;

  @Field(() => GraphQLISODateTime)
  addedAt!: Date;

  @Field(() => VictimIdentification, {
    nullable: true,
    description: 'The latest identification decision; null until there is one.',
  })
  identification!: VictimIdentification | null;

  @Field(() => ShelterPlacement, {
    nullable: true,
    description: "Her latest shelter placement (the case's shelterPlacements list them all).",
  })
  shelterPlacement!: ShelterPlacement | null;

  @Field(() => [RepatriationStepEnum], {
    description:
      "The steps of her return done so far, each once, in the order first recorded (the case's " +
      'repatriationSteps list every record, with its date).',
  })
  repatriationStepsDone!: RepatriationStep[];

  @Field(() => [ID], { description: 'The rescue operations that rescued her.' })
  rescuedIn!: string[];
}

@ObjectType({ description: 'A rescue or intervention with the authorities.' })
@Policy(READ_CASES)
export class RescueOperation {
  @Field(() => ID)
  id!: string;

  @Field({ description: DATE_DESCRIPTION })
  date!: string;

  @Field()
  place!: string;

  @Field(() => [String])
  partnerAgencies!: string[];

  @Field(() => [ID], { description: 'Victims of the case it rescued.' })
  rescuedBeneficiaryIds!: string[];

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType({ description: 'An investigation note. Its text is personal data.' })
@Policy(READ_CASES)
export class InvestigationNote {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  addedAt!: Date;

  @Field({ description: 'The user id of whoever wrote it.' })
  addedBy!: string;

  @Field()
  role!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Decrypted for this request, for case workers only; the read is logged first. Null once ' +
      "the case's personal data is erased.",
  })
  @Policy(READ_CASE_PERSONAL_DATA)
  text!: string | null;
}

@ObjectType({
  description: "Who answers for the case's minor victims: a guardian, or the shelter.",
})
@Policy(READ_CASES)
export class GuardianContact {
  @Field(() => GuardianContactKindEnum)
  kind!: GuardianContactKind;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;

  // `details` is resolved (decrypted, the read logged) in case-personal-data.resolver.ts.

  /** Not in the schema: the case, and the sealed details opened only when asked for. */
  caseId!: string;
  caseCountry!: string;
  sealedDetails!: string;
}

@ObjectType({
  description:
    'A protection case: fact finding, rescue, identification, shelter and a safe return, for ' +
    'the victims of one situation of exploitation. Owned by the protection service.',
})
@Directive('@key(fields: "id")')
@Policy(READ_CASES)
export class ProtectionCase {
  @Field(() => ID)
  id!: string;

  @Field(() => CountryEnum, { description: 'Where the exploitation happened: the case’s scope.' })
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field({ description: 'The victims were exploited outside their own country.' })
  abroad!: boolean;

  @Field(() => FormOfExploitationEnum)
  formOfExploitation!: FormOfExploitation;

  @Field(() => ProtectionCaseStatusEnum)
  status!: ProtectionCaseStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'The case notification whose referral opened it; null when opened directly.',
  })
  sourceNotificationId!: string | null;

  @Field(() => GraphQLISODateTime)
  openedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => CaseClosureReasonEnum, { nullable: true })
  closureReason!: CaseClosureReason | null;

  @Field({ description: 'At least one victim is a minor.' })
  hasMinors!: boolean;

  @Field(() => Int, { description: 'The version of the case stream this shows.' })
  streamVersion!: number;

  @Field(() => [CaseVictim])
  victims!: CaseVictim[];

  @Field(() => [RescueOperation])
  rescueOperations!: RescueOperation[];

  // Listed on the case rather than under each victim: a list within a list costs its product.
  @Field(() => [ShelterPlacement], { description: "Every victim's shelter placements." })
  shelterPlacements!: ShelterPlacement[];

  @Field(() => [RepatriationStepRecord], {
    description:
      "Every victim's repatriation steps: victim by victim, each's in the order recorded.",
  })
  repatriationSteps!: RepatriationStepRecord[];

  @Field(() => Int)
  investigationNoteCount!: number;

  @Field(() => GuardianContact, { nullable: true })
  guardianOrShelterContact!: GuardianContact | null;
}

@ObjectType()
@Policy(READ_CASES)
export class ProtectionCaseEdge {
  @Field({ description: 'Opaque: pass it as `after` to read the cases after this one.' })
  cursor!: string;

  @Field(() => ProtectionCase)
  node!: ProtectionCase;
}

@ObjectType({ description: 'Protection cases in the order they were opened.' })
@Policy(READ_CASES)
export class ProtectionCaseConnection {
  @Field(() => [ProtectionCaseEdge])
  edges!: ProtectionCaseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

// ---- Timelines. ---------------------------------------------------------------------------

@ObjectType({
  description:
    'What a timeline entry shows of its event: the facts that event type has (the others are ' +
    'null), never free text or personal data.',
})
@Policy(READ_CASES)
export class TimelineSummary {
  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => Boolean, { nullable: true })
  abroad!: boolean | null;

  @Field(() => String, { nullable: true })
  formOfExploitation!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many possible victims were reported.' })
  possibleVictims!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many of them were reported minors.' })
  minors!: number | null;

  @Field(() => String, { nullable: true })
  reportedBy!: string | null;

  @Field(() => ID, { nullable: true })
  sourceNotificationId!: string | null;

  @Field(() => ID, { nullable: true })
  beneficiaryId!: string | null;

  @Field(() => String, { nullable: true })
  referenceCode!: string | null;

  @Field(() => Boolean, { nullable: true })
  minor!: boolean | null;

  @Field(() => ID, { nullable: true })
  noteId!: string | null;

  @Field(() => ID, { nullable: true })
  operationId!: string | null;

  @Field(() => ID, { nullable: true })
  placementId!: string | null;

  @Field(() => String, { nullable: true, description: DATE_DESCRIPTION })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'A placement’s first day.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'A placement’s last day.' })
  to!: string | null;

  @Field(() => Int, { nullable: true })
  victimsRescued!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many partner agencies took part.' })
  partnerAgencies!: number | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => String, { nullable: true })
  step!: string | null;

  @Field(() => String, { nullable: true, description: 'A guardian or shelter contact’s kind.' })
  kind!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a case was closed or reopened, or a notification rejected.',
  })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The notification a duplicate repeats.' })
  duplicateOf!: string | null;
}

@ObjectType({
  description:
    'Something that happened, from any service: what (the event type and a few facts, never ' +
    'personal data), who (user id and role) and when.',
})
@Policy(READ_CASES)
export class TimelineEntry {
  @Field(() => Float, { description: 'Its position in the global event log: the order.' })
  position!: number;

  @Field({ description: 'The event type, e.g. VictimAddedToCase.' })
  type!: string;

  @Field(() => TimelineSummary)
  summary!: TimelineSummary;

  @Field()
  actorId!: string;

  @Field()
  role!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The case it belongs to, if any.' })
  caseId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The case notification it belongs to, if any.' })
  notificationId!: string | null;
}

@ObjectType()
@Policy(READ_CASES)
export class TimelineEdge {
  @Field()
  cursor!: string;

  @Field(() => TimelineEntry)
  node!: TimelineEntry;
}

@ObjectType({ description: 'A timeline, oldest first.' })
@Policy(READ_CASES)
export class TimelineConnection {
  @Field(() => [TimelineEdge])
  edges!: TimelineEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ArgsType()
export class TimelineArgs {
  @Field(() => Int, { defaultValue: 50, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'after must be a cursor from a previous page' })
  after?: string | null;
}

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
      'Where abroad (ISO 3166-1), for a case abroad; apart from the country of operation.',
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'destination must be an ISO 3166-1 alpha-2 code' })
  destination?: CountryCode | null;

  @Field(() => FormOfExploitationEnum)
  @IsIn(FORMS_OF_EXPLOITATION)
  formOfExploitation!: FormOfExploitation;

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

  @Field({ description: 'Where it took place: a place, never a person.' })
  @labelRules('place')
  place!: string;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'partnerAgencies must be text' })
  @Length(1, 200, { each: true, message: 'each partner agency must be 1 to 200 characters' })
  @Matches(SINGLE_LINE, { each: true, message: 'partner agencies must be single lines' })
  partnerAgencies!: string[];

  @Field(() => [ID], { description: 'Victims of the case it rescued (they must be added first).' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'rescuedBeneficiaryIds must be UUIDs' })
  rescuedBeneficiaryIds!: string[];
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
}

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
