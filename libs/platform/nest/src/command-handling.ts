import {
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type JsonObject,
} from '@haven/platform/event-store';
import { ConcurrencyConflictError } from './errors';

/** A domain's decider, as `libs/<service>/domain` exports it (pure functions). */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface CommandResult {
  streamId: string;
  /** The stream's version after the command (0: the stream has no events). */
  streamVersion: number;
  /** The global position of the stream's last event: what a read model must reach to show it. */
  position: number;
  /** How many events the command appended (0 when it changed nothing, e.g. a repeat). */
  appended: number;
}

export interface HandleCommandOptions {
  /** Tries when the stream changes between loading and appending (default 3). */
  maxAttempts?: number;
}

/**
 * The write side of a command: load the stream, fold it into state, decide, append with the
 * expected version. When someone else appended in between, reload and decide again, a bounded
 * number of times, then fail with ConcurrencyConflictError. Domain errors thrown by `decide`
 * pass through untouched, and nothing is written.
 */
export async function handleCommand<
  Command,
  Event extends { type: string; data: JsonObject },
  State,
>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  metadata: EventMetadata,
  options: HandleCommandOptions = {},
): Promise<CommandResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamId);
    // The store has upcast old shapes: what it returns is the domain's current event shape.
    const history = recorded as unknown as Event[];
    const state = history.reduce(decider.evolve, decider.initialState());
    const last = recorded[recorded.length - 1];
    const events = decider.decide(command, state);
    if (events.length === 0) {
      return {
        streamId,
        streamVersion: last?.streamVersion ?? 0,
        position: last?.globalPosition ?? 0,
        appended: 0,
      };
    }
    try {
      const result = await store.append(
        streamId,
        events.map(({ type, data }) => ({ type, data, metadata })),
        last ? last.streamVersion : 'no_stream',
      );
      return {
        streamId,
        streamVersion: result.nextExpectedVersion,
        position: result.globalPositions[result.globalPositions.length - 1],
        appended: events.length,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (attempt >= maxAttempts) throw new ConcurrencyConflictError(streamId, attempt);
    }
  }
}
