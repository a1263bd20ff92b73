import {
  CASE_CLOSURE_REASONS,
  CASE_REOPENING_REASONS,
  COUNTRIES,
  FORMS_OF_EXPLOITATION,
  GUARDIAN_CONTACT_KINDS,
  IDENTIFICATION_OUTCOMES,
  protectionCaseIdForNotification,
  REPATRIATION_STEPS,
  type CaseClosureReason,
  type CaseReopeningReason,
  type Country,
  type FormOfExploitation,
  type GuardianContactKind,
  type IdentificationOutcome,
  type ProtectionCaseEvent,
  type RepatriationStep,
} from '@haven/protection/contracts';
import { BeneficiaryNotFound } from '../beneficiary/errors';
import type { CommandMetadata } from '../command-metadata';
import {
  CaseRecordIdTaken,
  GuardianContactRequired,
  InvalidProtectionCaseData,
  PlacementEndsBeforeStart,
  ProtectionCaseAlreadyOpened,
  ProtectionCaseIsClosed,
  ProtectionCaseNotClosed,
  ProtectionCaseNotFound,
  RepatriationStepOutOfOrder,
  VictimAlreadyInCase,
  VictimNotIdentifiedOrPlaced,
  VictimNotInCase,
} from './errors';

export type { ProtectionCaseEvent };

// ---- Commands: intentions. ---------------------------------------------------------------

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
    place: string;
    partnerAgencies: string[];
    rescuedBeneficiaryIds: string[];
  };
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
  data: { caseId: string; kind: GuardianContactKind; details: string };
  metadata: CommandMetadata;
};

export type CloseProtectionCase = {
  type: 'CloseProtectionCase';
  data: { caseId: string; reason: CaseClosureReason };
  metadata: CommandMetadata;
};

export type ReopenProtectionCase = {
  type: 'ReopenProtectionCase';
  data: { caseId: string; reason: CaseReopeningReason };
  metadata: CommandMetadata;
};

export type ProtectionCaseCommand =
  | OpenProtectionCase
  | AddVictimToCase
  | AddInvestigationNote
  | RecordRescueOperation
  | RecordVictimIdentification
  | RecordShelterPlacement
  | RecordRepatriationStep
  | RecordGuardianContact
  | CloseProtectionCase
  | ReopenProtectionCase;

// ---- State: only what decisions need. ----------------------------------------------------

export interface VictimState {
  minor: boolean;
  /** The latest identification outcome and what it was recorded with (a repeat is a retry). */
  identification: { outcome: IdentificationOutcome; date: string; authority: string | null } | null;
  placed: boolean;
  /** Steps done, as `STEP@YYYY-MM-DD`. */
  steps: readonly string[];
}

export type ProtectionCaseState =
  | { status: 'NONE' }
  | {
      status: 'OPEN' | 'CLOSED';
      caseId: string;
      country: Country;
      province: string | null;
      abroad: boolean;
      formOfExploitation: FormOfExploitation;
      sourceNotificationId: string | null;
      victims: Readonly<Record<string, VictimState>>;
      guardianContact: boolean;
      /** Ids given to notes, operations and placements, each with what it recorded. */
      records: Readonly<Record<string, string>>;
      closureReason: CaseClosureReason | null;
    };

type OpenedCase = Exclude<ProtectionCaseState, { status: 'NONE' }>;

export function initialProtectionCaseState(): ProtectionCaseState {
  return { status: 'NONE' };
}

// ---- Rules. ------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const SEALED = /^pii:v\d+:[A-Za-z0-9_-]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1F\x7F-\x9F]/;
/** The most partner agencies one operation names. */
export const MAX_PARTNER_AGENCIES = 20;
/** The most victims one operation names (a raid on a large brothel). */
export const MAX_RESCUED_PER_OPERATION = 200;
/** Short labels (a province, a place, a shelter, an agency, an authority). */
export const MAX_LABEL_LENGTH = 200;

function invalid(field: string, reason: string): never {
  throw new InvalidProtectionCaseData(field, reason);
}

function checkUuid(field: string, value: unknown): void {
  if (typeof value !== 'string' || !UUID.test(value)) invalid(field, 'must be a lower-case UUID.');
}

function checkOneOf<T extends string>(field: string, value: unknown, values: readonly T[]): void {
  if (!(values as readonly unknown[]).includes(value)) {
    invalid(field, `must be one of ${values.join(', ')}.`);
  }
}

