/**
 * Legal's integration events (schema version 1): what the timeline, reports and the analysts'
 * feed may follow on the log. None carries personal data: beneficiaries and offenders are told by
 * id and coarse attributes (country of operation, sex, minor, nationality code), never by name.
 * Events holding sealed identities or document contents stay internal to the domain library.
 * Changing a shape here means a new schema version and an upcaster, never an edit in place.
 */
import type {
  AdvocacyKind,
  AdvocacyOutcome,
  CompensationSource,
  EvidenceDocumentKind,
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
} from './words';
import type { CountryCode } from '@haven/vocabulary';

/** YYYY-MM-DD: the day a fact occurred (reports count by it). */
type CalendarDate = string;

export type LegalCaseOpened = {
  type: 'LegalCaseOpened';
  data: {
    caseId: string;
    kind: LegalCaseKind;
    /** Country of operation (TH, LA, MM, VN, OTHER). */
    country: string;
    province: string | null;
    court: string | null;
    sourceProtectionCaseId: string | null;
    /**
     * Where the exploitation happened (ISO 3166-1 alpha-2), when known: "Lao victims sexually
     * exploited in Thailand". Absent from cases opened before it was asked: unknown.
     */
    exploitedIn?: CountryCode | null;
    stage: LegalCaseStage;
    openedOn: CalendarDate;
    /** The beneficiaries it is opened for (whose timelines it goes on). */
    beneficiaryIds: string[];
  };
};

export type LegalCaseBeneficiaryJoined = {
  type: 'LegalCaseBeneficiaryJoined';
  data: {
    caseId: string;
    beneficiaryId: string;
    role: PartyRole;
    country: string;
    sex: string;
    minor: boolean;
    joinedOn: CalendarDate;
  };
};

export type LegalCaseStageChanged = {
  type: 'LegalCaseStageChanged';
  data: {
    caseId: string;
    country: string;
    beneficiaryIds: string[];
    from: LegalCaseStage;
    to: LegalCaseStage;
    on: CalendarDate;
  };
};

/** An offender's status, from null when the offender is added; dated at each change. */
export type OffenderStatusChanged = {
  type: 'OffenderStatusChanged';
  data: {
    caseId: string;
    offenderId: string;
    country: string;
    /** The case's beneficiaries when it happened (whose timelines it goes on). */
    beneficiaryIds: string[];
    offenderKind: OffenderKind;
    /** ISO 3166-1 alpha-2, when known. */
    nationality: string | null;
    from: OffenderStatus | null;
    to: OffenderStatus;
    on: CalendarDate;
  };
};

export type LegalServiceOccasionRecorded = {
  type: 'LegalServiceOccasionRecorded';
  data: {
    caseId: string;
    occasionId: string;
    country: string;
    kind: ServiceOccasionKind;
    beneficiaryIds: string[];
    on: CalendarDate;
  };
};

/** A document of age or identity was verified (its content stays sealed, and out of here). */
export type EvidenceVerified = {
  type: 'EvidenceVerified';
  data: {
    caseId: string;
    documentId: string;
    beneficiaryId: string;
    country: string;
    documentKind: EvidenceDocumentKind;
    issuingCountry: string;
    verifiedBy: Verifier;
    finding: VerificationFinding;
    on: CalendarDate;
  };
};

export type VerdictRecorded = {
  type: 'VerdictRecorded';
  data: {
    caseId: string;
    offenderId: string;
    country: string;
    beneficiaryIds: string[];
    outcome: VerdictOutcome;
    /** As pronounced, and as finally imposed after reductions (a guilty plea): both kept. */
    pronounced: Sentence | null;
    final: Sentence | null;
    on: CalendarDate;
  };
};

export type VerdictAppealed = {
  type: 'VerdictAppealed';
  data: {
    caseId: string;
    offenderId: string;
    country: string;
    beneficiaryIds: string[];
    on: CalendarDate;
  };
};

export type CompensationClaimed = {
  type: 'CompensationClaimed';
  data: {
    caseId: string;
    claimId: string;
    beneficiaryId: string;
    country: string;
    source: CompensationSource;
    claimed: MoneyAmount;
    on: CalendarDate;
  };
};

export type CompensationApproved = {
  type: 'CompensationApproved';
  data: {
    caseId: string;
    claimId: string;
    beneficiaryId: string;
    country: string;
    source: CompensationSource;
    approved: MoneyAmount;
    on: CalendarDate;
  };
};

export type CompensationPaymentReceived = {
  type: 'CompensationPaymentReceived';
  data: {
    caseId: string;
    claimId: string;
    paymentId: string;
    beneficiaryId: string;
    country: string;
    source: CompensationSource;
    amount: MoneyAmount;
    on: CalendarDate;
  };
};

export type LegalCaseClosed = {
  type: 'LegalCaseClosed';
  data: { caseId: string; country: string; beneficiaryIds: string[]; on: CalendarDate };
};

export type LegalCaseReopened = {
  type: 'LegalCaseReopened';
  data: {
    caseId: string;
    country: string;
    beneficiaryIds: string[];
    stage: LegalCaseStage;
    on: CalendarDate;
  };
};

export type AdvocacyActionRecorded = {
  type: 'AdvocacyActionRecorded';
  data: {
    actionId: string;
    kind: AdvocacyKind;
    country: string;
    /** What the action is about (a law, a practice): never a person. */
    subject: string;
    partnerOrganisationIds: string[];
    outcome: AdvocacyOutcome;
    on: CalendarDate;
  };
};

export type AdvocacyOutcomeRecorded = {
  type: 'AdvocacyOutcomeRecorded';
  data: { actionId: string; country: string; outcome: AdvocacyOutcome; on: CalendarDate };
};

/** Legal's integration events on a case stream. */
export type LegalCaseIntegrationEvent =
  | LegalCaseOpened
  | LegalCaseBeneficiaryJoined
  | LegalCaseStageChanged
  | OffenderStatusChanged
  | LegalServiceOccasionRecorded
  | EvidenceVerified
  | VerdictRecorded
  | VerdictAppealed
  | CompensationClaimed
  | CompensationApproved
  | CompensationPaymentReceived
  | LegalCaseClosed
  | LegalCaseReopened;

export type AdvocacyIntegrationEvent = AdvocacyActionRecorded | AdvocacyOutcomeRecorded;

export type LegalIntegrationEvent = LegalCaseIntegrationEvent | AdvocacyIntegrationEvent;

export const LEGAL_CASE_INTEGRATION_EVENT_TYPES: readonly LegalCaseIntegrationEvent['type'][] = [
  'LegalCaseOpened',
  'LegalCaseBeneficiaryJoined',
  'LegalCaseStageChanged',
  'OffenderStatusChanged',
  'LegalServiceOccasionRecorded',
  'EvidenceVerified',
  'VerdictRecorded',
  'VerdictAppealed',
  'CompensationClaimed',
  'CompensationApproved',
  'CompensationPaymentReceived',
  'LegalCaseClosed',
  'LegalCaseReopened',
];

export const ADVOCACY_INTEGRATION_EVENT_TYPES: readonly AdvocacyIntegrationEvent['type'][] = [
  'AdvocacyActionRecorded',
  'AdvocacyOutcomeRecorded',
];

export const LEGAL_INTEGRATION_EVENT_TYPES: readonly LegalIntegrationEvent['type'][] = [
  ...LEGAL_CASE_INTEGRATION_EVENT_TYPES,
  ...ADVOCACY_INTEGRATION_EVENT_TYPES,
];
