// Mutation inputs: formats checked here (class-validator) before anything runs; rules are the
// decider's. Messages name the field, never the value.
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  COMPENSATION_SOURCES,
  EVIDENCE_DOCUMENT_KINDS,
  LEGAL_CASE_KINDS,
  LEGAL_CASE_STAGES,
  OFFENDER_KINDS,
  OFFENDER_STATUSES,
  PARTY_ROLES,
  SERVICE_OCCASION_KINDS,
  VERDICT_OUTCOMES,
  VERIFICATION_FINDINGS,
  VERIFIERS,
  type CompensationSource,
  type EvidenceDocumentKind,
  type LegalCaseKind,
  type LegalCaseStage,
  type OffenderKind,
  type OffenderStatus,
  type PartyRole,
  type ServiceOccasionKind,
  type VerdictOutcome,
  type VerificationFinding,
  type Verifier,
} from '@haven/legal/contracts';
import {
  CountryCodeEnum,
  CountryEnum,
  DayOfFactField,
  IsId,
  IsShorterThan,
  MoneyField,
  MoneyInput,
  PageArgs,
} from '@haven/platform/nest';
import { COUNTRIES, COUNTRY_CODES, type CountryCode } from '@haven/vocabulary';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CompensationSourceEnum,
  EvidenceDocumentKindEnum,
  LegalCaseKindEnum,
  LegalCaseStageEnum,
  OffenderKindEnum,
  OffenderStatusEnum,
  PartyRoleEnum,
  ServiceOccasionKindEnum,
  VerdictOutcomeEnum,
  VerificationFindingEnum,
  VerifierEnum,
} from '../enums';

export const LIMITS = { place: 200, names: 500, notes: 5000, content: 10_000, parties: 50 };
@InputType('LegalSentenceInput')
export class SentenceInput {
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'termYears must be 0 or more' })
  @Max(99, { message: 'termYears must be at most 99' })
  termYears!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'termMonths must be 0 or more' })
  @Max(11, { message: 'termMonths must be at most 11' })
  termMonths!: number;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  fine?: MoneyInput | null;
}

@InputType()
export class PartyInput {
  @Field(() => ID)
  @IsId('beneficiaryId')
  beneficiaryId!: string;

  @Field(() => PartyRoleEnum)
  @IsIn(PARTY_ROLES)
  role!: PartyRole;
}

@InputType()
export class OpenLegalCaseInput {
  @Field(() => LegalCaseKindEnum)
  @IsIn(LEGAL_CASE_KINDS)
  kind!: LegalCaseKind;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('province', LIMITS.place)
  province?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('court', LIMITS.place)
  court?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('sourceProtectionCaseId')
  sourceProtectionCaseId?: string | null;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description:
      'Where the exploitation happened (ISO 3166-1), when known: TH for Lao victims exploited ' +
      'in Thailand. Apart from the country of operation.',
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'exploitedIn must be an ISO 3166-1 alpha-2 code' })
  exploitedIn?: CountryCode | null;

  @Field(() => LegalCaseStageEnum, { defaultValue: 'REPORTED_TO_POLICE' })
  @IsIn(LEGAL_CASE_STAGES)
  stage!: LegalCaseStage;

  @DayOfFactField()
  openedOn!: string;

  @Field(() => [String], { defaultValue: [], description: 'Staff lawyers (user ids).' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true, message: 'staffLawyerIds must each be at most 200 characters' })
  staffLawyerIds!: string[];

  @Field(() => ID, { nullable: true, description: 'A partner law firm (networks’ partner id).' })
  @IsOptional()
  @IsId('lawFirmId')
  lawFirmId?: string | null;

  @Field(() => [PartyInput])
  @ArrayMinSize(1, { message: 'parties must name at least one beneficiary' })
  @ArrayMaxSize(LIMITS.parties)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties!: PartyInput[];
}

@InputType()
class CaseInput {
  @Field(() => ID)
  @IsId('caseId')
  caseId!: string;
}

@InputType()
export class AddBeneficiaryToLegalCaseInput extends CaseInput {
  @Field(() => PartyInput)
  @ValidateNested()
  @Type(() => PartyInput)
  party!: PartyInput;

  @DayOfFactField()
  joinedOn!: string;
}

@InputType()
export class AssignLawyersInput extends CaseInput {
  @Field(() => [String])
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true, message: 'staffLawyerIds must each be at most 200 characters' })
  staffLawyerIds!: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('lawFirmId')
  lawFirmId?: string | null;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class ChangeLegalCaseStageInput extends CaseInput {
  @Field(() => LegalCaseStageEnum)
  @IsIn(LEGAL_CASE_STAGES)
  stage!: LegalCaseStage;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class CloseLegalCaseInput extends CaseInput {
  @DayOfFactField()
  on!: string;
}

@InputType()
export class OffenderIdentityInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('names', LIMITS.names)
  names?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('aliases', LIMITS.names)
  aliases?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsShorterThan('notes', LIMITS.notes)
  notes?: string | null;
}

@InputType()
export class AddOffenderInput extends CaseInput {
  @Field(() => OffenderKindEnum)
  @IsIn(OFFENDER_KINDS)
  kind!: OffenderKind;

