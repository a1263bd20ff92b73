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

export const FORMS_OF_EXPLOITATION = [
  'SEX_TRAFFICKING',
  'ONLINE_SEXUAL_EXPLOITATION',
  'FORCED_MARRIAGE',
  'FORCED_SURROGACY',
  'SEXUAL_ABUSE',
  'OTHER',
] as const;
export type FormOfExploitation = (typeof FORMS_OF_EXPLOITATION)[number];

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
    formOfExploitation: FormOfExploitation;
    possibleVictims: number;
    minors: number;
    reportedBy: ReporterKind;
    /** ISO 8601 instant. */
    referredAt: string;
  };
};

export const CASE_NOTIFICATION_REFERRED = 'CaseNotificationReferred';
