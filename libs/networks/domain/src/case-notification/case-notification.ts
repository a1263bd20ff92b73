import {
  CASE_NOTIFICATION_REJECTION_REASONS,
  FORMS_OF_EXPLOITATION,
  REPORTER_KINDS,
  type CaseNotificationEvent,
  type CaseNotificationReferred,
  type CaseNotificationRejectionReason,
  type CaseNotificationStatus,
  type CaseNotificationSubmitted,
  type FormOfExploitation,
  type ReporterKind,
} from '@haven/networks/contracts';
import type { CommandMetadata } from '../command-metadata';
import {
  CaseNotificationAlreadyReferred,
  CaseNotificationAlreadySubmitted,
  CaseNotificationNotFound,
  CaseNotificationNotSubmitted,
  CaseNotificationNotValidated,
  DuplicateNotificationNotReferable,
  DuplicateOfItself,
  InvalidCaseNotificationData,
  MinorsExceedVictims,
  OriginalIsADuplicate,
  OriginalNotificationNotFound,
  RejectedNotificationNotReferable,
  UnknownReporter,
} from '../errors';
import {
  count,
  isUuid,
  MAX_PLACE_LENGTH,
  occurredAt,
  oneOf,
  optionalLine,
  sameJson,
} from '../rules';
import { COUNTRIES, type Country } from '../vocabulary';

const fail = (field: string, reason: string) => new InvalidCaseNotificationData(field, reason);

/** More possible victims than this is a typing error, not a case. */
export const MAX_POSSIBLE_VICTIMS = 10_000;

// ---- Commands. ---------------------------------------------------------------------------

/**
 * Notify a case. Structured facts only: there is no description, since free text about a case
 * names people. `notificationId` may come from the client, which makes retries safe.
 */
export type SubmitCaseNotification = {
  type: 'SubmitCaseNotification';
  data: {
    notificationId: string;
    reportedBy: ReporterKind;
    reporterReference: string | null;
    formOfExploitation: FormOfExploitation;
    /** TH, LA, MM or VN; OTHER when abroad. */
    country: Country;
    province: string | null;
    possibleVictims: number;
    minors: number;
    /**
     * Whether `reporterReference` names a record of the reporter's kind (true when there is no
     * reference): the caller looks it up, the domain decides.
     */
    reporterKnown: boolean;
  };
  metadata: CommandMetadata;
};

export type ValidateCaseNotification = {
  type: 'ValidateCaseNotification';
  data: { notificationId: string };
  metadata: CommandMetadata;
};

export type RejectCaseNotification = {
  type: 'RejectCaseNotification';
  data: { notificationId: string; reason: CaseNotificationRejectionReason };
  metadata: CommandMetadata;
};

/**
 * Mark a notification a duplicate of another. The caller reads the other notification first
 * and passes its status as `original` (null when there is none it may see): the rule is the
 * domain's, the reading is not.
 */
export type MarkCaseNotificationDuplicate = {
  type: 'MarkCaseNotificationDuplicate';
  data: {
    notificationId: string;
    duplicateOf: string;
    original: { status: CaseNotificationStatus } | null;
  };
  metadata: CommandMetadata;
};

export type ReferCaseNotification = {
  type: 'ReferCaseNotification';
  data: { notificationId: string };
  metadata: CommandMetadata;
};

export type CaseNotificationCommand =
  | SubmitCaseNotification
  | ValidateCaseNotification
  | RejectCaseNotification
  | MarkCaseNotificationDuplicate
  | ReferCaseNotification;

// ---- State. ------------------------------------------------------------------------------

/** What a submission said, as recorded (without its time). */
export type SubmittedFacts = Omit<CaseNotificationSubmitted['data'], 'submittedAt'>;

export type CaseNotificationState =
  { status: 'NONE' } | { status: CaseNotificationStatus; facts: SubmittedFacts };

export function initialCaseNotificationState(): CaseNotificationState {
  return { status: 'NONE' };
}

// ---- Rules. ------------------------------------------------------------------------------

function checkSubmission({ data }: SubmitCaseNotification): SubmittedFacts {
  if (!isUuid(data.notificationId)) throw fail('notificationId', 'must be a lower-case UUID.');
  const reportedBy = oneOf(REPORTER_KINDS, data.reportedBy, 'reportedBy', fail);
  if (data.reporterReference !== null && !isUuid(data.reporterReference)) {
    throw fail('reporterReference', 'must be a lower-case UUID, or null.');
  }
  if (reportedBy === 'STAFF' && data.reporterReference !== null) {
    throw fail('reporterReference', 'must be null when staff report (the event names the actor).');
  }
  if (data.reporterReference !== null && !data.reporterKnown) {
    throw new UnknownReporter(`names no ${reportedBy.toLowerCase().replace(/_/g, ' ')} record.`);
  }
  const formOfExploitation = oneOf(
    FORMS_OF_EXPLOITATION,
    data.formOfExploitation,
    'formOfExploitation',
    fail,
  );
  const country = oneOf(COUNTRIES, data.country, 'country', fail);
  const abroad = country === 'OTHER';
  const province = optionalLine(data.province, 'province', MAX_PLACE_LENGTH, fail);
  if (abroad && province !== null) {
    throw fail('province', 'must be empty for a notification abroad (country OTHER).');
  }
  const possibleVictims = count(
    data.possibleVictims,
    'possibleVictims',
    { min: 1, max: MAX_POSSIBLE_VICTIMS },
    fail,
  );
  const minors = count(data.minors, 'minors', { min: 0, max: MAX_POSSIBLE_VICTIMS }, fail);
  if (minors > possibleVictims) throw new MinorsExceedVictims();
  return {
    notificationId: data.notificationId,
    reportedBy,
    reporterReference: data.reporterReference,
    formOfExploitation,
    country,
    province,
    abroad,
    possibleVictims,
    minors,
  };
}

