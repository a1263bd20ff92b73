import type { ExpectedVersion } from './event-store';

/** Base class of the store's typed errors; `code` is stable for callers to switch on. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the version the caller expected: reload, decide again, retry. */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(
      `Stream ${streamId} is at version ${actualVersion}, but version ${String(expectedVersion)} was expected.`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/** The append was refused before anything was written: the input itself is wrong. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(
    /** Which part of the input is wrong, e.g. `streamId` or `events[2].data.notes`. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid append: ${field} ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

/** Why a retry's event ids were refused (EventIdConflictError). */
export type EventIdConflictReason =
  /** Some of the ids are stored, not all of them. */
  | 'partial'
  /** The ids are stored in another stream. */
  | 'other_stream'
  /** The ids are stored in this stream, with another type, schema version, data or metadata. */
  | 'different_content';

const CONFLICT_REASONS: Record<EventIdConflictReason, string> = {
  partial: 'only some of them are',
  other_stream: 'in another stream',
  different_content: 'with other content',
};

/**
 * Some event ids of the append are already stored, but not as this exact append: a retry must
 * resend the same events (same type, data and metadata) to the same stream.
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    readonly reason: EventIdConflictReason = 'partial',
  ) {
    super(
      `Event id(s) ${eventIds.join(', ')} are already stored (${CONFLICT_REASONS[reason]}), but not as the same append to stream ${streamId}.`,
    );
    this.name = 'EventIdConflictError';
  }
}

/**
 * The append lost every race it ran (other writers kept taking the stream's next version, or its
 * registration for readers was refused), and nothing was written. Not a conflict: the expected
 * version held each time. Retrying the same append later is safe.
 */
export class AppendContentionError extends EventStoreError {
  readonly code = 'APPEND_CONTENTION';
  readonly retryable = true;
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(
      `The append to stream ${streamId} lost ${attempts} races with other writers and wrote nothing; it may be retried.`,
    );
    this.name = 'AppendContentionError';
  }
}
