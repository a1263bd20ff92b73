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
import { COUNTRY_CODES } from '@haven/vocabulary';
import {
  check,
  type CommandMetadata,
  type Decider,
  refusingAs,
  unreachable,
} from '@haven/platform/domain';
import { sealed } from '../checks';
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
import type {
  BeneficiaryCommand,
  ConfirmBeneficiaryErasure,
  RecordConsent,
  RegisterBeneficiary,
  RequestBeneficiaryErasure,
  ResolvePossibleDuplicate,
} from './commands';

export type * from './commands';
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

// ---- State: only what decisions need. ----------------------------------------------------

interface RegisteredFacts {
  country: Country;
  sex: Sex;
  minor: boolean;
  /** Which personal fields the registration carried (sorted): their values stay sealed. */
  personalFields: readonly PersonalField[];
  /** The day of the registration, as recorded (a retry naming another day is a conflict). */
  registeredOn?: string;
  /** Flagged candidates, by id: the decision taken on each, or null while pending. */
  possibleDuplicates: Readonly<Record<string, DuplicateDecision | null>>;
  /**
   * Who registered the beneficiary, from the registration's metadata: the organisation scopes a
   * partner's record (absent for an event read without its metadata, as in decider specs).
   */
  registrant?: Registrant;
}

/** Who registered a beneficiary. */
export type Registrant = Pick<CommandMetadata, 'actorId' | 'organisationId'>;

/** The metadata a stored event carries (the store returns it with each event). */
function registrantOf(event: BeneficiaryEvent): Registrant | undefined {
  const { metadata } = event as { metadata?: Partial<CommandMetadata> };
  if (metadata?.actorId === undefined) return undefined;
  return { actorId: metadata.actorId, organisationId: metadata.organisationId ?? null };
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
  check.instant(metadata.occurredAt, 'occurredAt');
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
    if (value !== undefined) sealed(value, `personal.${field}`);
  }
}

function checkRegistration({ data, metadata }: RegisterBeneficiary): void {
  check.uuid(data.beneficiaryId, 'beneficiaryId');
  check.wholeNumber(data.referenceNumber, 'referenceNumber', {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
  });
  check.oneOf(COUNTRIES, data.country, 'country');
  check.oneOf(SEXES, data.sex, 'sex');
  if (typeof data.minor !== 'boolean') {
    throw new InvalidBeneficiaryData('minor', 'must be true or false.');
  }
  if (data.nationality != null) check.oneOf(COUNTRY_CODES, data.nationality, 'nationality');
  if (data.ageYears != null) check.wholeNumber(data.ageYears, 'ageYears', { min: 0, max: 120 });
  if (data.registeredOn != null)
    check.dateOfFact(data.registeredOn, 'registeredOn', metadata.occurredAt);
  checkPersonal(data.personal);
  checkPossibleDuplicates(data.beneficiaryId, data.possibleDuplicates);
  checkOccurredAt(metadata);
}

