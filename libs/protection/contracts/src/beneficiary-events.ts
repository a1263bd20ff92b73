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

/**
 * A person was registered as a beneficiary of the alliance (schema version 1). No personal data:
 * names, birth dates and contacts arrive encrypted in their own events.
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
  };
};

/** Every event of a beneficiary stream. */
export type BeneficiaryEvent = BeneficiaryRegistered;

export const BENEFICIARY_EVENT_TYPES: readonly BeneficiaryEvent['type'][] = [
  'BeneficiaryRegistered',
];
