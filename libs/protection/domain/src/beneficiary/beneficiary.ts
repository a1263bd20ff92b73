import {
  AGE_ASSESSMENT_METHODS,
  CONSENT_KINDS,
  COUNTRIES,
  DUPLICATE_DECISIONS,
  DUPLICATE_REASONS,
  PERSONAL_FIELDS,
  SEXES,
  type AgeAssessmentMethod,
  type BeneficiaryFlaggedAsPossibleDuplicate,
  type ConsentKind,
  type ConsentRecorded,
  type DuplicateDecision,
  type DuplicateReason,
  type PossibleDuplicateResolved,
  type BeneficiaryErased,
  type BeneficiaryErasureRequested,
  type BeneficiaryEvent,
  type BeneficiaryRegistered,
  type Country,
  type PersonalField,
  type SealedPersonalFields,
  type Sex,
} from '@haven/protection/contracts';
import type { CommandMetadata } from '../command-metadata';
import {
  BeneficiaryAlreadyErased,
  BeneficiaryAlreadyRegistered,
  BeneficiaryNotFound,
  ErasureAlreadyRequested,
  ErasureNotRequested,
  InvalidBeneficiaryData,
  PossibleDuplicateNotFound,
  SameAdminConfirmation,
} from './errors';

export type {
  AgeAssessmentMethod,
  BeneficiaryFlaggedAsPossibleDuplicate,
  ConsentKind,
  ConsentRecorded,
  DuplicateDecision,
  DuplicateReason,
  PossibleDuplicateResolved,
  BeneficiaryErased,
  BeneficiaryErasureRequested,
  BeneficiaryEvent,
  BeneficiaryRegistered,
  Country,
  PersonalField,
  SealedPersonalFields,
  Sex,
};
export {
  AGE_ASSESSMENT_METHODS,
  CONSENT_KINDS,
  COUNTRIES,
  DUPLICATE_DECISIONS,
  DUPLICATE_REASONS,
  PERSONAL_FIELDS,
  SEXES,
};

// ---- Commands: intentions. ---------------------------------------------------------------

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

// ---- State: only what decisions need. ----------------------------------------------------

interface RegisteredFacts {
  country: Country;
  sex: Sex;
  minor: boolean;
  /** Which personal fields the registration carried (sorted): their values stay sealed. */
  personalFields: readonly PersonalField[];
  /** Flagged candidates, by id: the decision taken on each, or null while pending. */
  possibleDuplicates: Readonly<Record<string, DuplicateDecision | null>>;
}

export type BeneficiaryState =
  | { status: 'Unregistered' }
  | (RegisteredFacts & {
      status: 'Registered';
      /** The erasure waiting for a second admin, if any. */
      erasureRequest: { requestedBy: string; reason: string } | null;
    })
  | (RegisteredFacts & { status: 'Erased' });

export function initialState(): BeneficiaryState {
  return { status: 'Unregistered' };
}

// ---- Rules. ------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// What a sealed field looks like (libs/platform/privacy): a version tag, then base64url.
const SEALED = /^pii:v\d+:[A-Za-z0-9_-]+$/;
/** The most an erasure reason may hold: a short operational justification. */
export const MAX_ERASURE_REASON_LENGTH = 500;

/** `BEN-<country>-<number, at least 6 digits>`, e.g. `BEN-TH-000123`. */
export function referenceCode(country: Country, referenceNumber: number): string {
  return `BEN-${country}-${String(referenceNumber).padStart(6, '0')}`;
}

/** The personal fields present, sorted: what a retry is compared on (values are sealed). */
function presentFields(personal: SealedPersonalFields | undefined): PersonalField[] {
  return PERSONAL_FIELDS.filter((field) => typeof personal?.[field] === 'string');
}

function checkOccurredAt(metadata: CommandMetadata): void {
  if (!ISO_INSTANT.test(metadata.occurredAt) || Number.isNaN(Date.parse(metadata.occurredAt))) {
    throw new InvalidBeneficiaryData('occurredAt', 'must be an ISO 8601 instant.');
  }
}

