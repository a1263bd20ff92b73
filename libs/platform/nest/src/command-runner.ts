import { Inject, Injectable } from '@nestjs/common';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  JsonObject,
  RecordedEvent,
} from '@haven/platform/event-store';
import { DomainError, type Decider } from '@haven/platform/domain';
import type { Projection } from '@haven/platform/projections';
import type { Principal } from '@haven/platform/security';
import type { PoolClient } from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { decideOnStream, type CommandResult } from './command-handling';
import { EVENT_STORE, ServiceDatabase } from './database';

/** Who gives a command, and the metadata its events will carry. */
export interface CommandContext {
  principal: Principal;
  metadata: EventMetadata;
}

type StoredEvent = { type: string; data: JsonObject };

/**
 * One command of a programme, declared once: which stream it acts on, who may give it against
 * the stream as loaded, and how the domain command is built from the request. The runner loads
 * the stream once, folds it, authorises, builds the command, decides and appends with the
 * expected version; on a concurrent append it does all of it again, a bounded number of times.
 */
export interface CommandDefinition<Input, C, E extends StoredEvent, S> {
  decider: Decider<C, E, S>;
  /** The stream the command acts on (ids arrive checked and lower-cased by the input layer). */
  streamId(input: Input): string;
  /**
   * Throws (a FORBIDDEN or NOT_FOUND GraphQL error, or a DomainError) when the principal may not
   * give this command to this stream as it stands. The state is the one the decision uses.
   */
  authorise(state: S, principal: Principal, input: Input): void;
  /**
   * The domain command. May read other records or seal personal fields (async); it runs again
   * on a retry, against the newer state.
   */
  command(input: Input, state: S, context: CommandContext): C | Promise<C>;
  /**
   * Writes that must commit with the events, or not at all (a write-side table such as duplicate
   * match keys), on the service's PostgreSQL store. `appended` gives the events' positions.
   */
  alongside?(client: PoolClient, events: E[], input: Input, appended: AppendResult): Promise<void>;
  /** Attempts when the stream changes between loading and appending (3). */
  maxAttempts?: number;
}

/** Declares a command (an identity function, for the types). */
export function defineCommand<Input, C, E extends StoredEvent, S>(
  definition: CommandDefinition<Input, C, E, S>,
): CommandDefinition<Input, C, E, S> {
  return definition;
}

/**
 * The one path every command of every service takes, for resolvers to call:
 * `this.commands.run(enrolBeneficiary, input, { principal, metadata })`.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  run<Input, C, E extends StoredEvent, S>(
    definition: CommandDefinition<Input, C, E, S>,
    input: Input,
    context: CommandContext,
  ): Promise<CommandResult> {
    const { decider, alongside } = definition;
    return decideOnStream<E, S>(
      this.store,
      definition.streamId(input),
      {
        initialState: () => decider.initialState(),
        evolve: (state, event) => decider.evolve(state, event),
        async decide(state) {
          definition.authorise(state, context.principal, input);
          return decider.decide(await definition.command(input, state, context), state);
        },
      },
      context.metadata,
      {
        maxAttempts: definition.maxAttempts,
        alongside: alongside && {
          connect: () => this.database.transactionClient(),
          write: (client, appended, events) =>
            alongside.call(definition, client, events, input, appended),
        },
      },
    );
  }

  /** The stream's current state, folded (for a query that needs the write model's view). */
  async state<C, E, S>(decider: Decider<C, E, S>, streamId: string): Promise<S> {
    const events = (await this.store.readStream(streamId)) as unknown as E[];
    return events.reduce(decider.evolve, decider.initialState());
  }
}

// Fixed for ever: a reaction's event ids derive from the event it reacts to and this namespace.
const REACTION_NAMESPACE = '7d4c2a9e-5b1f-4c3e-8a6d-2f9b0e1c4d75';

/**
 * The id of the `index`-th event a reaction to `sourceEventId` appends: the same on every replay,
 * so the store recognises a redelivered reaction as a retry.
 */
export function reactionEventId(reactor: string, sourceEventId: string, index: number): string {
  return uuidv5(`${reactor}:${sourceEventId}:${index}`, REACTION_NAMESPACE);
}

/** Who a reactor's events are recorded as: the service itself, not a user. */
export function reactorMetadata(reactor: string, source: RecordedEvent): EventMetadata {
  return {
    actorId: reactor,
    role: 'system',
    organisationId: null,
    correlationId: source.metadata.correlationId,
    causationId: source.eventId,
    // The source's time, not the clock's: a replay decides the same events.
    occurredAt: source.metadata.occurredAt,
  };
}

/**
 * One service following another's integration events on the log, through the same write path as
 * a command: for each event it handles, `command` builds the domain command for the stream
 * `streamId` names (or null to ignore it), and the decision is appended with event ids derived
 * from the source event's, so a redelivery or a rebuild appends nothing twice. Run by the
 * service's ProjectionRunner, checkpointed like a projection.
 */
export function reactor<C, E extends StoredEvent, S>(options: {
  name: string;
  handles: readonly string[];
  categories: readonly string[];
  decider: Decider<C, E, S>;
  streamId(event: RecordedEvent): string | null;
  command(event: RecordedEvent, state: S, metadata: EventMetadata): C | null;
  /** A source event the domain refuses (told by position and reason, never by its data). */
  onRefused?(position: number, reason: string): void;
}): (store: EventStore) => Projection {
  const { decider } = options;
  return (store) => ({
    name: options.name,
    handles: [...options.handles],
    categories: [...options.categories],
    async apply(events) {
      for (const event of events) {
        const streamId = options.streamId(event);
        if (streamId === null) continue;
        const metadata = reactorMetadata(options.name, event);
        const eventIdOf = (index: number) => reactionEventId(options.name, event.eventId, index);
        // A redelivered source event finds its reaction on the stream: deciding again on the
        // newer state could decide something else, so it decides nothing.
        const reactedAlready = eventIdOf(0);
        let reacted = false;
        try {
          await decideOnStream<E, S>(
            store,
            streamId,
            {
              initialState: () => {
                reacted = false;
                return decider.initialState();
              },
              evolve: (state, stored) => {
                if ((stored as unknown as RecordedEvent).eventId === reactedAlready) reacted = true;
                return decider.evolve(state, stored);
              },
              decide(state) {
                if (reacted) return [];
                const command = options.command(event, state, metadata);
                return command === null ? [] : decider.decide(command, state);
              },
            },
            metadata,
            { eventIdOf },
          );
        } catch (error) {
          // A source event that can never be decided must not hold up every event after it.
          if (!(error instanceof DomainError)) throw error;
          options.onRefused?.(event.globalPosition, (error as Error).message);
        }
      }
    },
    async reset() {
      // Nothing to empty: replayed events find their reactions appended already.
    },
  });
}
