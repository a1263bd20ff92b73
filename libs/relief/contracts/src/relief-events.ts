/**
 * What other services may rely on about relief: the stream naming, relief's own words, and the
 * integration events it publishes on the log. Changing a shape here means a new schema version
 * and an upcaster, never an edit in place. No event here carries personal data: a relief
 * recipient is an id and a few coarse attributes (sex, age band), never an alias or a place of
 * residence; a person at risk is counted, with no id of her own.
 */
import type { Country, CountryCode, FormOfExploitation, Sex } from '@haven/vocabulary';

/** Stream category of a relief response: `reliefresponse-<uuid>`. */
export const RELIEF_RESPONSE_CATEGORY = 'reliefresponse';

export function reliefResponseStreamId(responseId: string): string {
  return `${RELIEF_RESPONSE_CATEGORY}-${responseId}`;
}

/** What a distribution gives. */
export const DISTRIBUTION_KINDS = [
  'GOODS',
  'NECESSITY_BAG',
  'MICRO_PROJECT_GRANT',
  'OTHER',
] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/** Who receives: a beneficiary protection registered, or a relief recipient with minimal data. */
export const RECIPIENT_KINDS = ['BENEFICIARY', 'RELIEF_RECIPIENT'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Who did the work in the field. */
export const FIELD_WORKER_KINDS = ['STAFF', 'AGENT_OF_CHANGE', 'VOLUNTEER'] as const;
export type FieldWorkerKind = (typeof FIELD_WORKER_KINDS)[number];

/** Coarse age bands: enough for the report, never a birth date. */
export const AGE_BANDS = ['UNDER_12', '12_17', '18_24', '25_39', '40_59', '60_PLUS'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Bands whose members are minors. */
export const MINOR_AGE_BANDS: readonly AgeBand[] = ['UNDER_12', '12_17'];

/** Why a person or household is at risk. */
export const RISK_REASONS = [
  'LOST_WORK_IN_TOURISM',
  'LOST_WORK_IN_PROSTITUTION',
  'SINGLE_MOTHER',
  'OTHER',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/**
 * A distribution was made (schema version 1). For protection's timeline and the analysts' feed:
 * who received it by id and kind only, with the coarse attributes reports count by.
 */
export type ReliefDistributed = {
  type: 'ReliefDistributed';
  data: {
    responseId: string;
    distributionId: string;
    country: Country;
    kind: DistributionKind;
    recipientKind: RecipientKind;
    /** Protection's beneficiary, when the recipient is one (directly or linked). */
    beneficiaryId: string | null;
    /** The relief recipient, when it is one. */
    recipientId: string | null;
    /**
     * Why the relief recipient is at risk (a single mother, work lost in tourism…), from her
     * registration; null for a beneficiary protection registered. Absent from distributions
     * recorded before it was carried: unknown.
     */
    riskReason?: RiskReason | null;
    /** Integer minor units and ISO 4217 code, for a grant; null otherwise. */
    amountMinor: number | null;
    currency: string | null;
    fieldWorkerKind: FieldWorkerKind;
    /** The field worker: a user id, or an agent of change's id in networks' register. */
    fieldWorkerId: string;
    /** YYYY-MM-DD: the day it was given. */
    distributedOn: string;
  };
};

/**
 * A coordinator turned a potential victim detected in the field into a case notification
 * (schema version 1). Networks follows it on the log and submits the notification
 * `notificationId` (derived from the detection id), so a redelivery submits nothing twice.
 */
export type ReliefDetectionNotified = {
  type: 'ReliefDetectionNotified';
  data: {
    responseId: string;
    detectionId: string;
    notificationId: string;
    country: Country;
    /** A district or village, as the detection named it: never a person's address. */
    province: string | null;
    formOfExploitation: FormOfExploitation;
    sex: Sex;
    minor: boolean;
    /** ISO 8601 instant. */
    notifiedAt: string;
  };
};

/**
 * A person at risk found in the field, with why (schema version 1). For reports: the reason and
 * the coarse attributes, the district where she was found (never where she lives), who found her.
 * No id of the person: a person at risk is counted, never registered.
 */
export type PersonAtRiskRecorded = {
  type: 'PersonAtRiskRecorded';
  data: {
    responseId: string;
    /**
     * The response's country. Absent from entries recorded before this event joined the
     * contracts: a reader takes the response's country from elsewhere, or counts it unknown.
     */
    country?: Country;
    /** The entry's id: what a report counts once. */
    entryId: string;
    reason: RiskReason;
    sex: Sex;
    ageBand: AgeBand;
    /** A district or village. */
    district: string;
    /** YYYY-MM-DD. */
    foundOn: string;
    fieldWorkerKind: FieldWorkerKind;
    fieldWorkerId: string;
  };
};

/**
 * A potential victim detected in the field (schema version 1), whether or not a coordinator
 * later turns her into a case notification (`ReliefDetectionNotified`). For reports: the form of
 * exploitation she is at risk of, where she was to be taken, and the coarse attributes. No id of
 * the person: a detection is counted, never registered.
 */
export type PotentialVictimDetected = {
  type: 'PotentialVictimDetected';
  data: {
    responseId: string;
    /**
     * The response's country. Absent from detections recorded before this event joined the
     * contracts: a reader takes the response's country from elsewhere, or counts it unknown.
     */
    country?: Country;
    /** The detection's id: what a report counts once, and what a notification names. */
    detectionId: string;
    formOfExploitation: FormOfExploitation;
    /**
     * ISO 3166-1 alpha-2 code of where she was to be taken (a marriage in China), when known.
     * Absent from detections recorded before it was asked: unknown.
     */
    destination?: CountryCode | null;
    /** A district or village: never an address. */
    place: string;
    sex: Sex;
    ageBand: AgeBand;
    /** YYYY-MM-DD. */
    detectedOn: string;
    fieldWorkerKind: FieldWorkerKind;
    fieldWorkerId: string;
  };
};

/** Families of a district who migrated for work: how many, and where they went (schema version 1). */
export type MigratedFamiliesRecorded = {
  type: 'MigratedFamiliesRecorded';
  data: {
    responseId: string;
    /**
     * The response's country. Absent from entries recorded before this event joined the
     * contracts: a reader takes the response's country from elsewhere, or counts it unknown.
     */
    country?: Country;
    entryId: string;
    /** A whole number above 0. */
    families: number;
    /** ISO 3166-1 alpha-2 code of where they went. */
    destination: CountryCode;
    district: string;
    /** YYYY-MM-DD. */
    recordedOn: string;
    fieldWorkerKind: FieldWorkerKind;
    fieldWorkerId: string;
  };
};

export type ReliefIntegrationEvent =
  | ReliefDistributed
  | PotentialVictimDetected
  | ReliefDetectionNotified
  | PersonAtRiskRecorded
  | MigratedFamiliesRecorded;

export const RELIEF_INTEGRATION_EVENT_TYPES: readonly ReliefIntegrationEvent['type'][] = [
  'ReliefDistributed',
  'PotentialVictimDetected',
  'ReliefDetectionNotified',
  'PersonAtRiskRecorded',
  'MigratedFamiliesRecorded',
];
