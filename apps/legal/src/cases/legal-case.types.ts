// The GraphQL shapes of legal cases (what a role sees): neither read-model rows nor domain state.
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  CompensationSource,
  EvidenceDocumentKind,
  LegalCaseKind,
  LegalCaseStage,
  OffenderKind,
  OffenderStatus,
  PartyRole,
  ServiceOccasionKind,
  VerdictOutcome,
  VerificationFinding,
  Verifier,
} from '@haven/legal/contracts';
import {
  connectionType,
  CountryCodeEnum,
  CountryEnum,
  Money,
  payloadType,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
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
import { LegalPolicy } from '../policies';

const DATE = 'A calendar date, YYYY-MM-DD: the day it happened.';

@ObjectType('LegalSentence', { description: 'A prison term and a fine.' })
@Policy(LegalPolicy.readCases)
export class Sentence {
  @Field(() => Int)
  termYears!: number;

  @Field(() => Int)
  termMonths!: number;

  @Field(() => Money, { nullable: true })
  fine!: Money | null;
}

@ObjectType()
@Policy(LegalPolicy.readCases)
export class LegalCaseParty {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => PartyRoleEnum)
  role!: PartyRole;

  @Field({ description: DATE })
  joinedOn!: string;
}

@ObjectType({ description: 'A dated change of an offender’s status (from is null when added).' })
@Policy(LegalPolicy.readCases)
export class OffenderStatusChange {
  @Field(() => OffenderStatusEnum, { nullable: true })
  from!: OffenderStatus | null;

  @Field(() => OffenderStatusEnum)
  to!: OffenderStatus;

  @Field({ description: DATE })
  on!: string;
}

@ObjectType({ description: 'A verdict: the sentence as pronounced and as finally imposed.' })
@Policy(LegalPolicy.readCases)
export class Verdict {
  @Field(() => VerdictOutcomeEnum)
  outcome!: VerdictOutcome;

  @Field({ description: DATE })
  on!: string;

  @Field(() => Sentence, { nullable: true })
  pronounced!: Sentence | null;

  @Field(() => Sentence, { nullable: true, description: 'After reductions (a guilty plea).' })
  final!: Sentence | null;

  @Field(() => String, { nullable: true, description: 'When it was appealed.' })
  appealedOn!: string | null;
}

@ObjectType({
  description:
    'An offender: kind, nationality, status and verdict. The identity is sealed: read it with ' +
    '`offenderIdentity` (legal officers and admins; every read is logged).',
})
@Policy(LegalPolicy.readCases)
export class Offender {
  @Field(() => ID)
  id!: string;

  @Field(() => OffenderKindEnum)
  kind!: OffenderKind;

  @Field(() => CountryCodeEnum, { nullable: true })
  nationality!: string | null;

  @Field(() => OffenderStatusEnum)
  status!: OffenderStatus;

  @Field({ description: DATE })
  statusSince!: string;

  // Resolved with its cap (capped-lists.ts).
  statusHistory!: OffenderStatusChange[];

  @Field(() => Verdict, { nullable: true })
  verdict!: Verdict | null;
}

@ObjectType()
@Policy(LegalPolicy.readCases)
export class LegalServiceOccasion {
  @Field(() => ID)
  id!: string;

  @Field(() => ServiceOccasionKindEnum)
  kind!: ServiceOccasionKind;

  @Field({ description: DATE })
  on!: string;

  @Field(() => [ID])
  beneficiaryIds!: string[];
}

@ObjectType({ description: 'Who verified a document, what they found, and when.' })
@Policy(LegalPolicy.readCases)
export class EvidenceVerification {
  @Field(() => VerifierEnum)
  verifiedBy!: Verifier;

  @Field(() => VerificationFindingEnum)
  finding!: VerificationFinding;

  @Field({ description: DATE })
  on!: string;
}

@ObjectType({ description: 'A document of age or identity (its content stays sealed).' })
@Policy(LegalPolicy.readCases)
export class EvidenceDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => EvidenceDocumentKindEnum)
  kind!: EvidenceDocumentKind;

  @Field(() => CountryCodeEnum)
  issuingCountry!: string;

  @Field({ description: DATE })
  recordedOn!: string;

  // Resolved with its cap (capped-lists.ts).
  verifications!: EvidenceVerification[];
}

@ObjectType()
@Policy(LegalPolicy.readCases)
export class CompensationPayment {
  @Field(() => ID)
  id!: string;

  @Field(() => Money)
  amount!: Money;

  @Field({ description: DATE })
  on!: string;
}

@ObjectType({ description: 'Compensation for one beneficiary from one source.' })
@Policy(LegalPolicy.readCases)
export class CompensationClaim {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => CompensationSourceEnum)
  source!: CompensationSource;

  @Field(() => Money)
  claimed!: Money;

  @Field({ description: DATE })
  claimedOn!: string;

  @Field(() => Money, { nullable: true })
  approved!: Money | null;

  @Field(() => String, { nullable: true })
  approvedOn!: string | null;

  @Field(() => Money)
  paid!: Money;

  // Resolved with its cap (capped-lists.ts).
  payments!: CompensationPayment[];
}

@ObjectType({
  description:
    'A legal case: its beneficiaries (who consented to legal action), offenders, service ' +
    'occasions, evidence, verdicts and compensation. Legal officers reach those of their countries.',
})
@Policy(LegalPolicy.readCases)
export class LegalCase {
  @Field(() => ID)
  id!: string;

  @Field(() => LegalCaseKindEnum)
  kind!: LegalCaseKind;

  @Field(() => CountryEnum, { description: 'The country of operation whose court hears it.' })
  country!: string;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => String, { nullable: true })
  court!: string | null;

  @Field(() => ID, { nullable: true })
  sourceProtectionCaseId!: string | null;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description: 'Where the exploitation happened (ISO 3166-1); null when unknown.',
  })
  exploitedIn!: string | null;

  @Field({ description: DATE })
  openedOn!: string;

  @Field(() => LegalCaseStageEnum)
  stage!: LegalCaseStage;

  @Field(() => String, { nullable: true })
  closedOn!: string | null;

  @Field(() => [String], { description: 'Staff lawyers (user ids).' })
  staffLawyerIds!: string[];

  @Field(() => ID, { nullable: true, description: 'A partner law firm (networks’ partner id).' })
  lawFirmId!: string | null;

  // Resolved with its cap (capped-lists.ts).
  parties!: LegalCaseParty[];
}

export const LegalCaseConnection = connectionType('LegalCase', LegalCase, LegalPolicy.readCases);
export const LegalCasePayload = payloadType('LegalCasePayload', LegalCase);
/** A case's service occasions grow for as long as it runs (years): they come in pages. */
export const LegalServiceOccasionConnection = connectionType(
  'LegalServiceOccasion',
  LegalServiceOccasion,
  LegalPolicy.readCases,
);

@ObjectType({ description: 'An offender’s identity, opened for you and logged as read.' })
@Policy(LegalPolicy.readOffenderIdentity)
export class OffenderIdentity {
  @Field(() => ID)
  offenderId!: string;

  @Field(() => String, { nullable: true })
  names!: string | null;

  @Field(() => String, { nullable: true })
  aliases!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field({ description: 'The offender’s key was destroyed: nothing can be read any more.' })
  erased!: boolean;
}