function checkPersonal(personal: unknown): void {
  if (personal === undefined) return;
  if (typeof personal !== 'object' || personal === null || Array.isArray(personal)) {
    throw new InvalidBeneficiaryData('personal', 'must be an object of sealed fields.');
  }
  for (const [field, value] of Object.entries(personal)) {
    if (!(PERSONAL_FIELDS as readonly string[]).includes(field)) {
      throw new InvalidBeneficiaryData('personal', `has a field that is not a personal field.`);
    }
    // Clear text must never reach an event: a value that is not sealed is refused, not stored.
    if (value !== undefined && (typeof value !== 'string' || !SEALED.test(value))) {
      throw new InvalidBeneficiaryData(`personal.${field}`, 'must be sealed (encrypted).');
    }
  }
}

function checkRegistration({ data, metadata }: RegisterBeneficiary): void {
  if (!UUID.test(data.beneficiaryId)) {
    throw new InvalidBeneficiaryData('beneficiaryId', 'must be a lower-case UUID.');
  }
  if (!Number.isSafeInteger(data.referenceNumber) || data.referenceNumber < 1) {
    throw new InvalidBeneficiaryData('referenceNumber', 'must be a positive integer.');
  }
  if (!COUNTRIES.includes(data.country)) {
    throw new InvalidBeneficiaryData('country', `must be one of ${COUNTRIES.join(', ')}.`);
  }
  if (!SEXES.includes(data.sex)) {
    throw new InvalidBeneficiaryData('sex', `must be one of ${SEXES.join(', ')}.`);
  }
  if (typeof data.minor !== 'boolean') {
    throw new InvalidBeneficiaryData('minor', 'must be true or false.');
  }
  checkPersonal(data.personal);
  checkPossibleDuplicates(data.beneficiaryId, data.possibleDuplicates);
  checkOccurredAt(metadata);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An organisation id as tokens carry it. */
const ORGANISATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function checkPossibleDuplicates(
  beneficiaryId: string,
  flagged: RegisterBeneficiary['data']['possibleDuplicates'],
): void {
  if (flagged === undefined) return;
  const { candidateIds, reasons } = flagged;
  const validIds =
    Array.isArray(candidateIds) &&
    candidateIds.length > 0 &&
    candidateIds.every((id) => typeof id === 'string' && UUID.test(id) && id !== beneficiaryId);
  if (!validIds) {
    throw new InvalidBeneficiaryData(
      'possibleDuplicates.candidateIds',
      'must be lower-case UUIDs of other beneficiaries.',
    );
  }
  if (
    !Array.isArray(reasons) ||
    !reasons.length ||
    !reasons.every((r) => DUPLICATE_REASONS.includes(r))
  ) {
    throw new InvalidBeneficiaryData(
      'possibleDuplicates.reasons',
      `must be some of ${DUPLICATE_REASONS.join(', ')}.`,
    );
  }
}

function register(command: RegisterBeneficiary, state: BeneficiaryState): BeneficiaryEvent[] {
  const { data, metadata } = command;
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased(data.beneficiaryId);
  if (state.status === 'Registered') {
    // The same registration again (a client retrying with its id) changes nothing. Sealed values
    // differ on every attempt (a random IV per encryption), so a retry is recognised by its
    // non-personal facts and by which personal fields it carries, never by their ciphertexts.
    const fields = presentFields(data.personal);
    const same =
      state.country === data.country &&
      state.sex === data.sex &&
      state.minor === data.minor &&
      fields.length === state.personalFields.length &&
      fields.every((field, index) => field === state.personalFields[index]);
    if (same) return [];
    throw new BeneficiaryAlreadyRegistered(data.beneficiaryId);
  }
  checkRegistration(command);
  const personal: SealedPersonalFields = {};
  for (const field of presentFields(data.personal)) personal[field] = data.personal?.[field];
  const registered: BeneficiaryRegistered = {
    type: 'BeneficiaryRegistered',
    data: {
      beneficiaryId: data.beneficiaryId,
      referenceCode: referenceCode(data.country, data.referenceNumber),
      country: data.country,
      sex: data.sex,
      minor: data.minor,
      registeredAt: new Date(metadata.occurredAt).toISOString(),
      ...(Object.keys(personal).length ? { personal } : {}),
    },
  };
  const flagged = data.possibleDuplicates;
  if (!flagged) return [registered];
  const duplicate: BeneficiaryFlaggedAsPossibleDuplicate = {
    type: 'BeneficiaryFlaggedAsPossibleDuplicate',
    data: {
      beneficiaryId: data.beneficiaryId,
      candidateIds: [...new Set(flagged.candidateIds)].sort(),
      reasons: DUPLICATE_REASONS.filter((reason) => flagged.reasons.includes(reason)),
    },
  };
  return [registered, duplicate];
}

function recordConsent(
  { data, metadata }: RecordConsent,
  state: BeneficiaryState,
): BeneficiaryEvent[] {
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound(data.beneficiaryId);
  // Consent is the person's to give; once their data is erased there is no one to record it for.
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased(data.beneficiaryId);
  if (!CONSENT_KINDS.includes(data.kind)) {
    throw new InvalidBeneficiaryData('kind', `must be one of ${CONSENT_KINDS.join(', ')}.`);
  }
  const partner = data.partnerOrganisationId ?? null;
  if (data.kind === 'SHARING_WITH_PARTNER') {
    if (partner === null || !ORGANISATION_ID.test(partner)) {
      throw new InvalidBeneficiaryData(
        'partnerOrganisationId',
        'is required for SHARING_WITH_PARTNER: the organisation the data may be shared with.',
      );
    }
  } else if (partner !== null) {
    throw new InvalidBeneficiaryData(
      'partnerOrganisationId',
      'is only for SHARING_WITH_PARTNER consents.',
    );
  }
  if (typeof data.given !== 'boolean') {
    throw new InvalidBeneficiaryData('given', 'must be true or false.');
  }
  checkOccurredAt(metadata);
  if (!isRealDate(data.recordedOn) || data.recordedOn > metadata.occurredAt.slice(0, 10)) {
    throw new InvalidBeneficiaryData(
      'recordedOn',
      'must be a real date, YYYY-MM-DD, not in the future.',
    );
  }
  const recorded: ConsentRecorded = {
    type: 'ConsentRecorded',
    data: {
      beneficiaryId: data.beneficiaryId,
      kind: data.kind,
      partnerOrganisationId: partner,
      given: data.given,
      recordedOn: data.recordedOn,
    },
  };
  return [recorded];
}

function resolvePossibleDuplicate(
  { data }: ResolvePossibleDuplicate,
  state: BeneficiaryState,
): BeneficiaryEvent[] {
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound(data.beneficiaryId);
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased(data.beneficiaryId);
  if (!DUPLICATE_DECISIONS.includes(data.decision)) {
    throw new InvalidBeneficiaryData(
      'decision',
      `must be one of ${DUPLICATE_DECISIONS.join(', ')}.`,
    );
  }
  if (!(data.candidateId in state.possibleDuplicates)) {
    throw new PossibleDuplicateNotFound(data.beneficiaryId, data.candidateId);
  }
  // The same decision again (a retry) changes nothing; another one corrects the first.
  if (state.possibleDuplicates[data.candidateId] === data.decision) return [];
  const resolved: PossibleDuplicateResolved = {
    type: 'PossibleDuplicateResolved',
    data: {
      beneficiaryId: data.beneficiaryId,
      candidateId: data.candidateId,
      decision: data.decision,
    },
  };
  return [resolved];
}

function requestErasure(
  { data, metadata }: RequestBeneficiaryErasure,
  state: BeneficiaryState,
): BeneficiaryEvent[] {
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound(data.beneficiaryId);
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased(data.beneficiaryId);
  const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
  if (!reason || reason.length > MAX_ERASURE_REASON_LENGTH) {
    throw new InvalidBeneficiaryData(
      'reason',
      `must be 1 to ${MAX_ERASURE_REASON_LENGTH} characters.`,
    );
  }
  checkOccurredAt(metadata);
  if (state.erasureRequest) {
    const retry =
      state.erasureRequest.requestedBy === metadata.actorId &&
      state.erasureRequest.reason === reason;
    if (retry) return [];
    throw new ErasureAlreadyRequested(data.beneficiaryId);
  }
  const requested: BeneficiaryErasureRequested = {
    type: 'BeneficiaryErasureRequested',
    data: {
      beneficiaryId: data.beneficiaryId,
      requestedBy: metadata.actorId,
      reason,
      requestedAt: new Date(metadata.occurredAt).toISOString(),
    },
  };
  return [requested];
}

function confirmErasure(
  { data, metadata }: ConfirmBeneficiaryErasure,
  state: BeneficiaryState,
): BeneficiaryEvent[] {
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound(data.beneficiaryId);
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased(data.beneficiaryId);
  if (!state.erasureRequest) throw new ErasureNotRequested(data.beneficiaryId);
  if (state.erasureRequest.requestedBy === metadata.actorId) {
    throw new SameAdminConfirmation(data.beneficiaryId);
  }
  checkOccurredAt(metadata);
  const erased: BeneficiaryErased = {
    type: 'BeneficiaryErased',
    data: {
      beneficiaryId: data.beneficiaryId,
      requestedBy: state.erasureRequest.requestedBy,
      confirmedBy: metadata.actorId,
      erasedAt: new Date(metadata.occurredAt).toISOString(),
    },
  };
  return [erased];
}

export function decide(command: BeneficiaryCommand, state: BeneficiaryState): BeneficiaryEvent[] {
  switch (command.type) {
    case 'RegisterBeneficiary':
      return register(command, state);
    case 'RequestBeneficiaryErasure':
      return requestErasure(command, state);
    case 'ConfirmBeneficiaryErasure':
      return confirmErasure(command, state);
    case 'RecordConsent':
      return recordConsent(command, state);
    case 'ResolvePossibleDuplicate':
      return resolvePossibleDuplicate(command, state);
    default: {
      // Exhaustive: a new command type fails to compile here until it is decided.
      const unknown: never = command;
      throw new Error(`Unknown command ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

export function evolve(state: BeneficiaryState, event: BeneficiaryEvent): BeneficiaryState {
  switch (event.type) {
    case 'BeneficiaryRegistered': {
      const { country, sex, minor, personal } = event.data;
      return {
        status: 'Registered',
        country,
        sex,
        minor,
        personalFields: presentFields(personal),
        possibleDuplicates: {},
        erasureRequest: null,
      };
    }
    case 'BeneficiaryErasureRequested': {
      if (state.status !== 'Registered') return state;
      const { requestedBy, reason } = event.data;
      return { ...state, erasureRequest: { requestedBy, reason } };
    }
    case 'BeneficiaryErased': {
      if (state.status === 'Unregistered') return state;
      const { country, sex, minor, personalFields, possibleDuplicates } = state;
      return { status: 'Erased', country, sex, minor, personalFields, possibleDuplicates };
    }
    case 'ConsentRecorded':
      // No rule depends on earlier consents: the history is the read model's.
      return state;
    case 'BeneficiaryFlaggedAsPossibleDuplicate': {
      if (state.status === 'Unregistered') return state;
      const possibleDuplicates = { ...state.possibleDuplicates };
      for (const id of event.data.candidateIds) possibleDuplicates[id] ??= null;
      return { ...state, possibleDuplicates };
    }
    case 'PossibleDuplicateResolved': {
      if (state.status === 'Unregistered') return state;
      const { candidateId, decision } = event.data;
      return {
        ...state,
        possibleDuplicates: { ...state.possibleDuplicates, [candidateId]: decision },
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

/** The beneficiary decider, for the command handler. */
export const beneficiaryDecider = { decide, evolve, initialState };
