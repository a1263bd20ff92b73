/**
 * What other services and Kafka consumers may rely on about empowerment: the enrolment stream
 * and its integration events, by their stable type strings (schema version 1). No personal data:
 * ids, dates, kinds and amounts, with the coarse attributes reports count by (country of
 * operation, sex, minor). Free text (counselling notes) stays in empowerment's domain, sealed.
 * Changing a shape here means a new schema version and an upcaster, never an edit in place.
 */
import type { Country, Sex } from '@haven/vocabulary';
import type {
  ClosureReason,
  FollowUpChannel,
  FollowUpRhythm,
  GrantPurpose,
  PlanGoal,
  RehabilitationActivity,
  ServiceKind,
  ServiceMode,
  ServiceOutcome,
  SettingKind,
} from './vocabulary';

/** Stream category of an enrolment: `empowermentenrolment-<uuid>`. */
export const ENROLMENT_CATEGORY = 'empowermentenrolment';

export function enrolmentStreamId(enrolmentId: string): string {
  return `${ENROLMENT_CATEGORY}-${enrolmentId}`;
}

/** Where the person is supported: a shelter (which one, run by government or not) or home. */
export type Setting = {
  kind: SettingKind;
  /** SHELTER: the shelter's name (an institution, not a person). */
  shelterName: string | null;
  /** SHELTER: run by the government (true) or by the alliance or a partner (false). */
  governmentRun: boolean | null;
  /** COMMUNITY: where the person lives now (the country is the enrolment's). */
  province: string | null;
  district: string | null;
};

type OfEnrolment = { enrolmentId: string; beneficiaryId: string; country: Country };

export type BeneficiaryEnrolled = {
  type: 'BeneficiaryEnrolled';
  data: OfEnrolment & {
    sex: Sex;
    minor: boolean;
    setting: Setting;
    /** YYYY-MM-DD. */
    enrolledOn: string;
  };
};

/** The person moved, e.g. from the shelter home to community follow-up. */
export type EnrolmentSettingChanged = {
  type: 'EnrolmentSettingChanged';
  data: OfEnrolment & { setting: Setting; changedOn: string };
};

export type ReintegrationPlanAgreed = {
  type: 'ReintegrationPlanAgreed';
  data: OfEnrolment & {
    goals: PlanGoal[];
    followUpRhythm: FollowUpRhythm;
    /** YYYY-MM-DD, ascending. */
    reviewDates: string[];
    agreedOn: string;
  };
};

/** A service given on `providedOn` by a staff member (`providedBy`, a user id). */
export type EmpowermentServiceRecorded = {
  type: 'EmpowermentServiceRecorded';
  data: OfEnrolment & {
    serviceId: string;
    kind: ServiceKind;
    mode: ServiceMode | null;
    activity: RehabilitationActivity | null;
    outcome: ServiceOutcome | null;
    /** JOB_PLACEMENT: the employer, one of networks' partner organisations. */
    partnerOrganisationId: string | null;
    minor: boolean;
    providedOn: string;
    providedBy: string;
  };
};

export type FollowUpRecorded = {
  type: 'FollowUpRecorded';
  data: OfEnrolment & {
    followUpId: string;
    channel: FollowUpChannel;
    reached: boolean;
    followedUpOn: string;
    /** After `followedUpOn`; null when no further follow-up is planned. */
    nextFollowUpOn: string | null;
    providedBy: string;
  };
};

/** Money as whole minor units of an ISO 4217 currency. */
export type Amount = { amountMinor: number; currency: string };

export type SmallGrantApproved = {
  type: 'SmallGrantApproved';
  data: OfEnrolment & {
    grantId: string;
    purpose: GrantPurpose;
    amount: Amount;
    approvedOn: string;
  };
};

export type SmallGrantDisbursed = {
  type: 'SmallGrantDisbursed';
  data: OfEnrolment & { grantId: string; amount: Amount; disbursedOn: string };
};

/**
 * The person completed agent-of-change training: networks registers them as an agent of change
 * (idempotently, from this event on the log).
 */
export type AgentOfChangeTrainingCompleted = {
  type: 'AgentOfChangeTrainingCompleted';
  data: OfEnrolment & { sex: Sex; minor: boolean; completedOn: string };
};

export type EnrolmentClosed = {
  type: 'EnrolmentClosed';
  data: OfEnrolment & { reason: ClosureReason; closedOn: string };
};

export type EmpowermentIntegrationEvent =
  | BeneficiaryEnrolled
  | EnrolmentSettingChanged
  | ReintegrationPlanAgreed
  | EmpowermentServiceRecorded
  | FollowUpRecorded
  | SmallGrantApproved
  | SmallGrantDisbursed
  | AgentOfChangeTrainingCompleted
  | EnrolmentClosed;

export const EMPOWERMENT_INTEGRATION_EVENT_TYPES: readonly EmpowermentIntegrationEvent['type'][] = [
  'BeneficiaryEnrolled',
  'EnrolmentSettingChanged',
  'ReintegrationPlanAgreed',
  'EmpowermentServiceRecorded',
  'FollowUpRecorded',
  'SmallGrantApproved',
  'SmallGrantDisbursed',
  'AgentOfChangeTrainingCompleted',
  'EnrolmentClosed',
];
