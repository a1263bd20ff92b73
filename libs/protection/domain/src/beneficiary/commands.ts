// The beneficiary's commands: what a person asks of her record (intentions, checked by the
// decider in beneficiary.ts).
import type { CommandMetadata } from '@haven/platform/domain';
import type {
  ConsentKind,
  Country,
  DuplicateDecision,
  DuplicateReason,
  SealedPersonalFields,
  Sex,
} from '@haven/protection/contracts';
import type { CountryCode } from '@haven/vocabulary';

/**
 * Register a person as a beneficiary. `referenceNumber` is unique, allocated by the caller.
 * `personal` holds their personal fields already sealed by the caller: the domain never sees
 * them in clear, and refuses any value that is not sealed.
 */
export type RegisterBeneficiary = {
  type: 'RegisterBeneficiary';
  data: {
    beneficiaryId: string;
    referenceNumber: number;
    country: Country;
    sex: Sex;
    minor: boolean;
    /** For statistics, in clear (ADR 21): ISO 3166-1 nationality and whole years at registration. */
    nationality?: CountryCode | null;
    ageYears?: number | null;
    /** The day she was registered on the ground; by default the day of the command. */
    registeredOn?: string | null;
    personal?: SealedPersonalFields;
    /**
     * Registered beneficiaries of the same country whose blind match keys equal this one's (the
     * handler compares them; the domain never sees a name): flagged, never merged.
     */
    possibleDuplicates?: { candidateIds: string[]; reasons: DuplicateReason[] };
  };
  metadata: CommandMetadata;
};

/** Record that the beneficiary gave, or withdrew, a consent. */
export type RecordConsent = {
  type: 'RecordConsent';
  data: {
    beneficiaryId: string;
    kind: ConsentKind;
    partnerOrganisationId: string | null;
    given: boolean;
    /** YYYY-MM-DD, not after the day the command is given. */
    recordedOn: string;
  };
  metadata: CommandMetadata;
};

/** A person decides whether a flagged candidate is the same person (nothing is merged). */
export type ResolvePossibleDuplicate = {
  type: 'ResolvePossibleDuplicate';
  data: { beneficiaryId: string; candidateId: string; decision: DuplicateDecision };
  metadata: CommandMetadata;
};

/** An admin asks for the beneficiary's personal data to be erased (the first of two admins). */
export type RequestBeneficiaryErasure = {
  type: 'RequestBeneficiaryErasure';
  data: { beneficiaryId: string; reason: string };
  metadata: CommandMetadata;
};

/** A second admin confirms a requested erasure. */
export type ConfirmBeneficiaryErasure = {
  type: 'ConfirmBeneficiaryErasure';
  data: { beneficiaryId: string };
  metadata: CommandMetadata;
};

export type BeneficiaryCommand =
  | RegisterBeneficiary
  | RequestBeneficiaryErasure
  | ConfirmBeneficiaryErasure
  | RecordConsent
  | ResolvePossibleDuplicate;
