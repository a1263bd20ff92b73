// Commands, internal events and state of a legal case. Commands arrive with their formats
// checked at the edge (ids lower-cased, dates real, text within limits): the decider holds rules.
import type { Command, CommandMetadata } from '@haven/platform/domain';
import type {
  CompensationSource,
  EvidenceDocumentKind,
  LegalCaseIntegrationEvent,
  LegalCaseKind,
  LegalCaseStage,
  MoneyAmount,
  OffenderKind,
  OffenderStatus,
  PartyRole,
  Sentence,
  ServiceOccasionKind,
  VerdictOutcome,
  VerificationFinding,
  Verifier,
} from '@haven/legal/contracts';
import type { CountryCode } from '@haven/vocabulary';

/**
 * What legal knows of a beneficiary from protection's events on the log, looked up by the
 * command's builder: the decider decides what it means.
 */
export type BeneficiaryFacts = {
  beneficiaryId: string;
  known: boolean;
  erased: boolean;
  /** Her latest LEGAL_ACTION consent: true when given and not withdrawn since. */
  legalActionConsent: boolean;
  country: string | null;
  sex: string | null;
  minor: boolean | null;
};

export type Party = { facts: BeneficiaryFacts; role: PartyRole };

type Cmd<Type extends string, Data> = Command<Type, Data> & { metadata: CommandMetadata };

export type OpenLegalCase = Cmd<
  'OpenLegalCase',
  {
    caseId: string;
    kind: LegalCaseKind;
    country: string;
    province: string | null;
    court: string | null;
    sourceProtectionCaseId: string | null;
    /** Where the exploitation happened (ISO 3166-1), when known. */
    exploitedIn: CountryCode | null;
    stage: LegalCaseStage;
    openedOn: string;
    staffLawyerIds: string[];
    lawFirmId: string | null;
    parties: Party[];
  }
>;
export type AddBeneficiaryToLegalCase = Cmd<
  'AddBeneficiaryToLegalCase',
  { caseId: string; party: Party; joinedOn: string }
>;
export type AssignLawyers = Cmd<
  'AssignLawyers',
  { caseId: string; staffLawyerIds: string[]; lawFirmId: string | null; on: string }
>;
export type ChangeLegalCaseStage = Cmd<
  'ChangeLegalCaseStage',
  { caseId: string; stage: LegalCaseStage; on: string }
>;
export type CloseLegalCase = Cmd<'CloseLegalCase', { caseId: string; on: string }>;
export type ReopenLegalCase = Cmd<
  'ReopenLegalCase',
  { caseId: string; stage: LegalCaseStage; on: string }
>;

/** Names, aliases and notes about an offender, each sealed with the offender's own key. */
export type SealedOffenderIdentity = {
  names: string | null;
  aliases: string | null;
  notes: string | null;
};

export type AddOffender = Cmd<
  'AddOffender',
  {
    caseId: string;
    offenderId: string;
    kind: OffenderKind;
    nationality: string | null;
    status: OffenderStatus;
    identity: SealedOffenderIdentity;
    on: string;
  }
>;
export type ChangeOffenderStatus = Cmd<
  'ChangeOffenderStatus',
  { caseId: string; offenderId: string; status: OffenderStatus; on: string }
>;
/**
 * An admin erases an offender's sealed identity: the offender's key is destroyed with the event,
 * so names, aliases and notes can never be opened again. Kind, statuses and verdict stay.
 */
export type EraseOffenderIdentity = Cmd<
  'EraseOffenderIdentity',
  { caseId: string; offenderId: string; reason: string }
>;
export type RecordServiceOccasion = Cmd<
  'RecordServiceOccasion',
  {
    caseId: string;
    occasionId: string;
    kind: ServiceOccasionKind;
    on: string;
    concerned: BeneficiaryFacts[];
  }
>;
export type RecordEvidenceDocument = Cmd<
  'RecordEvidenceDocument',
  {
    caseId: string;
    documentId: string;
    beneficiary: BeneficiaryFacts;
    kind: EvidenceDocumentKind;
    issuingCountry: string;
    /** The document's content, sealed with the beneficiary's key (null when none was given). */
    content: string | null;
    on: string;
  }
>;
export type VerifyEvidenceDocument = Cmd<
  'VerifyEvidenceDocument',
  {
    caseId: string;
    documentId: string;
    verifiedBy: Verifier;
    finding: VerificationFinding;
    on: string;
  }
