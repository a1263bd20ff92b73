import {
  AppendContentionError,
  WrongExpectedVersionError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type JsonObject,
  type NewEvent,
} from '@haven/platform/event-store';
import type { ClientBase, PoolClient } from 'pg';
import { ConcurrencyConflictError } from './errors';

import type { Decider } from '@haven/platform/domain';

export type { Decider };

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

/** What a command decided against the stream as it was loaded. */
interface Decision<Event> {
  events: Event[];
  expectedVersion: ExpectedVersion;
  /** The result when the command decides nothing: the stream as it is. */
  unchanged: CommandResult;
}

/** How a stream's events fold into state, and what to decide on that state (sync or async). */
export interface StreamDecision<Event, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(state: State): Event[] | Promise<Event[]>;
}

/**
 * Load, decide, then `append` what was decided; when someone appended to the stream in between
 * (`isConcurrent`), load and decide again, up to `maxAttempts` times, then fail with
 * ConcurrencyConflictError. Domain errors thrown by `decide` pass through, and nothing is written.
 */
async function decideAndAppend<Event extends { type: string; data: JsonObject }, State>(
  store: EventStore,
  streamId: string,
  decider: StreamDecision<Event, State>,
  maxAttempts: number,
  append: (decision: Decision<Event>) => Promise<AppendResult>,
  isConcurrent: (error: unknown) => boolean = (error) =>
    error instanceof WrongExpectedVersionError || error instanceof AppendContentionError,
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamId);
    // The store has upcast old shapes: what it returns is the domain's current event shape.
    const history = recorded as unknown as Event[];
    const state = history.reduce(decider.evolve, decider.initialState());
    const last = recorded[recorded.length - 1];
    const decision: Decision<Event> = {
      events: await decider.decide(state),
      expectedVersion: last ? last.streamVersion : 'no_stream',
      unchanged: {
        streamId,
        streamVersion: last?.streamVersion ?? 0,
        position: last?.globalPosition ?? 0,
        appended: 0,
      },
    };
    if (decision.events.length === 0) return decision.unchanged;
    try {
      const result = await append(decision);
      return {
        streamId,
        streamVersion: result.nextExpectedVersion,
        position: result.globalPositions[result.globalPositions.length - 1],
        appended: decision.events.length,
      };
    } catch (error) {
      if (!isConcurrent(error)) throw error;
      if (attempt >= maxAttempts) throw new ConcurrencyConflictError(streamId, attempt);
    }
  }
}

/** A decider with its command bound: what decideAndAppend folds and decides. */
function bound<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  command: Command,
): StreamDecision<Event, State> {
  return {
    initialState: () => decider.initialState(),
    evolve: (state, event) => decider.evolve(state, event),
    decide: (state) => decider.decide(command, state),
  };
}

export interface DecideOnStreamOptions<Event> extends HandleCommandOptions {
  /** The id of the event at `index` of a decision: derived ids make a replayed reaction a retry. */
  eventIdOf?: (index: number) => string;
  /**
   * Other writes in the append's transaction (a TransactionalEventStore and `connect` needed):
   * either everything commits or nothing does.
   */
  alongside?: {
    connect: () => Promise<PoolClient>;
    write: (client: PoolClient, appended: AppendResult, events: Event[]) => Promise<void>;
  };
}

function schemaVersionOf(event: object): number | undefined {
  const { schemaVersion } = event as { schemaVersion?: unknown };
  return typeof schemaVersion === 'number' && schemaVersion > 1 ? schemaVersion : undefined;
}

/**
 * The one write path under every command handler and reactor: load the stream once, fold it,
 * decide (the decision may authorise and build its command first, asynchronously), append with
 * the expected version, retry on a concurrent append.
 */
export async function decideOnStream<Event extends { type: string; data: JsonObject }, State>(
  store: EventStore,
  streamId: string,
  decision: StreamDecision<Event, State>,
  metadata: EventMetadata,
  options: DecideOnStreamOptions<Event> = {},
): Promise<CommandResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  const toNew = (events: Event[]): NewEvent[] =>
    events.map((event, index) => ({
      ...(options.eventIdOf ? { eventId: options.eventIdOf(index) } : {}),
      type: event.type,
      data: event.data,
      // An event of a later shape says so (DomainEvent's schemaVersion); absent means 1.
      ...(schemaVersionOf(event) ? { schemaVersion: schemaVersionOf(event) } : {}),
      metadata,
    }));
  const { alongside } = options;
  if (!alongside) {
    return decideAndAppend(store, streamId, decision, maxAttempts, ({ events, expectedVersion }) =>
      store.append(streamId, toNew(events), expectedVersion),
    );
  }
  const transactional = store as TransactionalEventStore;
  const result = await decideAndAppend(
    store,
    streamId,
    decision,
    maxAttempts,
    async ({ events, expectedVersion }) => {
      const client = await alongside.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const appended = await transactional.appendInTransaction(
          client,
          streamId,
          toNew(events),
          expectedVersion,
        );
        await alongside.write(client, appended, events);
        await client.query('COMMIT');
        return appended;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    // Someone appended to the stream meanwhile: a stale expected version, or the same new
    // version taken first (a unique violation inside our transaction). Decide again.
    (error) =>
      error instanceof WrongExpectedVersionError ||
      error instanceof AppendContentionError ||
      ((error as { code?: string })?.code === '23505' &&
        (error as { constraint?: string })?.constraint !== 'events_event_id_unique'),
  );
  if (result.appended > 0) transactional.notifyCommitted();
  return result;
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
  return decideOnStream(store, streamId, bound(decider, command), metadata, options);
}

/** An event store that can append inside a transaction its caller holds (the PostgreSQL one). */
export interface TransactionalEventStore extends EventStore {
  appendInTransaction(
    client: Pick<ClientBase, 'query'>,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>;
  /** Wakes subscribers once the caller's transaction has committed. */
  notifyCommitted(): void;
}

/**
 * `handleCommand`, with other writes in the same database transaction as the append: `alongside`
 * runs on the transaction's client right after the events are appended, and either everything
 * commits or nothing does (the events included). `connect` hands out a client of a pool on the
 * event store's database; it is released when done.
 */
export async function handleCommandInTransaction<
  Command,
  Event extends { type: string; data: JsonObject },
  State,
>(
  store: TransactionalEventStore,
  connect: () => Promise<PoolClient>,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  metadata: EventMetadata,
  alongside: (client: PoolClient, appended: AppendResult, events: Event[]) => Promise<void>,
  options: HandleCommandOptions = {},
): Promise<CommandResult> {
  return decideOnStream(store, streamId, bound(decider, command), metadata, {
    ...options,
    alongside: { connect, write: alongside },
  });
}
