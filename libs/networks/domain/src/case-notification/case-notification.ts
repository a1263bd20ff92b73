import {
  CASE_NOTIFICATION_REJECTION_REASONS,
  FORMS_OF_EXPLOITATION,
  PLACES_OF_EXPLOITATION,
  REPORTER_KINDS,
  type CaseNotificationEvent,
  type CaseNotificationReferred,
  type CaseNotificationRejectionReason,
  type CaseNotificationStatus,
  type CaseNotificationSubmitted,
  type FormOfExploitation,
  type PlaceOfExploitation,
  type ReporterKind,
} from '@haven/networks/contracts';
import {
  check,
  type CommandMetadata,
  type Decider,
  refusingAs,
  sameJson,
  unreachable,
} from '@haven/platform/domain';
import { MAX_PLACE_LENGTH } from '../checks';
import { recorderOf, sameRecorder, type Recorder, type WithRecorder } from '../recorded-by';
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
import { COUNTRIES, COUNTRY_CODES, type Country, type CountryCode } from '../vocabulary';

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
    /** The kind of place where it happened, when the reporter said. */
    placeOfExploitation: PlaceOfExploitation | null;
    /** TH, LA, MM or VN; OTHER when abroad. */
    country: Country;
    province: string | null;
    /** Where abroad (ISO 3166-1), when abroad and known. */
    destination?: CountryCode | null;
    /** The possible victims' nationality (ISO 3166-1), when known and shared. */
    nationality?: CountryCode | null;
    possibleVictims: number;
    minors: number;
    /**
     * When the notification reached the alliance (a call taken last week, entered today), if
     * before it is recorded: the date of the fact. Absent, it is the time it is recorded.
     */
    notifiedAt?: string | null;
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

/** What a submission said, as recorded (without its time; what was not said null). */
export type SubmittedFacts = Omit<
  CaseNotificationSubmitted['data'],
  'submittedAt' | 'placeOfExploitation' | 'destination' | 'nationality'
> & {
  placeOfExploitation: PlaceOfExploitation | null;
  destination: CountryCode | null;
  nationality: CountryCode | null;
};

/**
 * Who submitted a notification, from its first event's metadata: a retry of a submission is
 * recognised as its submitter's only (absent for an event read without its metadata).
 */
export type Submitter = Recorder;

export type CaseNotificationState =
  | { status: 'NONE' }
  | { status: CaseNotificationStatus; facts: SubmittedFacts; submitter?: Submitter };

/** An event as the store returns it: with the metadata it was recorded with. */
export type RecordedCaseNotificationEvent = WithRecorder<CaseNotificationEvent>;

export function initialCaseNotificationState(): CaseNotificationState {
  return { status: 'NONE' };
}

// ---- Rules. ------------------------------------------------------------------------------

function checkSubmission({ data }: SubmitCaseNotification): SubmittedFacts {
  const notificationId = check.uuid(data.notificationId, 'notificationId');
  const reportedBy = check.oneOf(REPORTER_KINDS, data.reportedBy, 'reportedBy');
  const reporterReference = check.optionalUuid(data.reporterReference, 'reporterReference');
  if (reportedBy === 'STAFF' && reporterReference !== null) {
    throw fail('reporterReference', 'must be null when staff report (the event names the actor).');
  }
  if (reporterReference !== null && !data.reporterKnown) {
    throw new UnknownReporter(`names no ${reportedBy.toLowerCase().replace(/_/g, ' ')} record.`);
  }
  const formOfExploitation = check.oneOf(
    FORMS_OF_EXPLOITATION,
    data.formOfExploitation,
    'formOfExploitation',
  );
  const placeOfExploitation = check.optionalOneOf(
    PLACES_OF_EXPLOITATION,
    data.placeOfExploitation,
    'placeOfExploitation',
  );
  const country = check.oneOf(COUNTRIES, data.country, 'country');
  const abroad = country === 'OTHER';
  const province = check.optionalLine(data.province, 'province', MAX_PLACE_LENGTH);
  if (abroad && province !== null) {
    throw fail('province', 'must be empty for a notification abroad (country OTHER).');
  }
  const destination = check.optionalOneOf(COUNTRY_CODES, data.destination, 'destination');
  if (destination !== null && !abroad) {
    throw fail('destination', 'is only for a notification abroad (country OTHER).');
  }
  const nationality = check.optionalOneOf(COUNTRY_CODES, data.nationality, 'nationality');
  const possibleVictims = check.wholeNumber(data.possibleVictims, 'possibleVictims', {
    min: 1,
    max: MAX_POSSIBLE_VICTIMS,
  });
  const minors = check.wholeNumber(data.minors, 'minors', { min: 0, max: MAX_POSSIBLE_VICTIMS });
  if (minors > possibleVictims) throw new MinorsExceedVictims();
  return {
    notificationId,
    reportedBy,
    reporterReference,
    formOfExploitation,
    placeOfExploitation,
    country,
    province,
    abroad,
    destination,
    nationality,
    possibleVictims,
    minors,
  };
}

