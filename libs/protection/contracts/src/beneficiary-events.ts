/**
 * What other services and Kafka consumers may rely on about protection's beneficiaries: the
 * stream naming and the events, by their stable type strings. Changing a shape here means a new
 * schema version and an upcaster, never an edit in place.
 */

/** Stream category of a beneficiary: `beneficiary-<uuid>`. */
export const BENEFICIARY_CATEGORY = 'beneficiary';

export function beneficiaryStreamId(beneficiaryId: string): string {
  return `${BENEFICIARY_CATEGORY}-${beneficiaryId}`;
}

import type { Country, CountryCode, Sex } from '@haven/vocabulary';

// The shared words (countries, sexes) are the vocabulary's; re-exported for existing callers.
export { COUNTRIES, SEXES, type Country, type Sex } from '@haven/vocabulary';

/** How an assessed age was arrived at (the value is sealed with the person's other fields). */
export const AGE_ASSESSMENT_METHODS = ['DOCUMENT', 'INTERVIEW', 'MEDICAL', 'OTHER'] as const;
export type AgeAssessmentMethod = (typeof AGE_ASSESSMENT_METHODS)[number];

/**
 * The personal fields of a beneficiary, each sealed on its own with the person's data key. Every
 * sealed value is a string: ages are sealed as their decimal digits, `languages` as one JSON
 * array of strings. `ageAssessmentMethod` is sealed too: how a child's age was assessed (e.g.
 * MEDICAL) says something about that person, so it is treated like the age itself.
 */
export const PERSONAL_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'phone',
  'address',
  'identityDocumentNumber',
  'notes',
  'documentedAge',
  'assessedAge',
  'ageAssessmentMethod',
  'nationality',
  'ethnicity',
  'languages',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * Personal fields as events and read models hold them: only the fields given, each a sealed
 * value (`pii:v1:…`, AES-256-GCM with the person's data key, bound to the person and the field
 * name). Never clear text: destroying the person's key makes every copy unreadable.
 */
export type SealedPersonalFields = { [Field in PersonalField]?: string };

/**
 * A person was registered as a beneficiary of the alliance (schema version 3). `personal`, when
 * present, holds their personal fields sealed. The other facts carry no identity: the coarse
 * statistical attributes (country of operation, sex, minor, nationality code, age in whole years
 * on the day of registration) are in clear so that aggregates need no key (ADR 21). Version 1
 * had no `nationality` nor `ageYears`; its upcaster reads them as unknown (null). Version 3 added
 * `registeredOn`, the day she was registered on the ground (an intake form entered later), apart
 * from `registeredAt`, when it was recorded; earlier versions read the day of `registeredAt`.
 */
export type BeneficiaryRegistered = {
  type: 'BeneficiaryRegistered';
  schemaVersion: 3;
  data: {
    beneficiaryId: string;
    /** Human-readable and unique, e.g. `BEN-TH-000123`. */
    referenceCode: string;
    country: Country;
    sex: Sex;
    minor: boolean;
    /** ISO 3166-1 alpha-2 nationality, for statistics; null when unknown. */
    nationality: CountryCode | null;
    /** Age in whole years on the day of registration, for statistics; null when unknown. */
    ageYears: number | null;
    /** YYYY-MM-DD: the day she was registered (the fact's date). */
    registeredOn: string;
    /** ISO 8601 instant: when the registration was recorded. */
    registeredAt: string;
    personal?: SealedPersonalFields;
  };
};

/**
 * An admin asked for the beneficiary's personal data to be erased; a second admin must confirm.
 * `reason` is an operational justification, stored in clear: it never holds personal data.
 */
export type BeneficiaryErasureRequested = {
  type: 'BeneficiaryErasureRequested';
  data: {
    beneficiaryId: string;
    /** The requesting admin's user id. */
    requestedBy: string;
    reason: string;
    /** ISO 8601 instant. */
    requestedAt: string;
  };
};

/**
 * A second admin confirmed the erasure: the person's data key was destroyed in the same
 * transaction, so every sealed copy of their personal data is unreadable from now on.
 */
export type BeneficiaryErased = {
  type: 'BeneficiaryErased';
  data: {
    beneficiaryId: string;
    requestedBy: string;
    confirmedBy: string;
    /** ISO 8601 instant. */
    erasedAt: string;
  };
};

export const CONSENT_KINDS = ['SERVICES', 'SHARING_WITH_PARTNER', 'LEGAL_ACTION'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/**
 * The beneficiary gave (or, with `given` false, withdrew or refused) a consent. A withdrawal is
 * a new record, never an edit: the history stays. No personal data.
 */
export type ConsentRecorded = {
  type: 'ConsentRecorded';
  data: {
    beneficiaryId: string;
    kind: ConsentKind;
    /** The partner the data may be shared with: set for SHARING_WITH_PARTNER only. */
    partnerOrganisationId: string | null;
    given: boolean;
    /** YYYY-MM-DD: the day the consent was given or withdrawn. */
    recordedOn: string;
  };
};

/** Why a registration looks like another person's: blind matches, never the values compared. */
export const DUPLICATE_REASONS = [
  'SAME_NAME_AND_DATE_OF_BIRTH',
  'SAME_NAME_AND_BIRTH_YEAR',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/**
 * At registration, the beneficiary matched others of the same country: for a person to confirm
 * or dismiss, never merged. Ids and reasons only.
 */
export type BeneficiaryFlaggedAsPossibleDuplicate = {
  type: 'BeneficiaryFlaggedAsPossibleDuplicate';
  data: {
    beneficiaryId: string;
    candidateIds: string[];
    reasons: DuplicateReason[];
  };
};

export const DUPLICATE_DECISIONS = ['SAME_PERSON', 'DIFFERENT_PEOPLE'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/** A person decided whether a flagged candidate is the same person. Nothing is merged. */
export type PossibleDuplicateResolved = {
  type: 'PossibleDuplicateResolved';
  data: {
    beneficiaryId: string;
    candidateId: string;
    decision: DuplicateDecision;
  };
};

/** Every event of a beneficiary stream. */
export type BeneficiaryEvent =
  | BeneficiaryRegistered
  | BeneficiaryErasureRequested
  | BeneficiaryErased
  | ConsentRecorded
  | BeneficiaryFlaggedAsPossibleDuplicate
  | PossibleDuplicateResolved;

export const BENEFICIARY_EVENT_TYPES: readonly BeneficiaryEvent['type'][] = [
  'BeneficiaryRegistered',
  'BeneficiaryErasureRequested',
  'BeneficiaryErased',
  'ConsentRecorded',
  'BeneficiaryFlaggedAsPossibleDuplicate',
  'PossibleDuplicateResolved',
];
