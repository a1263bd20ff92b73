/**
 * What other services and Kafka consumers may rely on about empowerment: the enrolment stream
 * and its integration events, by their stable type strings (schema version 2 where a type says
 * so; `EMPOWERMENT_UPCASTERS` read version 1). No personal data in clear: ids, dates, kinds and
 * amounts, with the coarse attributes reports count by (country of operation, sex, minor,
 * nationality code, age in whole years: ADR 21). Free text (counselling notes) stays in
 * empowerment's domain, sealed; a safe accommodation's place travels only sealed.
 * Changing a shape here means a new schema version and an upcaster, never an edit in place.
 */
import type { Country, CountryCode, Sex } from '@haven/vocabulary';
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

/**
 * The coarse statistical attributes of the person on the day of the fact (ADR 21), so that the
 * annual report counts by them without a key: the nationality (ISO 3166-1 alpha-2) and the age in
 * whole years; each null when protection did not know it. Added in schema version 2.
 */
export type Statistics = { nationality: CountryCode | null; ageYears: number | null };

/** From one day to another, both included (YYYY-MM-DD, `from` not after `to`). */
export type Period = { from: string; to: string };

/** Schema version 2: the statistical attributes (v1 events read with them unknown). */
export type BeneficiaryEnrolled = {
  type: 'BeneficiaryEnrolled';
  schemaVersion?: 2;
  data: OfEnrolment &
    Statistics & {
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

/**
 * A service given on `providedOn` by a staff member (`providedBy`, a user id). Schema version 2
 * adds the statistical attributes, what a placement, a tuition or allowance and a safe
 * accommodation record (each null for other kinds), and `minor` on the day it was given.
 */
export type EmpowermentServiceRecorded = {
  type: 'EmpowermentServiceRecorded';
  schemaVersion?: 2;
  data: OfEnrolment &
    Statistics & {
      serviceId: string;
      kind: ServiceKind;
      mode: ServiceMode | null;
      activity: RehabilitationActivity | null;
      outcome: ServiceOutcome | null;
      /** JOB_PLACEMENT: the employer, one of networks' partner organisations. */
      partnerOrganisationId: string | null;
      /** JOB_PLACEMENT: the job (a title such as "Sewing machine operator", never a name). */
      occupation: string | null;
      /** TUITION_FEES, LIVING_ALLOWANCE, VOCATIONAL_TRAINING: the school or training centre. */
      institution: string | null;
      /** TUITION_FEES, LIVING_ALLOWANCE, SAFE_ACCOMMODATION, VOCATIONAL_TRAINING: the period. */
      period: Period | null;
      /** TUITION_FEES, LIVING_ALLOWANCE: the amount paid for the period. */
      amount: Amount | null;
      /**
       * SAFE_ACCOMMODATION: where she stayed, sealed with her data key (`pii:v1:…`, field
       * `accommodationPlace`): a shelter's address puts her at risk, so it is never in clear.
       */
      sealedPlace: string | null;
      minor: boolean;
      providedOn: string;
      providedBy: string;
    };
};

/** Schema version 2 adds the statistical attributes and `minor` on the day of the follow-up. */
export type FollowUpRecorded = {
  type: 'FollowUpRecorded';
  schemaVersion?: 2;
  data: OfEnrolment &
    Statistics & {
      /** Null on version 1 events (unknown). */
      minor: boolean | null;
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
  schemaVersion?: 2;
  data: OfEnrolment & Statistics & { sex: Sex; minor: boolean; completedOn: string };
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