function submit(
  command: SubmitCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  const facts = checkSubmission(command);
  const recordedAt = occurredAt(command.metadata);
  // The notification is dated when it reached the alliance; the store keeps when it was recorded.
  const submittedAt =
    command.data.notifiedAt === null || command.data.notifiedAt === undefined
      ? recordedAt
      : check.instantOfFact(command.data.notifiedAt, 'notifiedAt', recordedAt);
  if (state.status !== 'NONE') {
    // The same submission again, by its submitter (a client retrying with its id), changes
    // nothing. Anyone else is told the id is taken whatever the facts they send, so that an id
    // is no oracle for another's notification.
    if (sameRecorder(state.submitter, command.metadata) && sameJson(state.facts, facts)) {
      return [];
    }
    throw new CaseNotificationAlreadySubmitted();
  }
  return [{ type: 'CaseNotificationSubmitted', data: { ...facts, submittedAt } }];
}

/** The command's time as a UTC instant: the domain never reads a clock. */
function occurredAt(metadata: CommandMetadata): string {
  return check.instant(metadata.occurredAt, 'occurredAt');
}

/** The state of an existing notification, or NOT_FOUND. */
function existing(
  state: CaseNotificationState,
): Exclude<CaseNotificationState, { status: 'NONE' }> {
  if (state.status === 'NONE') throw new CaseNotificationNotFound();
  return state;
}

function mustBeSubmitted(state: CaseNotificationState): void {
  const { status } = existing(state);
  if (status !== 'SUBMITTED') throw new CaseNotificationNotSubmitted(status);
}

function validate(
  { data, metadata }: ValidateCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  mustBeSubmitted(state);
  const validatedAt = occurredAt(metadata);
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
  mustBeSubmitted(state);
  const reason = check.oneOf(CASE_NOTIFICATION_REJECTION_REASONS, data.reason, 'reason');
  const rejectedAt = occurredAt(metadata);
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
  existing(state);
  const duplicateOf = check.uuid(data.duplicateOf, 'duplicateOf');
  if (duplicateOf === data.notificationId) throw new DuplicateOfItself();
  mustBeSubmitted(state);
  if (!data.original) throw new OriginalNotificationNotFound();
  if (data.original.status === 'DUPLICATE') throw new OriginalIsADuplicate();
  const markedAt = occurredAt(metadata);
  return [
    {
      type: 'CaseNotificationMarkedDuplicate',
      data: { notificationId: data.notificationId, duplicateOf, markedAt },
    },
  ];
}

function refer(
  { metadata }: ReferCaseNotification,
  state: CaseNotificationState,
): CaseNotificationEvent[] {
  const { status, facts } = existing(state);
  switch (status) {
    case 'SUBMITTED':
      throw new CaseNotificationNotValidated();
    case 'REJECTED':
      throw new RejectedNotificationNotReferable();
    case 'DUPLICATE':
      throw new DuplicateNotificationNotReferable();
    case 'REFERRED':
      throw new CaseNotificationAlreadyReferred();
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
      destination: facts.destination,
      formOfExploitation: facts.formOfExploitation,
      placeOfExploitation: facts.placeOfExploitation,
      possibleVictims: facts.possibleVictims,
      minors: facts.minors,
      reportedBy: facts.reportedBy,
      referredAt: occurredAt(metadata),
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
    default:
      // Exhaustive: a new command type fails to compile here until it is decided.
      return unreachable(command, 'command');
  }
}

export function evolveCaseNotification(
  state: CaseNotificationState,
  event: RecordedCaseNotificationEvent,
): CaseNotificationState {
  switch (event.type) {
    case 'CaseNotificationSubmitted': {
      // A notification recorded before the place, the destination or the nationality was asked
      // said none.
      const { submittedAt: _submittedAt, ...recorded } = event.data;
      const facts = {
        ...recorded,
        placeOfExploitation: recorded.placeOfExploitation ?? null,
        destination: recorded.destination ?? null,
        nationality: recorded.nationality ?? null,
      };
      const submitter = recorderOf(event);
      return submitter ? { status: 'SUBMITTED', facts, submitter } : { status: 'SUBMITTED', facts };
    }
    case 'CaseNotificationValidated':
      return state.status === 'NONE' ? state : { ...state, status: 'VALIDATED' };
    case 'CaseNotificationRejected':
      return state.status === 'NONE' ? state : { ...state, status: 'REJECTED' };
    case 'CaseNotificationMarkedDuplicate':
      return state.status === 'NONE' ? state : { ...state, status: 'DUPLICATE' };
    case 'CaseNotificationReferred':
      return state.status === 'NONE' ? state : { ...state, status: 'REFERRED' };
    default:
      return unreachable(event, 'event');
  }
}

/** The case notification decider, for the command handler. */
export const caseNotificationDecider: Decider<
  CaseNotificationCommand,
  RecordedCaseNotificationEvent,
  CaseNotificationState
> = {
  decide: (command, state) =>
    refusingAs(InvalidCaseNotificationData, () => decideCaseNotification(command, state)),
  evolve: evolveCaseNotification,
  initialState: initialCaseNotificationState,
};