/** A short single-line label; null allowed when `optional`. */
function checkLabel(field: string, value: unknown, optional = false): void {
  if (value === null && optional) return;
  if (
    typeof value !== 'string' ||
    value.trim().length === 0 ||
    value.length > MAX_LABEL_LENGTH ||
    value !== value.trim() ||
    CONTROL.test(value)
  ) {
    invalid(
      field,
      `must be 1 to ${MAX_LABEL_LENGTH} characters on one line, without leading or trailing spaces.`,
    );
  }
}

function checkSealed(field: string, value: unknown): void {
  // Clear text must never reach an event: a value that is not sealed is refused, not stored.
  if (typeof value !== 'string' || !SEALED.test(value))
    invalid(field, 'must be sealed (encrypted).');
}

function checkOccurredAt(metadata: CommandMetadata): string {
  if (!ISO_INSTANT.test(metadata.occurredAt) || Number.isNaN(Date.parse(metadata.occurredAt))) {
    invalid('occurredAt', 'must be an ISO 8601 instant.');
  }
  return new Date(metadata.occurredAt).toISOString();
}

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * A real day, not after the day of the command. A day of slack: the day is local to where it
 * happened (up to UTC+14), the command's time is UTC.
 */
function checkPastDate(field: string, value: unknown, metadata: CommandMetadata): void {
  if (!isCalendarDate(value)) invalid(field, 'must be a real date written YYYY-MM-DD.');
  const latest = new Date(Date.parse(metadata.occurredAt) + 24 * 3600_000).toISOString();
  if (value > latest.slice(0, 10)) invalid(field, 'must not be in the future.');
}

function opened(state: ProtectionCaseState, caseId: string): OpenedCase {
  if (state.status === 'NONE') throw new ProtectionCaseNotFound(caseId);
  return state;
}

/** The case, open: a closed case takes nothing new until it is reopened. */
function open(state: ProtectionCaseState, caseId: string): OpenedCase {
  const current = opened(state, caseId);
  if (current.status === 'CLOSED') throw new ProtectionCaseIsClosed(caseId);
  return current;
}

function victimOf(current: OpenedCase, beneficiaryId: string): VictimState {
  const victim = current.victims[beneficiaryId];
  if (!victim) throw new VictimNotInCase(current.caseId, beneficiaryId);
  return victim;
}

/**
 * Whether a client-chosen record id was already used: for the same facts it is a retry (true:
 * nothing to do), for other facts a conflict.
 */
function alreadyRecorded(current: OpenedCase, field: string, id: string, facts: string): boolean {
  const recorded = current.records[id];
  if (recorded === undefined) return false;
  if (recorded === facts) return true;
  throw new CaseRecordIdTaken(field);
}

function hasMinor(current: OpenedCase): boolean {
  return Object.values(current.victims).some((victim) => victim.minor);
}

function decideOpen(
  { data, metadata }: OpenProtectionCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  checkUuid('caseId', data.caseId);
  checkOneOf('country', data.country, COUNTRIES);
  checkLabel('province', data.province, true);
  if (typeof data.abroad !== 'boolean') invalid('abroad', 'must be true or false.');
  checkOneOf('formOfExploitation', data.formOfExploitation, FORMS_OF_EXPLOITATION);
  if (data.sourceNotificationId !== null) {
    checkUuid('sourceNotificationId', data.sourceNotificationId);
    // One case per referral, found again from the notification id alone.
    if (data.caseId !== protectionCaseIdForNotification(data.sourceNotificationId)) {
      invalid('caseId', 'must be the one derived from the source notification id.');
    }
  }
  const openedAt = checkOccurredAt(metadata);
  if (state.status !== 'NONE') {
    const same =
      state.country === data.country &&
      state.province === data.province &&
      state.abroad === data.abroad &&
      state.formOfExploitation === data.formOfExploitation &&
      state.sourceNotificationId === data.sourceNotificationId;
    if (same) return [];
    throw new ProtectionCaseAlreadyOpened(data.caseId);
  }
  return [
    {
      type: 'ProtectionCaseOpened',
      data: {
        caseId: data.caseId,
        country: data.country,
        province: data.province,
        abroad: data.abroad,
        formOfExploitation: data.formOfExploitation,
        sourceNotificationId: data.sourceNotificationId,
        openedAt,
      },
    },
  ];
}

