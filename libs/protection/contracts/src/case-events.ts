/**
 * What other services may rely on about protection cases: the stream naming, how a referral's case
 * id is derived, the vocabulary and the events. Changing a shape here means a new schema version
 * and an upcaster, never an edit in place.
 *
 * No field of these events holds personal data in clear: investigation notes and the guardian or
 * shelter contact are sealed with the case's own data key (`pii:v1:…`), so destroying that key
 * erases them everywhere. Victims are named only by their beneficiary ids.
 */
import type { FormOfExploitation } from '@haven/networks/contracts';
import { v5 as uuidv5 } from 'uuid';
import type { CountryCode, PlaceOfExploitation, Sex } from '@haven/vocabulary';
import type { Country } from './beneficiary-events';

// One vocabulary from the notification to the case: a referral's form is the case's form.
export { FORMS_OF_EXPLOITATION, type FormOfExploitation } from '@haven/networks/contracts';
// The kind of place where it happened: the shared word, as networks' notifications use it.
export { PLACES_OF_EXPLOITATION, type PlaceOfExploitation } from '@haven/vocabulary';

/** Stream category of a protection case: `protectioncase-<uuid>`. */
export const PROTECTION_CASE_CATEGORY = 'protectioncase';

export function protectionCaseStreamId(caseId: string): string {
  return `${PROTECTION_CASE_CATEGORY}-${caseId}`;
}

// Fixed for ever: changing it would give referrals already opened a second case.
const REFERRAL_CASE_NAMESPACE = 'b9174d31-acd3-4325-a9ea-330b6872b415';

/**
 * The id of the case opened from a referred notification (UUID v5 of the notification id): the
 * same referral read twice, or by two processes, opens the same case, and anyone holding the
 * notification id can find it.
 */
export function protectionCaseIdForNotification(notificationId: string): string {
  return uuidv5(notificationId.toLowerCase(), REFERRAL_CASE_NAMESPACE);
}

export const PROTECTION_CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type ProtectionCaseStatus = (typeof PROTECTION_CASE_STATUSES)[number];

export const IDENTIFICATION_OUTCOMES = ['OFFICIALLY_IDENTIFIED', 'NOT_IDENTIFIED'] as const;
export type IdentificationOutcome = (typeof IDENTIFICATION_OUTCOMES)[number];

/** The steps of a safe return, in the order they normally happen. */
export const REPATRIATION_STEPS = [
  'FAMILY_TRACING',
  'DOCUMENTS',
  'ESCORTED_JOURNEY',
  'RECEPTION',
  'FOLLOW_UP',
] as const;
export type RepatriationStep = (typeof REPATRIATION_STEPS)[number];

export const GUARDIAN_CONTACT_KINDS = ['GUARDIAN', 'SHELTER'] as const;
export type GuardianContactKind = (typeof GUARDIAN_CONTACT_KINDS)[number];

/** Why a case was closed: a closed list, so that no reason ever carries personal data. */
export const CASE_CLOSURE_REASONS = [
  'VICTIMS_RETURNED',
  'VICTIMS_SAFE_IN_COUNTRY',
  'NO_VICTIM_FOUND',
  'REFERRED_TO_PARTNER',
  'DUPLICATE',
  'OTHER',
] as const;
export type CaseClosureReason = (typeof CASE_CLOSURE_REASONS)[number];

export const CASE_REOPENING_REASONS = [
  'NEW_INFORMATION',
  'VICTIM_AT_RISK_AGAIN',
  'CLOSED_IN_ERROR',
  'OTHER',
] as const;
export type CaseReopeningReason = (typeof CASE_REOPENING_REASONS)[number];

/** A calendar day, `YYYY-MM-DD` (when something happened on the ground, in local time). */
export type CalendarDate = string;

/**
 * A protection case was opened (schema version 4): from a referred notification (then
 * `sourceNotificationId` names it and the case id derives from it), or directly by an officer.
 * Version 2 added `openedOn` (the day it was opened, which reports count by) and `destination`
 * (the place abroad, an ISO 3166-1 code), kept apart from `country`, the country of operation.
 * Version 3 added `placeOfExploitation`, the kind of place where it happened (a hidden brothel,
 * online…): a kind from a closed list, never an address, so in clear (ADR 21); earlier: null.
 * Version 4 added `intercepted`: the victims were stopped on their way, before anyone exploited
 * them; earlier cases were not.
 */
export type ProtectionCaseOpened = {
  type: 'ProtectionCaseOpened';
  schemaVersion: 4;
  data: {
    caseId: string;
    /** The country of operation: whose programme acts; the case's scope. */
    country: Country;
    province: string | null;
    /** The victims were exploited outside their own country. */
    abroad: boolean;
    /**
     * Where abroad (ISO 3166-1 alpha-2), when abroad and known, or where intercepted victims were
     * being taken; null otherwise.
     */
    destination: CountryCode | null;
    /**
     * The victims were intercepted in transit, before being exploited (a bride on her way to a
     * foreign husband, a girl stopped at a border): their case has no place of exploitation.
     */
    intercepted: boolean;
    formOfExploitation: FormOfExploitation;
    /** The kind of place where the exploitation happened; null when unknown or intercepted. */
    placeOfExploitation: PlaceOfExploitation | null;
    sourceNotificationId: string | null;
    /** YYYY-MM-DD: the day the case was opened. */
    openedOn: CalendarDate;
    /** ISO 8601 instant. */
    openedAt: string;
  };
};

/**
 * A beneficiary was added to the case as a victim (once per case; schema version 2). Version 2
 * added the day (`addedOn`) and, for statistics, the victim's sex, nationality code and age in
 * whole years on that day (null when unknown); never an identity (ADR 21). Rescues,
 * identifications and returns name the victims of the case, whose attributes are here.
 */
