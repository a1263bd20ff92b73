// The GraphQL shapes of case notifications: neither the read-model row nor the domain state.
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
  CASE_NOTIFICATION_REJECTION_REASONS,
  CASE_NOTIFICATION_STATUSES,
  FORMS_OF_EXPLOITATION,
  PLACES_OF_EXPLOITATION,
  REPORTER_KINDS,
  type CaseNotificationRejectionReason,
  type CaseNotificationStatus,
  type FormOfExploitation,
  type PlaceOfExploitation,
  type ReporterKind,
} from '@haven/networks/contracts';
import {
  COUNTRIES,
  COUNTRY_CODES,
  MAX_POSSIBLE_VICTIMS,
  type Country,
  type CountryCode,
} from '@haven/networks/domain';
import { Policy } from '@haven/platform/security';
import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  CaseNotificationStatusEnum,
  CountryEnum,
  FormOfExploitationEnum,
  PlaceOfExploitationEnum,
  RejectionReasonEnum,
  ReporterKindEnum,
} from '../enums';
import { connectionType, CountryCodeEnum, PageArgs, type Connection } from '@haven/platform/nest';
import { NetworksPolicy } from '../policies';
import { placeRules } from '../text-rules';

const uuid = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });
const DESTINATION =
  'Where abroad (ISO 3166-1: BE for a case in Belgium), when known; null when not said.';
const NATIONALITY =
  'The possible victims’ nationality (ISO 3166-1), when known and shared by all; null when not ' +
  'said. A code for statistics, never an identity.';

@ObjectType({
  description:
    'A case notified by a watchdog, agent of change, women’s group, partner, trainee or staff: ' +
    'structured facts only, never a description or a name. Country roles reach those of their ' +
    'countries (OTHER, abroad, when their token names it); a partner those its organisation ' +
    'submitted.',
})
@Policy(NetworksPolicy.readNotifications)
export class CaseNotification {
  @Field(() => ID)
  id!: string;

  @Field(() => CaseNotificationStatusEnum)
  status!: CaseNotificationStatus;

  @Field(() => ReporterKindEnum)
  reportedBy!: ReporterKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The reporter’s networks record: a watchdog, agent of change, women’s group or partner ' +
      'organisation id, or for a trainee the prevention activity.',
  })
  reporterReference!: string | null;

  @Field(() => FormOfExploitationEnum)
  formOfExploitation!: FormOfExploitation;

  @Field(() => PlaceOfExploitationEnum, {
    nullable: true,
    description: 'The kind of place where it happened; null when not said.',
  })
  placeOfExploitation!: PlaceOfExploitation | null;

  @Field(() => CountryEnum, { description: 'Where: TH, LA, MM or VN; OTHER when abroad.' })
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field({ description: 'Outside Thailand, Laos, Myanmar and Vietnam (country OTHER).' })
  abroad!: boolean;

  @Field(() => CountryCodeEnum, { nullable: true, description: DESTINATION })
  destination!: CountryCode | null;

  @Field(() => CountryCodeEnum, { nullable: true, description: NATIONALITY })
  nationality!: CountryCode | null;

  @Field(() => Int)
  possibleVictims!: number;

  @Field(() => Int, { description: 'How many of the possible victims are minors.' })
  minors!: number;

  @Field(() => GraphQLISODateTime)
  submittedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was validated, rejected or marked a duplicate.',
  })
  decidedAt!: Date | null;

  @Field(() => RejectionReasonEnum, { nullable: true })
  rejectionReason!: CaseNotificationRejectionReason | null;

  @Field(() => ID, { nullable: true, description: 'The notification this one repeats.' })
  duplicateOf!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  referredAt!: Date | null;
}

export const CaseNotificationConnection = connectionType(
  'CaseNotification',
  CaseNotification,
  NetworksPolicy.readNotifications,
);
export type CaseNotificationConnection = Connection<CaseNotification>;

@ObjectType({
  description:
    'What a submitter may know of a notification they submitted: where it stands, nothing more.',
})
@Policy(NetworksPolicy.readOwnSubmissions)
export class MyCaseNotification {
  @Field(() => ID)
  id!: string;

  @Field(() => CaseNotificationStatusEnum)
  status!: CaseNotificationStatus;

  @Field(() => GraphQLISODateTime)
  submittedAt!: Date;
}

export const MyCaseNotificationConnection = connectionType(
  'MyCaseNotification',
  MyCaseNotification,
  NetworksPolicy.readOwnSubmissions,
);
export type MyCaseNotificationConnection = Connection<MyCaseNotification>;

@ArgsType()
export class CaseNotificationArgs {
  @Field(() => ID)
  @uuid('id')
  id!: string;
}