function submit(
  command: SubmitCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  const facts = checkSubmission(command);
  const submittedAt = occurredAt(command.metadata.occurredAt, fail);
  if (state.status !== 'NONE') {
    // The same submission again (a client retrying with its id) changes nothing.
    if (sameJson(state.facts, facts)) return [];
    throw new CaseNotificationAlreadySubmitted(facts.notificationId);
  }
  return [{ type: 'CaseNotificationSubmitted', data: { ...facts, submittedAt } }];
}

/** The state of an existing notification, or NOT_FOUND. */
function existing(
  state: CaseNotificationState,
  notificationId: string,
): Exclude<CaseNotificationState, { status: 'NONE' }> {
  if (state.status === 'NONE') throw new CaseNotificationNotFound(notificationId);
  return state;
}

function mustBeSubmitted(state: CaseNotificationState, notificationId: string): void {
  const { status } = existing(state, notificationId);
  if (status !== 'SUBMITTED') throw new CaseNotificationNotSubmitted(notificationId, status);
}

function validate(
  { data, metadata }: ValidateCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  mustBeSubmitted(state, data.notificationId);
  const validatedAt = occurredAt(metadata.occurredAt, fail);
  return [
    {
      type: 'CaseNotificationValidated',
      data: { notificationId: data.notificationId, validatedAt },
    },
  ];
}

function reject(
  { data, metadata }: RejectCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  mustBeSubmitted(state, data.notificationId);
  const reason = oneOf(CASE_NOTIFICATION_REJECTION_REASONS, data.reason, 'reason', fail);
  const rejectedAt = occurredAt(metadata.occurredAt, fail);
  return [
    {
      type: 'CaseNotificationRejected',
      data: { notificationId: data.notificationId, reason, rejectedAt },
    },
  ];
}

function markDuplicate(
  { data, metadata }: MarkCaseNotificationDuplicate,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  existing(state, data.notificationId);
  if (!isUuid(data.duplicateOf)) throw fail('duplicateOf', 'must be a lower-case UUID.');
  if (data.duplicateOf === data.notificationId) throw new DuplicateOfItself();
  mustBeSubmitted(state, data.notificationId);
  if (!data.original) throw new OriginalNotificationNotFound();
  if (data.original.status === 'DUPLICATE') throw new OriginalIsADuplicate(data.duplicateOf);
  const markedAt = occurredAt(metadata.occurredAt, fail);
  return [
    {
      type: 'CaseNotificationMarkedDuplicate',
      data: { notificationId: data.notificationId, duplicateOf: data.duplicateOf, markedAt },
    },
  ];
}

function refer(
  { data, metadata }: ReferCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  const { status, facts } = existing(state, data.notificationId);
  switch (status) {
    case 'SUBMITTED':
      throw new CaseNotificationNotValidated(data.notificationId);
    case 'REJECTED':
      throw new RejectedNotificationNotReferable(data.notificationId);
    case 'DUPLICATE':
      throw new DuplicateNotificationNotReferable(data.notificationId);
    case 'REFERRED':
      throw new CaseNotificationAlreadyReferred(data.notificationId);
    case 'VALIDATED':
      break;
  }
  const referred: CaseNotificationReferred = {
    type: 'CaseNotificationReferred',
    data: {
      notificationId: facts.notificationId,
      country: facts.country,
      province: facts.province,
      abroad: facts.abroad,
      formOfExploitation: facts.formOfExploitation,
      possibleVictims: facts.possibleVictims,
      minors: facts.minors,
      reportedBy: facts.reportedBy,
      referredAt: occurredAt(metadata.occurredAt, fail),
    },
  };
  return [referred];
}

export function decideCaseNotification(
  command: CaseNotificationCommand,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  switch (command.type) {
    case 'SubmitCaseNotification':
      return submit(command, state);
    case 'ValidateCaseNotification':
      return validate(command, state);
    case 'RejectCaseNotification':
      return reject(command, state);
    case 'MarkCaseNotificationDuplicate':
      return markDuplicate(command, state);
    case 'ReferCaseNotification':
      return refer(command, state);
    default: {
      // Exhaustive: a new command type fails to compile here until it is decided.
      const unknown: never = command;
      throw new Error(`Unknown command ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

export function evolveCaseNotification(
  state: CaseNotificationState,
  event: CaseNotificationEvent,
): CaseNotificationState {
  switch (event.type) {
    case 'CaseNotificationSubmitted': {
      const { submittedAt: _submittedAt, ...facts } = event.data;
      return { status: 'SUBMITTED', facts };
    }
    case 'CaseNotificationValidated':
      return state.status === 'NONE' ? state : { ...state, status: 'VALIDATED' };
    case 'CaseNotificationRejected':
      return state.status === 'NONE' ? state : { ...state, status: 'REJECTED' };
    case 'CaseNotificationMarkedDuplicate':
      return state.status === 'NONE' ? state : { ...state, status: 'DUPLICATE' };
    case 'CaseNotificationReferred':
      return state.status === 'NONE' ? state : { ...state, status: 'REFERRED' };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

/** The case notification decider, for the command handler. */
export const caseNotificationDecider = {
  decide: decideCaseNotification,
  evolve: evolveCaseNotification,
  initialState: initialCaseNotificationState,
};