export type VictimAddedToCase = {
  type: 'VictimAddedToCase';
  schemaVersion: 2;
  data: {
    caseId: string;
    beneficiaryId: string;
    formOfExploitation: FormOfExploitation;
    minor: boolean;
    sex: Sex | null;
    nationality: CountryCode | null;
    ageYears: number | null;
    /** YYYY-MM-DD: the day she was taken in as a victim of the case. */
    addedOn: CalendarDate;
    addedAt: string;
  };
};

/** An investigation note: free text about persons, so sealed with the case's data key. */
export type InvestigationNoteAdded = {
  type: 'InvestigationNoteAdded';
  data: {
    caseId: string;
    noteId: string;
    /** Sealed (`pii:v1:…`) with the case's key, field `investigationNote`. */
    text: string;
    addedAt: string;
  };
};

/**
 * A rescue or intervention with the authorities, how many persons it rescued, and which of the
 * case's victims it names (schema version 3). Version 2 added `online`: a platform report, an
 * account take-down or a remote intervention, whose `place` is then the platform, not a province
 * (v1: false). Version 3 added `personsRescued`: in a raid, persons are rescued first and
 * registered after, so the count may exceed the victims named; the others are attached as they
 * are registered (RescuedVictimAttached). Earlier versions counted the victims they named.
 */
export type RescueOperationRecorded = {
  type: 'RescueOperationRecorded';
  schemaVersion: 3;
  data: {
    caseId: string;
    operationId: string;
    date: CalendarDate;
    /** Where it took place (a place, never a person); when online, the platform. */
    place: string;
    online: boolean;
    partnerAgencies: string[];
    /** How many persons it rescued, named or not yet: at least the victims named. */
    personsRescued: number;
    rescuedBeneficiaryIds: string[];
    recordedAt: string;
  };
};

/**
 * A victim of the case, registered after the rescue, was attached to the operation that rescued
 * her: one of its `personsRescued`, now named (never more than that count, each victim once).
 */
export type RescuedVictimAttached = {
  type: 'RescuedVictimAttached';
  data: {
    caseId: string;
    operationId: string;
    beneficiaryId: string;
    attachedAt: string;
  };
};

/** Whether the authorities officially identified a victim as a victim of trafficking. */
export type VictimIdentificationRecorded = {
  type: 'VictimIdentificationRecorded';
  data: {
    caseId: string;
    beneficiaryId: string;
    outcome: IdentificationOutcome;
    date: CalendarDate;
    /** The authority that decided, e.g. a provincial social development office. */
    authority: string | null;
    recordedAt: string;
  };
};

/** A victim was placed in a shelter; `to` is null while she is still there. */
export type ShelterPlacementRecorded = {
  type: 'ShelterPlacementRecorded';
  data: {
    caseId: string;
    beneficiaryId: string;
    placementId: string;
    shelterName: string;
    from: CalendarDate;
    to: CalendarDate | null;
    recordedAt: string;
  };
};

/** One step of a victim's safe return home was done. */
export type RepatriationStepRecorded = {
  type: 'RepatriationStepRecorded';
  data: {
    caseId: string;
    beneficiaryId: string;
    step: RepatriationStep;
    date: CalendarDate;
    recordedAt: string;
  };
};

/**
 * Who answers for a minor victim: a guardian, or the shelter (schema version 3). `beneficiaryId`
 * names the victim it is for (three minors of three families have three contacts); null for a
 * contact of the whole case, as every version 1 contact was. `details` (names, phone numbers)
 * are sealed with the case's key, field `guardianContact`. Version 3 added `contactedOn`, the
 * day the contact was made, apart from `recordedAt` (earlier: the day it was recorded).
 */
export type GuardianContactRecorded = {
  type: 'GuardianContactRecorded';
  schemaVersion: 3;
  data: {
    caseId: string;
    beneficiaryId: string | null;
    kind: GuardianContactKind;
    details: string;
    /** YYYY-MM-DD: the day the contact was made. */
    contactedOn: CalendarDate;
    recordedAt: string;
  };
};

/** Schema version 2 added `closedOn`, the day it was closed (reports count by it). */
export type ProtectionCaseClosed = {
  type: 'ProtectionCaseClosed';
  schemaVersion: 2;
  data: { caseId: string; reason: CaseClosureReason; closedOn: CalendarDate; closedAt: string };
};

/** Schema version 2 added `reopenedOn`, the day it was reopened (earlier: the recording day). */
export type ProtectionCaseReopened = {
  type: 'ProtectionCaseReopened';
  schemaVersion: 2;
  data: {
    caseId: string;
    reason: CaseReopeningReason;
    reopenedOn: CalendarDate;
    reopenedAt: string;
  };
};

/** Every event of a protection case stream. */
export type ProtectionCaseEvent =
  | ProtectionCaseOpened
  | VictimAddedToCase
  | InvestigationNoteAdded
  | RescueOperationRecorded
  | RescuedVictimAttached
  | VictimIdentificationRecorded
  | ShelterPlacementRecorded
  | RepatriationStepRecorded
  | GuardianContactRecorded
  | ProtectionCaseClosed
  | ProtectionCaseReopened;

export const PROTECTION_CASE_EVENT_TYPES: readonly ProtectionCaseEvent['type'][] = [
  'ProtectionCaseOpened',
  'VictimAddedToCase',
  'InvestigationNoteAdded',
  'RescueOperationRecorded',
  'RescuedVictimAttached',
  'VictimIdentificationRecorded',
  'ShelterPlacementRecorded',
  'RepatriationStepRecorded',
  'GuardianContactRecorded',
  'ProtectionCaseClosed',
  'ProtectionCaseReopened',
];
