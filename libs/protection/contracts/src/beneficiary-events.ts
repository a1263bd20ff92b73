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

export const COUNTRIES = ['TH', 'LA', 'MM', 'VN', 'OTHER'] as const;
export type Country = (typeof COUNTRIES)[number];

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

/** The personal fields of a beneficiary, each sealed on its own with the person's data key. */
export const PERSONAL_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'phone',
  'address',
  'identityDocumentNumber',
  'notes',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * Personal fields as events and read models hold them: only the fields given, each a sealed
 * value (`pii:v1:…`, AES-256-GCM with the person's data key, bound to the person and the field
 * name). Never clear text: destroying the person's key makes every copy unreadable.
 */
export type SealedPersonalFields = { [Field in PersonalField]?: string };

/**
 * A person was registered as a beneficiary of the alliance (schema version 1). `personal`, when
 * present, holds their personal fields sealed; the other facts carry no personal data.
 */
export type BeneficiaryRegistered = {
  type: 'BeneficiaryRegistered';
  data: {
    beneficiaryId: string;
    /** Human-readable and unique, e.g. `BEN-TH-000123`. */
    referenceCode: string;
    country: Country;
    sex: Sex;
    minor: boolean;
    /** ISO 8601 instant. */
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

/** Every event of a beneficiary stream. */
export type BeneficiaryEvent =
  BeneficiaryRegistered | BeneficiaryErasureRequested | BeneficiaryErased;

export const BENEFICIARY_EVENT_TYPES: readonly BeneficiaryEvent['type'][] = [
  'BeneficiaryRegistered',
  'BeneficiaryErasureRequested',
  'BeneficiaryErased',
];
