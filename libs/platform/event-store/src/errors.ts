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

/**
 * Some event ids of the append are already stored, but not as this exact append: a retry must
 * resend the same events to the same stream.
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(
      `Event id(s) ${eventIds.join(', ')} are already stored, but not as the same append to stream ${streamId}.`,
    );
    this.name = 'EventIdConflictError';
  }
}