  @Field(() => CountryCodeEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRY_CODES)
  nationality?: string | null;

  @Field(() => OffenderStatusEnum, { defaultValue: 'UNDER_INVESTIGATION' })
  @IsIn(OFFENDER_STATUSES)
  status!: OffenderStatus;

  @Field(() => OffenderIdentityInput, {
    nullable: true,
    description: 'Sealed with the offender’s own key.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OffenderIdentityInput)
  identity?: OffenderIdentityInput | null;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class ChangeOffenderStatusInput extends CaseInput {
  @Field(() => ID)
  @IsId('offenderId')
  offenderId!: string;

  @Field(() => OffenderStatusEnum)
  @IsIn(OFFENDER_STATUSES)
  status!: OffenderStatus;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class RecordServiceOccasionInput extends CaseInput {
  @Field(() => ServiceOccasionKindEnum)
  @IsIn(SERVICE_OCCASION_KINDS)
  kind!: ServiceOccasionKind;

  @DayOfFactField()
  on!: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'beneficiaryIds must name at least one beneficiary' })
  @ArrayMaxSize(LIMITS.parties)
  @IsUUID('all', { each: true, message: 'beneficiaryIds must be UUIDs' })
  beneficiaryIds!: string[];
}

@InputType()
export class RecordEvidenceDocumentInput extends CaseInput {
  @Field(() => ID)
  @IsId('beneficiaryId')
  beneficiaryId!: string;

  @Field(() => EvidenceDocumentKindEnum)
  @IsIn(EVIDENCE_DOCUMENT_KINDS)
  kind!: EvidenceDocumentKind;

  @Field(() => CountryCodeEnum)
  @IsIn(COUNTRY_CODES)
  issuingCountry!: string;

  @Field(() => String, { nullable: true, description: 'What it says: sealed with her key.' })
  @IsOptional()
  @IsString()
  @IsShorterThan('content', LIMITS.content)
  content?: string | null;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class VerifyEvidenceDocumentInput extends CaseInput {
  @Field(() => ID)
  @IsId('documentId')
  documentId!: string;

  @Field(() => VerifierEnum)
  @IsIn(VERIFIERS)
  verifiedBy!: Verifier;

  @Field(() => VerificationFindingEnum)
  @IsIn(VERIFICATION_FINDINGS)
  finding!: VerificationFinding;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class RecordVerdictInput extends CaseInput {
  @Field(() => ID)
  @IsId('offenderId')
  offenderId!: string;

  @Field(() => VerdictOutcomeEnum)
  @IsIn(VERDICT_OUTCOMES)
  outcome!: VerdictOutcome;

  @Field(() => SentenceInput, { nullable: true, description: 'As pronounced.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SentenceInput)
  pronounced?: SentenceInput | null;

  @Field(() => SentenceInput, { nullable: true, description: 'After reductions, if any.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SentenceInput)
  final?: SentenceInput | null;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class AppealVerdictInput extends CaseInput {
  @Field(() => ID)
  @IsId('offenderId')
  offenderId!: string;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class ClaimCompensationInput extends CaseInput {
  @Field(() => ID)
  @IsId('beneficiaryId')
  beneficiaryId!: string;

  @Field(() => CompensationSourceEnum)
  @IsIn(COMPENSATION_SOURCES)
  source!: CompensationSource;

  @MoneyField()
  claimed!: MoneyInput;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class ApproveCompensationInput extends CaseInput {
  @Field(() => ID)
  @IsId('claimId')
  claimId!: string;

  @MoneyField()
  approved!: MoneyInput;

  @DayOfFactField()
  on!: string;
}

@InputType()
export class ReceiveCompensationPaymentInput extends CaseInput {
  @Field(() => ID)
  @IsId('claimId')
  claimId!: string;

  @MoneyField()
  amount!: MoneyInput;

  @DayOfFactField()
  on!: string;
}

@ArgsType()
export class LegalCaseArgs {
  @Field(() => ID)
  @IsId('id')
  id!: string;
}

@ArgsType()
export class LegalCasesArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string | null;

  @Field(() => Int, { nullable: true, description: 'Opened in this year.' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2200)
  yearOpened?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Ongoing in this year: opened in an earlier year and not closed before it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2200)
  ongoingIn?: number | null;

  @Field(() => LegalCaseStageEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEGAL_CASE_STAGES)
  stage?: LegalCaseStage | null;

  @Field(() => LegalCaseKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEGAL_CASE_KINDS)
  kind?: LegalCaseKind | null;

  @Field(() => OffenderStatusEnum, { nullable: true, description: 'Has an offender with it.' })
  @IsOptional()
  @IsIn(OFFENDER_STATUSES)
  offenderStatus?: OffenderStatus | null;
}

@ArgsType()
export class OffenderIdentityArgs {
  @Field(() => ID)
  @IsId('offenderId')
  offenderId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why you read it (written to the access log).',
  })
  @IsOptional()
  @IsString()
  @IsShorterThan('purpose', 200)
  purpose?: string | null;
}