function decideAddVictim(
  { data, metadata }: AddVictimToCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state, data.caseId);
  checkUuid('beneficiaryId', data.beneficiaryId);
  if (data.formOfExploitation !== null) {
    checkOneOf('formOfExploitation', data.formOfExploitation, FORMS_OF_EXPLOITATION);
  }
  if (typeof data.minor !== 'boolean') invalid('minor', 'must be true or false.');
  const addedAt = checkOccurredAt(metadata);
  if (!data.beneficiaryRegistered) throw new BeneficiaryNotFound(data.beneficiaryId);
  if (current.victims[data.beneficiaryId]) {
    throw new VictimAlreadyInCase(data.caseId, data.beneficiaryId);
  }
  return [
    {
      type: 'VictimAddedToCase',
      data: {
        caseId: data.caseId,
        beneficiaryId: data.beneficiaryId,
        formOfExploitation: data.formOfExploitation ?? current.formOfExploitation,
        minor: data.minor,
        addedAt,
      },
    },
  ];
}

function decideNote(
  { data, metadata }: AddInvestigationNote,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state, data.caseId);
  checkUuid('noteId', data.noteId);
  checkSealed('text', data.text);
  const addedAt = checkOccurredAt(metadata);
  // The text is sealed anew on every try, so a retry is known by its note id alone.
  if (alreadyRecorded(current, 'noteId', data.noteId, 'note')) return [];
  return [
    {
      type: 'InvestigationNoteAdded',
      data: { caseId: data.caseId, noteId: data.noteId, text: data.text, addedAt },
    },
  ];
}

function decideRescue(
  { data, metadata }: RecordRescueOperation,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state, data.caseId);
  checkUuid('operationId', data.operationId);
  checkPastDate('date', data.date, metadata);
  checkLabel('place', data.place);
  if (!Array.isArray(data.partnerAgencies) || data.partnerAgencies.length > MAX_PARTNER_AGENCIES) {
    invalid('partnerAgencies', `must be a list of at most ${MAX_PARTNER_AGENCIES} agencies.`);
  }
  data.partnerAgencies.forEach((agency) => checkLabel('partnerAgencies', agency));
  if (new Set(data.partnerAgencies).size !== data.partnerAgencies.length) {
    invalid('partnerAgencies', 'must not name an agency twice.');
  }
  if (
    !Array.isArray(data.rescuedBeneficiaryIds) ||
    data.rescuedBeneficiaryIds.length > MAX_RESCUED_PER_OPERATION
  ) {
    invalid(
      'rescuedBeneficiaryIds',
      `must be a list of at most ${MAX_RESCUED_PER_OPERATION} beneficiary ids.`,
    );
  }
  data.rescuedBeneficiaryIds.forEach((id) => checkUuid('rescuedBeneficiaryIds', id));
  if (new Set(data.rescuedBeneficiaryIds).size !== data.rescuedBeneficiaryIds.length) {
    invalid('rescuedBeneficiaryIds', 'must not name a beneficiary twice.');
  }
  const recordedAt = checkOccurredAt(metadata);
  const facts = JSON.stringify([
    data.date,
    data.place,
    data.partnerAgencies,
    data.rescuedBeneficiaryIds,
  ]);
  if (alreadyRecorded(current, 'operationId', data.operationId, facts)) return [];
  for (const beneficiaryId of data.rescuedBeneficiaryIds) victimOf(current, beneficiaryId);
  return [
    {
      type: 'RescueOperationRecorded',
      data: {
        caseId: data.caseId,
        operationId: data.operationId,
        date: data.date,
        place: data.place,
        partnerAgencies: [...data.partnerAgencies],
        rescuedBeneficiaryIds: [...data.rescuedBeneficiaryIds],
        recordedAt,
      },
    },
  ];
}

function decideIdentification(
  { data, metadata }: RecordVictimIdentification,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state, data.caseId);
  checkUuid('beneficiaryId', data.beneficiaryId);
  checkOneOf('outcome', data.outcome, IDENTIFICATION_OUTCOMES);
  checkPastDate('date', data.date, metadata);
  checkLabel('authority', data.authority, true);
  const recordedAt = checkOccurredAt(metadata);
  const victim = victimOf(current, data.beneficiaryId);
  const last = victim.identification;
  // The same decision sent again is a retry; another one (a later review) is recorded.
  if (
    last &&
    last.outcome === data.outcome &&
    last.date === data.date &&
    last.authority === data.authority
  ) {
    return [];
  }
  return [
    {
      type: 'VictimIdentificationRecorded',
      data: {
        caseId: data.caseId,
        beneficiaryId: data.beneficiaryId,
        outcome: data.outcome,
        date: data.date,
        authority: data.authority,
        recordedAt,
      },
    },
  ];
}

