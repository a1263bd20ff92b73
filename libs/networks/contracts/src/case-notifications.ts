/**
 * What other services may rely on about networks' case notifications: the stream naming, the
 * vocabulary, and the integration event protection follows on the log to open a case. Changing a
 * shape here means a new schema version and an upcaster, never an edit in place. No event here
 * carries personal data: a notification counts possible victims, it never names them.
 */

/** Stream category of a case notification: `casenotification-<uuid>`. */
export const CASE_NOTIFICATION_CATEGORY = 'casenotification';

export function caseNotificationStreamId(notificationId: string): string {
  return `${CASE_NOTIFICATION_CATEGORY}-${notificationId}`;
}

import type { CountryCode, FormOfExploitation, PlaceOfExploitation } from '@haven/vocabulary';

// Shared words, the vocabulary's; re-exported for existing callers.
export {
  FORMS_OF_EXPLOITATION,
  PLACES_OF_EXPLOITATION,
  type FormOfExploitation,
  type PlaceOfExploitation,
} from '@haven/vocabulary';

/** Who reported a case: a watchdog, an agent of change, a women's group, a partner, a trainee, staff. */
export const REPORTER_KINDS = [
  'WATCHDOG',
  'AGENT_OF_CHANGE',
  'WOMENS_GROUP',
  'PARTNER',
  'TRAINEE',
  'STAFF',
] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/**
 * A validated notification was referred to protection, which opens a case from it (schema
 * version 1). This is the integration event: protection reads it from the global log (category
 * `casenotification`), never through a call to networks. Protection derives the case id from the
 * notification id, so a referral read twice opens one case.
 */
export type CaseNotificationReferred = {
  type: 'CaseNotificationReferred';
  data: {
    notificationId: string;
    /** Where the exploitation happened: an ISO code (TH, LA, MM, VN) or OTHER when abroad elsewhere. */
    country: string;
    /** The province, when known; null when abroad or unknown. */
    province: string | null;
    abroad: boolean;
    /**
     * Where abroad (ISO 3166-1), when abroad and the reporter said; absent in referrals recorded
     * before it was asked: read as null.
     */
    destination?: CountryCode | null;
    formOfExploitation: FormOfExploitation;
    /**
     * The kind of place where it happened (a hidden brothel, online…), when the reporter said;
     * absent in referrals recorded before it was asked: read as null.
     */
    placeOfExploitation?: PlaceOfExploitation | null;
    possibleVictims: number;
    minors: number;
    reportedBy: ReporterKind;
    /** ISO 8601 instant. */
    referredAt: string;
  };
};

export const CASE_NOTIFICATION_REFERRED = 'CaseNotificationReferred';

/**
 * Where a notification stands. SUBMITTED until a coordinator decides: VALIDATED (a real case),
 * REJECTED or DUPLICATE (both final); a validated notification becomes REFERRED once protection
 * has been given it.
 */
export const CASE_NOTIFICATION_STATUSES = [
  'SUBMITTED',
  'VALIDATED',
  'REJECTED',
  'DUPLICATE',
  'REFERRED',
] as const;
export type CaseNotificationStatus = (typeof CASE_NOTIFICATION_STATUSES)[number];

/**
 * Why a notification was rejected: a closed list, never free text, so that no rejection can
 * carry what a person said or who they are.
 */
export const CASE_NOTIFICATION_REJECTION_REASONS = [
  /** Checked: no exploitation or trafficking. */
  'NOT_A_CASE',
  /** Too little to act on, and the reporter could not add more. */
  'INSUFFICIENT_INFORMATION',
  /** Could not be verified on the ground or with the authorities. */
  'NOT_VERIFIABLE',
  /** Real, but not the alliance's to handle (another organisation's mandate). */
  'OUTSIDE_MANDATE',
  'OTHER',
] as const;
export type CaseNotificationRejectionReason = (typeof CASE_NOTIFICATION_REJECTION_REASONS)[number];

/**
 * A case was notified (schema version 1). Structured facts only: who reported it by kind and
 * network reference, never a description or a name. Who entered it is in the event's metadata.
 */
export type CaseNotificationSubmitted = {
  type: 'CaseNotificationSubmitted';
  data: {
    notificationId: string;
    reportedBy: ReporterKind;
    /**
     * The networks record of the reporter, when known: a watchdog, agent of change, women's group
     * or partner organisation id, or for a trainee the prevention activity they attended. Never a
     * beneficiary id.
     */
    reporterReference: string | null;
    formOfExploitation: FormOfExploitation;
    /**
     * The kind of place where it happened, when the reporter said; absent in notifications
     * recorded before it was asked: read as null.
     */
    placeOfExploitation?: PlaceOfExploitation | null;
    /** TH, LA, MM or VN; OTHER when abroad (outside those countries). */
    country: string;
    /** Free text naming a place, when known; always null abroad. */
    province: string | null;
    abroad: boolean;
    /**
     * Where abroad (ISO 3166-1: BE for a Thai woman exploited in Belgium), when abroad and the
     * reporter said; absent in notifications recorded before it was asked: read as null.
     */
    destination?: CountryCode | null;
    /**
     * The possible victims' nationality (ISO 3166-1), when the reporter knew it and they share
     * one: a coarse attribute in clear for statistics, never an identity (ADR 21). Absent in
     * notifications recorded before it was asked: read as null.
     */
    nationality?: CountryCode | null;
    possibleVictims: number;
    /** How many of the possible victims are minors: never more than possibleVictims. */
    minors: number;
    /** ISO 8601 instant. */
    submittedAt: string;
  };
};

/** A coordinator checked the notification: it is a real case, to be referred to protection. */
export type CaseNotificationValidated = {
  type: 'CaseNotificationValidated';
  data: { notificationId: string; /** ISO 8601 instant. */ validatedAt: string };
};

/** A coordinator rejected the notification (final). */
export type CaseNotificationRejected = {
  type: 'CaseNotificationRejected';
  data: {
    notificationId: string;
    reason: CaseNotificationRejectionReason;
    /** ISO 8601 instant. */
    rejectedAt: string;
  };
};

/** The notification reports a case another notification already reported (final). */
export type CaseNotificationMarkedDuplicate = {
  type: 'CaseNotificationMarkedDuplicate';
  data: {
    notificationId: string;
    /** The notification it repeats, itself never a duplicate. */
    duplicateOf: string;
    /** ISO 8601 instant. */
    markedAt: string;
  };
};

/** Every event of a case notification stream. */
export type CaseNotificationEvent =
  | CaseNotificationSubmitted
  | CaseNotificationValidated
  | CaseNotificationRejected
  | CaseNotificationMarkedDuplicate
  | CaseNotificationReferred;

export const CASE_NOTIFICATION_EVENT_TYPES: readonly CaseNotificationEvent['type'][] = [
  'CaseNotificationSubmitted',
  'CaseNotificationValidated',
  'CaseNotificationRejected',
  'CaseNotificationMarkedDuplicate',
  'CaseNotificationReferred',
];
