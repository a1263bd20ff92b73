// Legal's read-model rows. Each is a view for queries, never domain state or a GraphQL type:
// the app's mappers whitelist what a role sees. Sealed values stay sealed here.
import type {
  AdvocacyKind,
  AdvocacyOutcome,
  CompensationSource,
  EvidenceDocumentKind,
  LegalCaseKind,
  LegalCaseStage,
  OffenderKind,
  OffenderStatus,
  PartyRole,
  Sentence,
  ServiceOccasionKind,
  VerdictOutcome,
  VerificationFinding,
  Verifier,
} from '@haven/legal/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/** What legal knows of a beneficiary, from protection's events: enough to apply consent rules. */
@Entity({ schema: 'legal', name: 'known_beneficiaries' })
export class KnownBeneficiaryRow {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text', { nullable: true })
  country!: string | null;

  @Column('text', { nullable: true })
  sex!: string | null;

  @Column('boolean', { nullable: true })
  minor!: boolean | null;

  /** Her latest LEGAL_ACTION consent (null: never asked). */
  @Column('boolean', { name: 'legal_action_consent', nullable: true })
  legalActionConsent!: boolean | null;

  @Column('boolean')
  erased!: boolean;
}

export type CaseParty = { beneficiaryId: string; role: PartyRole; joinedOn: string };

@Entity({ schema: 'legal', name: 'legal_cases' })
export class LegalCaseRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('text')
  kind!: LegalCaseKind;

  @Column('text')
  country!: string;

  @Column('text', { nullable: true })
  province!: string | null;

  @Column('text', { nullable: true })
  court!: string | null;

  @Column('uuid', { name: 'source_protection_case_id', nullable: true })
  sourceProtectionCaseId!: string | null;

  /** Where the exploitation happened (ISO 3166-1); null when unknown. */
  @Column('text', { name: 'exploited_in', nullable: true })
  exploitedIn!: string | null;

  @Column('date', { name: 'opened_on' })
  openedOn!: string;

  @Column('int', { name: 'opened_year' })
  openedYear!: number;

  @Column('text')
  stage!: LegalCaseStage;

  @Column('date', { name: 'closed_on', nullable: true })
  closedOn!: string | null;

  @Column('text', { name: 'staff_lawyer_ids', array: true })
  staffLawyerIds!: string[];

  @Column('uuid', { name: 'law_firm_id', nullable: true })
  lawFirmId!: string | null;

  @Column('jsonb')
  parties!: CaseParty[];

  @Column('uuid', { name: 'beneficiary_ids', array: true })
  beneficiaryIds!: string[];

  /** Each offender's current status, by offender id (filters by status). */
  @Column('jsonb', { name: 'offender_statuses' })
  offenderStatuses!: Record<string, OffenderStatus>;
}

export type StatusChange = { from: OffenderStatus | null; to: OffenderStatus; on: string };

@Entity({ schema: 'legal', name: 'offenders' })
export class OffenderRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('text')
  country!: string;

  @Column('text')
  kind!: OffenderKind;

  @Column('text', { nullable: true })
  nationality!: string | null;

  @Column('text')
  status!: OffenderStatus;

  @Column('date', { name: 'status_since' })
  statusSince!: string;

  @Column('jsonb', { name: 'status_history' })
  statusHistory!: StatusChange[];

  /** Names, aliases and notes, sealed with the offender's own key (`pii:v1:…`), or null. */
  @Column('text', { name: 'sealed_names', nullable: true })
  sealedNames!: string | null;

  @Column('text', { name: 'sealed_aliases', nullable: true })
  sealedAliases!: string | null;

  @Column('text', { name: 'sealed_notes', nullable: true })
  sealedNotes!: string | null;

  @Column('text', { name: 'verdict_outcome', nullable: true })
  verdictOutcome!: VerdictOutcome | null;

  @Column('date', { name: 'verdict_on', nullable: true })
  verdictOn!: string | null;

  @Column('jsonb', { name: 'pronounced_sentence', nullable: true })
  pronouncedSentence!: Sentence | null;

  @Column('jsonb', { name: 'final_sentence', nullable: true })
  finalSentence!: Sentence | null;

  @Column('date', { name: 'appealed_on', nullable: true })
  appealedOn!: string | null;
}

@Entity({ schema: 'legal', name: 'service_occasions' })
export class ServiceOccasionRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('text')
  country!: string;

  @Column('text')
  kind!: ServiceOccasionKind;

  @Column('date')
  on!: string;

  @Column('uuid', { name: 'beneficiary_ids', array: true })
  beneficiaryIds!: string[];

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;
}

export type Verification = { verifiedBy: Verifier; finding: VerificationFinding; on: string };

@Entity({ schema: 'legal', name: 'evidence_documents' })
export class EvidenceDocumentRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  kind!: EvidenceDocumentKind;

  @Column('text', { name: 'issuing_country' })
  issuingCountry!: string;

  @Column('date', { name: 'recorded_on' })
  recordedOn!: string;

  /** Sealed with the beneficiary's key: erasing her shreds it. */
  @Column('text', { name: 'sealed_content', nullable: true })
  sealedContent!: string | null;

  @Column('jsonb')
  verifications!: Verification[];
}

export type PaymentRecord = { paymentId: string; amountMinor: number; on: string };

@Entity({ schema: 'legal', name: 'compensation_claims' })
export class CompensationClaimRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  source!: CompensationSource;

  @Column('text')
  currency!: string;

  @Column('bigint', { name: 'claimed_minor', transformer: bigintAsNumber })
  claimedMinor!: number;

  @Column('date', { name: 'claimed_on' })
  claimedOn!: string;

  @Column('bigint', { name: 'approved_minor', nullable: true, transformer: bigintAsNumber })
  approvedMinor!: number | null;

  @Column('date', { name: 'approved_on', nullable: true })
  approvedOn!: string | null;

  @Column('bigint', { name: 'paid_minor', transformer: bigintAsNumber })
  paidMinor!: number;

  @Column('jsonb')
  payments!: PaymentRecord[];
}

@Entity({ schema: 'legal', name: 'advocacy_actions' })
export class AdvocacyActionRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('text')
  kind!: AdvocacyKind;

  @Column('text')
  country!: string;

  @Column('text')
  subject!: string;

  @Column('uuid', { name: 'partner_organisation_ids', array: true })
  partnerOrganisationIds!: string[];

  @Column('text')
  outcome!: AdvocacyOutcome;

  @Column('date')
  on!: string;
}