/** An organisation id as tokens carry it. */
const ORGANISATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function checkPossibleDuplicates(
  beneficiaryId: string,
  flagged: RegisterBeneficiary['data']['possibleDuplicates'],
): void {
  if (flagged === undefined) return;
  const { candidateIds, reasons } = flagged;
  const validIds =
    Array.isArray(candidateIds) &&
    candidateIds.length > 0 &&
    candidateIds.every((id) => check.isUuid(id) && id.toLowerCase() !== beneficiaryId);
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

/**
 * A registration replayed on a registered id is its registrant's retry only (same principal,
 * same organisation): anyone else is told the same, whatever the facts and whatever became of
 * the record, so that an id reveals nothing of the person. Events read without their metadata
 * (decider specs) name no registrant: the facts decide.
 */
export function assertRegistrant(
  state: Exclude<BeneficiaryState, { status: 'Unregistered' }>,
  metadata: CommandMetadata,
): void {
  const { registrant } = state;
  if (
    registrant !== undefined &&
    (registrant.actorId !== metadata.actorId ||
      registrant.organisationId !== (metadata.organisationId ?? null))
  ) {
    throw new BeneficiaryAlreadyRegistered();
  }
}

function register(command: RegisterBeneficiary, state: BeneficiaryState): BeneficiaryEvent[] {
  const { data, metadata } = command;
  if (state.status !== 'Unregistered') assertRegistrant(state, metadata);
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased();
  if (state.status === 'Registered') {
    // The same registration again (a client retrying with its id) changes nothing. Sealed values
    // differ on every attempt (a random IV per encryption), so a retry is recognised by its
    // non-personal facts and by which personal fields it carries, never by their ciphertexts.
    const fields = presentFields(data.personal);
    const same =
      state.country === data.country &&
      state.sex === data.sex &&
      state.minor === data.minor &&
      (data.registeredOn == null || data.registeredOn === state.registeredOn) &&
      fields.length === state.personalFields.length &&
      fields.every((field, index) => field === state.personalFields[index]);
    if (same) return [];
    throw new BeneficiaryAlreadyRegistered();
  }
  checkRegistration(command);
  const personal: SealedPersonalFields = {};
  for (const field of presentFields(data.personal)) personal[field] = data.personal?.[field];
  const registered: BeneficiaryRegistered = {
    type: 'BeneficiaryRegistered',
    schemaVersion: 3,
    data: {
      beneficiaryId: data.beneficiaryId,
      referenceCode: referenceCode(data.country, data.referenceNumber),
      country: data.country,
      sex: data.sex,
      minor: data.minor,
      nationality: data.nationality ?? null,
      ageYears: data.ageYears ?? null,
      registeredOn: data.registeredOn ?? new Date(metadata.occurredAt).toISOString().slice(0, 10),
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
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound();
  // Consent is the person's to give; once their data is erased there is no one to record it for.
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased();
  check.oneOf(CONSENT_KINDS, data.kind, 'kind');
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
  check.dateOfFact(data.recordedOn, 'recordedOn', metadata.occurredAt);
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
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound();
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased();
  check.oneOf(DUPLICATE_DECISIONS, data.decision, 'decision');
  if (!(data.candidateId in state.possibleDuplicates)) {
    throw new PossibleDuplicateNotFound();
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
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound();
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased();
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
    throw new ErasureAlreadyRequested();
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
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound();
  if (state.status === 'Erased') throw new BeneficiaryAlreadyErased();
  if (!state.erasureRequest) throw new ErasureNotRequested();
  if (state.erasureRequest.requestedBy === metadata.actorId) {
    throw new SameAdminConfirmation();
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

/** Decides a beneficiary command; a value the kernel's checkers refuse is INVALID_BENEFICIARY_DATA. */
export function decide(command: BeneficiaryCommand, state: BeneficiaryState): BeneficiaryEvent[] {
  return refusingAs(InvalidBeneficiaryData, () => decideCommand(command, state));
}

function decideCommand(command: BeneficiaryCommand, state: BeneficiaryState): BeneficiaryEvent[] {
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
    default:
      return unreachable(command, 'command');
  }
}

export function evolve(state: BeneficiaryState, event: BeneficiaryEvent): BeneficiaryState {
  switch (event.type) {
    case 'BeneficiaryRegistered': {
      const { country, sex, minor, personal, registeredAt } = event.data;
      return {
        status: 'Registered',
        country,
        sex,
        minor,
        personalFields: presentFields(personal),
        // Absent before version 3 read without its upcaster: the day it was recorded.
        registeredOn: event.data.registeredOn ?? String(registeredAt).slice(0, 10),
        possibleDuplicates: {},
        erasureRequest: null,
        ...(registrantOf(event) ? { registrant: registrantOf(event) } : {}),
      };
    }
    case 'BeneficiaryErasureRequested': {
      if (state.status !== 'Registered') return state;
      const { requestedBy, reason } = event.data;
      return { ...state, erasureRequest: { requestedBy, reason } };
    }
    case 'BeneficiaryErased': {
      if (state.status === 'Unregistered') return state;
      if (state.status === 'Erased') return state;
      const { status: _registered, erasureRequest: _request, ...facts } = state;
      return { ...facts, status: 'Erased' };
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
    default:
      return unreachable(event, 'event');
  }
}

/** The beneficiary decider, for the command handler. */
export const beneficiaryDecider: Decider<BeneficiaryCommand, BeneficiaryEvent, BeneficiaryState> = {
  decide,
  evolve,
  initialState,
};
