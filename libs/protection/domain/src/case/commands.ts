// Protection casework's commands: intentions, each with the metadata of who gives it and when.
import type { CommandMetadata } from '@haven/platform/domain';
import type {
  CaseClosureReason,
  CaseReopeningReason,
  Country,
  FormOfExploitation,
  GuardianContactKind,
  IdentificationOutcome,
  RepatriationStep,
} from '@haven/protection/contracts';
import type { CountryCode, PlaceOfExploitation, Sex } from '@haven/vocabulary';

/**
 * Open a case: from a referred notification (`sourceNotificationId`, and then the case id must be
 * the one derived from it), or directly (no source).
 */
export type OpenProtectionCase = {
  type: 'OpenProtectionCase';
  data: {
    caseId: string;
    country: Country;
    province: string | null;
    abroad: boolean;
    formOfExploitation: FormOfExploitation;
    sourceNotificationId: string | null;
    /** Where abroad (ISO 3166-1), when abroad and known, or where intercepted victims were going. */
    destination?: CountryCode | null;
    /** The victims were intercepted in transit, before being exploited; by default not. */
    intercepted?: boolean | null;
    /** The day it was opened; by default the day of the command. */
    openedOn?: string | null;
    /** The kind of place where the exploitation happened, when known. */
    placeOfExploitation?: PlaceOfExploitation | null;
  };
  metadata: CommandMetadata;
};

/**
 * Add a beneficiary to the case as a victim. Whether the beneficiary is registered is looked up
 * by the caller (it reads the beneficiary's stream); `formOfExploitation` null means the case's.
 */
export type AddVictimToCase = {
  type: 'AddVictimToCase';
  data: {
    caseId: string;
    beneficiaryId: string;
    beneficiaryRegistered: boolean;
    formOfExploitation: FormOfExploitation | null;
    minor: boolean;
    /** The victim's statistical attributes, from her registration (null: unknown). */
    sex?: Sex | null;
    nationality?: CountryCode | null;
    ageYears?: number | null;
    /** The day she was taken in; by default the day of the command. */
    addedOn?: string | null;
  };
  metadata: CommandMetadata;
};

/** `text` arrives sealed with the case's key: the domain never sees it in clear. */
export type AddInvestigationNote = {
  type: 'AddInvestigationNote';
  data: { caseId: string; noteId: string; text: string };
  metadata: CommandMetadata;
};

export type RecordRescueOperation = {
  type: 'RecordRescueOperation';
  data: {
    caseId: string;
    operationId: string;
    date: string;
    /** Where it took place; when `online`, the platform (a report, a take-down, a remote call). */
    place: string;
    online?: boolean;
    partnerAgencies: string[];
    /** How many persons it rescued; by default the victims named. Never fewer than those. */
    personsRescued?: number | null;
    rescuedBeneficiaryIds: string[];
  };
  metadata: CommandMetadata;
};

/**
 * Attach a victim of the case, registered after the rescue, to the operation that rescued her:
 * one of its persons rescued, now named.
 */
export type AttachRescuedVictim = {
  type: 'AttachRescuedVictim';
  data: { caseId: string; operationId: string; beneficiaryId: string };
  metadata: CommandMetadata;
};

export type RecordVictimIdentification = {
  type: 'RecordVictimIdentification';
  data: {
    caseId: string;
    beneficiaryId: string;
    outcome: IdentificationOutcome;
    date: string;
    authority: string | null;
  };
  metadata: CommandMetadata;
};

export type RecordShelterPlacement = {
  type: 'RecordShelterPlacement';
  data: {
    caseId: string;
    beneficiaryId: string;
    placementId: string;
    shelterName: string;
    from: string;
    to: string | null;
  };
  metadata: CommandMetadata;
};

export type RecordRepatriationStep = {
  type: 'RecordRepatriationStep';
  data: { caseId: string; beneficiaryId: string; step: RepatriationStep; date: string };
  metadata: CommandMetadata;
};

/** `details` arrive sealed with the case's key. */
export type RecordGuardianContact = {
  type: 'RecordGuardianContact';
  /** `beneficiaryId`: the victim the contact is for; null or absent: the whole case. */
  data: {
    caseId: string;
    beneficiaryId?: string | null;
    kind: GuardianContactKind;
    details: string;
    /** The day the contact was made; by default the day of the command. */
    contactedOn?: string | null;
  };
  metadata: CommandMetadata;
};

export type CloseProtectionCase = {
  type: 'CloseProtectionCase';
  /** `closedOn`: the day it was closed; by default the day of the command. */
  data: { caseId: string; reason: CaseClosureReason; closedOn?: string | null };
  metadata: CommandMetadata;
};

export type ReopenProtectionCase = {
  type: 'ReopenProtectionCase';
  /** `reopenedOn`: the day it was reopened; by default the day of the command. */
  data: { caseId: string; reason: CaseReopeningReason; reopenedOn?: string | null };
  metadata: CommandMetadata;
};

export type ProtectionCaseCommand =
  | OpenProtectionCase
  | AddVictimToCase
  | AddInvestigationNote
  | RecordRescueOperation
  | AttachRescuedVictim
  | RecordVictimIdentification
  | RecordShelterPlacement
  | RecordRepatriationStep
  | RecordGuardianContact
  | CloseProtectionCase
  | ReopenProtectionCase;