function decidePlacement(
  { data, metadata }: RecordShelterPlacement,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state, data.caseId);
  checkUuid('beneficiaryId', data.beneficiaryId);
  checkUuid('placementId', data.placementId);
  checkLabel('shelterName', data.shelterName);
  checkPastDate('from', data.from, metadata);
  // The end may be planned ahead: any real date.
  if (data.to !== null && !isCalendarDate(data.to)) {
    invalid('to', 'must be a real date written YYYY-MM-DD.');
  }
  const recordedAt = checkOccurredAt(metadata);
  const facts = JSON.stringify([data.beneficiaryId, data.shelterName, data.from, data.to]);
  if (alreadyRecorded(current, 'placementId', data.placementId, facts)) return [];
  victimOf(current, data.beneficiaryId);
  if (data.to !== null && data.to < data.from) throw new PlacementEndsBeforeStart(data.caseId);
  return [
    {
      type: 'ShelterPlacementRecorded',
      data: {
        caseId: data.caseId,
        beneficiaryId: data.beneficiaryId,
        placementId: data.placementId,
        shelterName: data.shelterName,
        from: data.from,
        to: data.to,
        recordedAt,
      },
    },
  ];
}

/** The step each step needs done first (the others may happen at any time, and repeat). */
const STEP_REQUIRES: Partial<Record<RepatriationStep, RepatriationStep>> = {
  RECEPTION: 'ESCORTED_JOURNEY',
  FOLLOW_UP: 'RECEPTION',
};

function decideRepatriationStep(
  { data, metadata }: RecordRepatriationStep,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state, data.caseId);
  checkUuid('beneficiaryId', data.beneficiaryId);
  checkOneOf('step', data.step, REPATRIATION_STEPS);
  checkPastDate('date', data.date, metadata);
  const recordedAt = checkOccurredAt(metadata);
  const victim = victimOf(current, data.beneficiaryId);
  if (victim.steps.includes(`${data.step}@${data.date}`)) return [];
  const done = (step: RepatriationStep) => victim.steps.some((s) => s.startsWith(`${step}@`));
  const requires = STEP_REQUIRES[data.step];
  if (requires && !done(requires)) throw new RepatriationStepOutOfOrder(data.step, requires);
  if (data.step === 'ESCORTED_JOURNEY') {
    if (victim.identification?.outcome !== 'OFFICIALLY_IDENTIFIED' && !victim.placed) {
      throw new VictimNotIdentifiedOrPlaced(data.caseId, data.beneficiaryId);
    }
    if (victim.minor && !current.guardianContact) throw new GuardianContactRequired(data.caseId);
  }
  return [
    {
      type: 'RepatriationStepRecorded',
      data: {
        caseId: data.caseId,
        beneficiaryId: data.beneficiaryId,
        step: data.step,
        date: data.date,
        recordedAt,
      },
    },
  ];
}

function decideGuardianContact(
  { data, metadata }: RecordGuardianContact,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  open(state, data.caseId);
  checkOneOf('kind', data.kind, GUARDIAN_CONTACT_KINDS);
  checkSealed('details', data.details);
  const recordedAt = checkOccurredAt(metadata);
  return [
    {
      type: 'GuardianContactRecorded',
      data: { caseId: data.caseId, kind: data.kind, details: data.details, recordedAt },
    },
  ];
}

function decideClose(
  { data, metadata }: CloseProtectionCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = opened(state, data.caseId);
  checkOneOf('reason', data.reason, CASE_CLOSURE_REASONS);
  const closedAt = checkOccurredAt(metadata);
  if (current.status === 'CLOSED') {
    if (current.closureReason === data.reason) return [];
    throw new ProtectionCaseIsClosed(data.caseId);
  }
  if (hasMinor(current) && !current.guardianContact) {
    throw new GuardianContactRequired(data.caseId);
  }
  return [
    { type: 'ProtectionCaseClosed', data: { caseId: data.caseId, reason: data.reason, closedAt } },
  ];
}