@ArgsType()
export class CaseNotificationsArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: Country | null;

  @Field(() => CaseNotificationStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(CASE_NOTIFICATION_STATUSES)
  status?: CaseNotificationStatus | null;

  @Field(() => FormOfExploitationEnum, { nullable: true })
  @IsOptional()
  @IsIn(FORMS_OF_EXPLOITATION)
  formOfExploitation?: FormOfExploitation | null;

  @Field(() => PlaceOfExploitationEnum, { nullable: true })
  @IsOptional()
  @IsIn(PLACES_OF_EXPLOITATION)
  placeOfExploitation?: PlaceOfExploitation | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only notifications counting a minor; false: only those counting none.',
  })
  @IsOptional()
  @IsBoolean()
  hasMinors?: boolean | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Submitted at or after.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Submitted before.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@InputType()
export class SubmitCaseNotificationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'A UUID chosen by the client, to make retries safe: the same submission sent again with ' +
      'the same id changes nothing.',
  })
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field(() => ReporterKindEnum, {
    nullable: true,
    description:
      'Who reported it. By default: WATCHDOG for a watchdog, PARTNER for a partner (always), ' +
      'STAFF for staff.',
  })
  @IsOptional()
  @IsIn(REPORTER_KINDS)
  reportedBy?: ReporterKind | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The reporter’s networks record, when known: a watchdog, agent of change, women’s group ' +
      'or partner organisation id, or for a trainee the prevention activity they attended.',
  })
  @IsOptional()
  @uuid('reporterReference')
  reporterReference?: string | null;

  @Field(() => FormOfExploitationEnum)
  @IsIn(FORMS_OF_EXPLOITATION)
  formOfExploitation!: FormOfExploitation;

  @Field(() => PlaceOfExploitationEnum, {
    nullable: true,
    description:
      'The kind of place where it happened (a hidden brothel, an entertainment venue, online…), ' +
      'when known: a kind, never an address.',
  })
  @IsOptional()
  @IsIn(PLACES_OF_EXPLOITATION)
  placeOfExploitation?: PlaceOfExploitation | null;

  @Field(() => CountryEnum, {
    description: 'Where the case is: TH, LA, MM or VN; OTHER when abroad (then no province).',
  })
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => String, { nullable: true, description: 'A province or district, when known.' })
  @placeRules('province')
  province?: string | null;

  @Field(() => CountryCodeEnum, { nullable: true, description: `${DESTINATION} Only abroad.` })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'destination must be an ISO 3166-1 alpha-2 code' })
  destination?: CountryCode | null;

  @Field(() => CountryCodeEnum, { nullable: true, description: NATIONALITY })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'nationality must be an ISO 3166-1 alpha-2 code' })
  nationality?: CountryCode | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_POSSIBLE_VICTIMS)
  possibleVictims!: number;

  @Field(() => Int, { description: 'How many of the possible victims are minors.' })
  @IsInt()
  @Min(0)
  @Max(MAX_POSSIBLE_VICTIMS)
  minors!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the notification reached the alliance, if earlier than now (a call taken last ' +
      'week): the notification is dated by it. Not in the future, not before 1990; now by default.',
  })
  @IsOptional()
  @IsDate({ message: 'notifiedAt must be a date and time' })
  notifiedAt?: Date | null;
}

@InputType()
export class CaseNotificationIdInput {
  @Field(() => ID)
  @uuid('notificationId')
  notificationId!: string;
}

@InputType()
export class RejectCaseNotificationInput extends CaseNotificationIdInput {
  @Field(() => RejectionReasonEnum)
  @IsIn(CASE_NOTIFICATION_REJECTION_REASONS)
  reason!: CaseNotificationRejectionReason;
}

@InputType()
export class MarkCaseNotificationDuplicateInput extends CaseNotificationIdInput {
  @Field(() => ID, { description: 'The original notification, itself not a duplicate.' })
  @uuid('duplicateOf')
  duplicateOf!: string;
}

@ObjectType()
@Policy(NetworksPolicy.payload)
export class CaseNotificationPayload {
  @Field(() => ID)
  notificationId!: string;

  @Field(() => Int, { description: 'The version of the notification stream after the mutation.' })
  streamVersion!: number;

  @Field(() => CaseNotificationStatusEnum, {
    nullable: true,
    description: 'Its status now; null only if the read model did not catch up within 5 seconds.',
  })
  status!: CaseNotificationStatus | null;

  @Policy(NetworksPolicy.readNotifications)
  @Field(() => CaseNotification, {
    nullable: true,
    description:
      'The notification as queries now show it (not for watchdogs). Null only if the read ' +
      'model did not catch up within 5 seconds; the change is recorded all the same.',
  })
  caseNotification!: CaseNotification | null;
}
