import type {
  Amount,
  ClosureReason,
  EmpowermentIntegrationEvent,
  FollowUpChannel,
  FollowUpRhythm,
  GrantPurpose,
  PlanGoal,
  RehabilitationActivity,
  ServiceKind,
  ServiceMode,
  Period,
  ServiceOutcome,
  Setting,
} from '@haven/empowerment/contracts';
import type { CommandMetadata } from '@haven/platform/domain';
import type { Country, CountryCode, Sex } from '@haven/vocabulary';

// ---- Internal events (not for other services). -------------------------------------------

export const NOTE_TOPICS = ['COUNSELLING', 'FAMILY_SITUATION'] as const;
export type NoteTopic = (typeof NOTE_TOPICS)[number];

/**
 * Free text about the person (a counselling note, the family situation), sealed with the
 * person's data key before it reaches the domain: erasing the person makes it unreadable.
 */
export type EmpowermentNoteRecorded = {
  type: 'EmpowermentNoteRecorded';
  data: {
    enrolmentId: string;
    beneficiaryId: string;
    noteId: string;
    topic: NoteTopic;
    writtenOn: string;
    /** `pii:v1:…`, sealed for the beneficiary and the field `note`. */
    sealedText: string;
    /**
     * An HMAC of the author and the plain text under a key derived from the beneficiary's data
     * key: the same author sending the same text again makes the same digest (a retry), while
     * the sealed text differs at each seal. Absent from notes recorded before it was kept.
     */
    textDigest?: string;
  };
};

export type EnrolmentEvent = EmpowermentIntegrationEvent | EmpowermentNoteRecorded;

export const ENROLMENT_EVENT_TYPES: readonly EnrolmentEvent['type'][] = [
  'BeneficiaryEnrolled',
  'EnrolmentSettingChanged',
  'ReintegrationPlanAgreed',
  'EmpowermentServiceRecorded',
  'FollowUpRecorded',
  'SmallGrantApproved',
  'SmallGrantDisbursed',
  'AgentOfChangeTrainingCompleted',
  'EnrolmentClosed',
  'EmpowermentNoteRecorded',
];

// ---- Commands. ---------------------------------------------------------------------------

/** What the command step found about the beneficiary in protection's events on the log. */
export type BeneficiaryFacts = {
  known: boolean;
  /** The latest SERVICES consent was given (not withdrawn). */
  servicesConsent: boolean;
  erased: boolean;
  country: Country | null;
  sex: Sex | null;
  minor: boolean | null;
  /** ISO 3166-1 nationality, for statistics (ADR 21); null when unknown. */
  nationality: CountryCode | null;
  /** Whole years on `ageOn` (the day protection registered them); null when unknown. */
  ageYears: number | null;
  ageOn: string | null;
};

type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };
/** Whether the beneficiary was erased, as the command step found it. */
type Erasure = { erased: boolean };

export type EnrolBeneficiary = Cmd<
  'EnrolBeneficiary',
  {
    enrolmentId: string;
    beneficiaryId: string;
    setting: Setting;
    enrolledOn: string;
    beneficiary: BeneficiaryFacts;
  }
>;
export type ChangeEnrolmentSetting = Cmd<
  'ChangeEnrolmentSetting',
  Erasure & { setting: Setting; changedOn: string }
>;
export type AgreeReintegrationPlan = Cmd<
  'AgreeReintegrationPlan',
  Erasure & {
    goals: PlanGoal[];
    followUpRhythm: FollowUpRhythm;
    reviewDates: string[];
    agreedOn: string;
  }
>;
export type RecordEmpowermentService = Cmd<
  'RecordEmpowermentService',
  Erasure & {
    serviceId: string;
    kind: ServiceKind;
    mode: ServiceMode | null;
    activity: RehabilitationActivity | null;
    outcome: ServiceOutcome | null;
    partnerOrganisationId: string | null;
    /** Whether networks registered the employer, as the command step found it on the log. */
    employerRegistered: boolean;
    occupation: string | null;
    institution: string | null;
    period: Period | null;
    amount: Amount | null;
    /** The place, sealed by the command step with the person's key (`pii:v1:…`). */
    sealedPlace: string | null;
    providedOn: string;
    providedBy: string;
  }
>;
export type RecordFollowUp = Cmd<
  'RecordFollowUp',
  Erasure & {
    followUpId: string;
    channel: FollowUpChannel;
    reached: boolean;
    followedUpOn: string;
    nextFollowUpOn: string | null;
    providedBy: string;
  }
>;
export type ApproveSmallGrant = Cmd<
  'ApproveSmallGrant',
  Erasure & { grantId: string; purpose: GrantPurpose; amount: Amount; approvedOn: string }
>;
export type DisburseSmallGrant = Cmd<
  'DisburseSmallGrant',
  Erasure & { grantId: string; amount: Amount; disbursedOn: string }
>;
export type CompleteAgentOfChangeTraining = Cmd<
  'CompleteAgentOfChangeTraining',
  Erasure & { completedOn: string }
>;
export type RecordEmpowermentNote = Cmd<
  'RecordEmpowermentNote',
  Erasure & {
    noteId: string;
    topic: NoteTopic;
    writtenOn: string;
    sealedText: string;
    /** See EmpowermentNoteRecorded's `textDigest`: made where the text is sealed. */
    textDigest: string;
  }
>;
export type CloseEnrolment = Cmd<'CloseEnrolment', { reason: ClosureReason; closedOn: string }>;

export type EnrolmentCommand =
  | EnrolBeneficiary
  | ChangeEnrolmentSetting
  | AgreeReintegrationPlan
  | RecordEmpowermentService
  | RecordFollowUp
  | ApproveSmallGrant
  | DisburseSmallGrant
  | CompleteAgentOfChangeTraining
  | RecordEmpowermentNote
  | CloseEnrolment;

// ---- State: only what decisions need. ------------------------------------------------------

type Enrolled = {
  enrolmentId: string;
  beneficiaryId: string;
  country: Country;
  sex: Sex;
  minor: boolean;
  nationality: CountryCode | null;
  /** Whole years on `enrolledOn`; later facts add the whole years since. */
  ageYears: number | null;
  enrolledOn: string;
  /** The first enrolment's facts, to recognise a retry. */
  enrolment: Record<string, unknown>;
  setting: Setting;
  plan: Record<string, unknown> | null;
  /** Services, follow-ups, notes and grant approvals by id: their facts, to recognise retries. */
  records: Record<string, Record<string, unknown>>;
  grants: Record<string, { approved: Amount; disbursed: Amount | null }>;
  trainedOn: string | null;
};

export type EnrolmentState =
  | { status: 'NONE' }
  | ({ status: 'OPEN' } & Enrolled)
  | ({ status: 'CLOSED'; reason: ClosureReason; closedOn: string } & Enrolled);