function decideReopen(
  { data, metadata }: ReopenProtectionCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = opened(state, data.caseId);
  checkOneOf('reason', data.reason, CASE_REOPENING_REASONS);
  const reopenedAt = checkOccurredAt(metadata);
  if (current.status !== 'CLOSED') throw new ProtectionCaseNotClosed(data.caseId);
  return [
    {
      type: 'ProtectionCaseReopened',
      data: { caseId: data.caseId, reason: data.reason, reopenedAt },
    },
  ];
}

export function decideProtectionCase(
  command: ProtectionCaseCommand,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  switch (command.type) {
    case 'OpenProtectionCase':
      return decideOpen(command, state);
    case 'AddVictimToCase':
      return decideAddVictim(command, state);
    case 'AddInvestigationNote':
      return decideNote(command, state);
    case 'RecordRescueOperation':
      return decideRescue(command, state);
    case 'RecordVictimIdentification':
      return decideIdentification(command, state);
    case 'RecordShelterPlacement':
      return decidePlacement(command, state);
    case 'RecordRepatriationStep':
      return decideRepatriationStep(command, state);
    case 'RecordGuardianContact':
      return decideGuardianContact(command, state);
    case 'CloseProtectionCase':
      return decideClose(command, state);
    case 'ReopenProtectionCase':
      return decideReopen(command, state);
    default: {
      // Exhaustive: a new command type fails to compile here until it is decided.
      const unknown: never = command;
      throw new Error(`Unknown command ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

function withVictim(
  state: OpenedCase,
  beneficiaryId: string,
  change: (victim: VictimState) => VictimState,
): OpenedCase {
  const victim = state.victims[beneficiaryId];
  if (!victim) return state;
  return { ...state, victims: { ...state.victims, [beneficiaryId]: change(victim) } };
}

export function evolveProtectionCase(
  state: ProtectionCaseState,
  event: ProtectionCaseEvent,
): ProtectionCaseState {
  if (event.type === 'ProtectionCaseOpened') {
    const { caseId, country, province, abroad, formOfExploitation, sourceNotificationId } =
      event.data;
    return {
      status: 'OPEN',
      caseId,
      country,
      province,
      abroad,
      formOfExploitation,
      sourceNotificationId,
      victims: {},
      guardianContact: false,
      records: {},
      closureReason: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'VictimAddedToCase':
      return {
        ...state,
        victims: {
          ...state.victims,
          [event.data.beneficiaryId]: {
            minor: event.data.minor,
            identification: null,
            placed: false,
            steps: [],
          },
        },
      };
    case 'InvestigationNoteAdded':
      return { ...state, records: { ...state.records, [event.data.noteId]: 'note' } };
    case 'RescueOperationRecorded': {
      const { operationId, date, place, partnerAgencies, rescuedBeneficiaryIds } = event.data;
      const facts = JSON.stringify([date, place, partnerAgencies, rescuedBeneficiaryIds]);
      return { ...state, records: { ...state.records, [operationId]: facts } };
    }
    case 'VictimIdentificationRecorded': {
      const { outcome, date, authority } = event.data;
      return withVictim(state, event.data.beneficiaryId, (victim) => ({
        ...victim,
        identification: { outcome, date, authority },
      }));
    }
    case 'ShelterPlacementRecorded': {
      const { beneficiaryId, placementId, shelterName, from, to } = event.data;
      const facts = JSON.stringify([beneficiaryId, shelterName, from, to]);
      const placed = withVictim(state, beneficiaryId, (victim) => ({ ...victim, placed: true }));
      return { ...placed, records: { ...placed.records, [placementId]: facts } };
    }
    case 'RepatriationStepRecorded':
      return withVictim(state, event.data.beneficiaryId, (victim) => ({
        ...victim,
        steps: [...victim.steps, `${event.data.step}@${event.data.date}`],
      }));
    case 'GuardianContactRecorded':
      return { ...state, guardianContact: true };
    case 'ProtectionCaseClosed':
      return { ...state, status: 'CLOSED', closureReason: event.data.reason };
    case 'ProtectionCaseReopened':
      return { ...state, status: 'OPEN', closureReason: null };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

/** The protection case decider, for the command handler. */
export const protectionCaseDecider = {
  decide: decideProtectionCase,
  evolve: evolveProtectionCase,
  initialState: initialProtectionCaseState,
};