>;
export type RecordVerdict = Cmd<
  'RecordVerdict',
  {
    caseId: string;
    offenderId: string;
    outcome: VerdictOutcome;
    pronounced: Sentence | null;
    final: Sentence | null;
    on: string;
  }
>;
export type AppealVerdict = Cmd<
  'AppealVerdict',
  { caseId: string; offenderId: string; on: string }
>;
export type ClaimCompensation = Cmd<
  'ClaimCompensation',
  {
    caseId: string;
    claimId: string;
    beneficiary: BeneficiaryFacts;
    source: CompensationSource;
    claimed: MoneyAmount;
    on: string;
  }
>;
export type ApproveCompensation = Cmd<
  'ApproveCompensation',
  { caseId: string; claimId: string; approved: MoneyAmount; on: string }
>;
export type ReceiveCompensationPayment = Cmd<
  'ReceiveCompensationPayment',
  { caseId: string; claimId: string; paymentId: string; amount: MoneyAmount; on: string }
>;

export type LegalCaseCommand =
  | OpenLegalCase
  | AddBeneficiaryToLegalCase
  | AssignLawyers
  | ChangeLegalCaseStage
  | CloseLegalCase
  | ReopenLegalCase
  | AddOffender
  | ChangeOffenderStatus
  | EraseOffenderIdentity
  | RecordServiceOccasion
  | RecordEvidenceDocument
  | VerifyEvidenceDocument
  | RecordVerdict
  | AppealVerdict
  | ClaimCompensation
  | ApproveCompensation
  | ReceiveCompensationPayment;

// ---- Internal events (they hold sealed values or staff ids: never on another service's side).

export type LawyersAssigned = {
  type: 'LawyersAssigned';
  data: { caseId: string; staffLawyerIds: string[]; lawFirmId: string | null; on: string };
};
export type OffenderAdded = {
  type: 'OffenderAdded';
  data: {
    caseId: string;
    offenderId: string;
    kind: OffenderKind;
    nationality: string | null;
    identity: SealedOffenderIdentity;
    on: string;
  };
};
/** The offender's key was destroyed: the sealed identity reads as erased, for good. */
export type OffenderIdentityErased = {
  type: 'OffenderIdentityErased';
  /** The reason is kept in clear, for the record: never personal data. */
  data: { caseId: string; offenderId: string; reason: string };
};
export type EvidenceDocumentRecorded = {
  type: 'EvidenceDocumentRecorded';
  data: {
    caseId: string;
    documentId: string;
    beneficiaryId: string;
    kind: EvidenceDocumentKind;
    issuingCountry: string;
    content: string | null;
    on: string;
  };
};

export type LegalCaseInternalEvent =
  LawyersAssigned | OffenderAdded | OffenderIdentityErased | EvidenceDocumentRecorded;
export type LegalCaseEvent = LegalCaseIntegrationEvent | LegalCaseInternalEvent;

export const LEGAL_CASE_INTERNAL_EVENT_TYPES: readonly LegalCaseInternalEvent['type'][] = [
  'LawyersAssigned',
  'OffenderAdded',
  'OffenderIdentityErased',
  'EvidenceDocumentRecorded',
];

// ---- State: only what decisions need.

export type OffenderState = {
  kind: OffenderKind;
  nationality: string | null;
  status: OffenderStatus;
  verdict: VerdictOutcome | null;
  appealed: boolean;
  identityErased: boolean;
  /** OffenderStatusChanged events so far (the first status included). */
  statusChanges: number;
};
export type ClaimState = {
  beneficiaryId: string;
  source: CompensationSource;
  currency: string;
  approved: number | null;
  paid: number;
  payments: string[];
};
export type CaseFile = {
  caseId: string;
  country: string;
  openedOn: string;
  stage: LegalCaseStage;
  /** The stage before it was closed, for the record. */
  parties: Record<string, PartyRole>;
  offenders: Record<string, OffenderState>;
  documents: Record<
    string,
    {
      beneficiaryId: string;
      kind: EvidenceDocumentKind;
      issuingCountry: string;
      verifications: number;
    }
  >;
  occasions: string[];
  claims: Record<string, ClaimState>;
};

export type LegalCaseState =
  { status: 'NONE' } | ({ status: 'OPEN' } & CaseFile) | ({ status: 'CLOSED' } & CaseFile);
