import type { RecordedEvent } from '@haven/platform/event-store';

/**
 * How to rebuild one kind of record from its stream: the service's own decider (its `evolve`
 * and `initialState`, the very functions its command handlers fold), for the streams of one
 * category.
 */
export interface Replayer {
  /** The stream category, as in the stream id `<category>-<id>`. */
  readonly category: string;
  /** What the record is called, for auditors (`ProtectionCase`). */
  readonly recordType: string;
  /** The service that owns it. */
  readonly service: string;
  /** Folds the events (oldest first) into the record's state. */
  replay(events: readonly RecordedEvent[]): unknown;
}

/** A decider's folding half, as every `libs/<service>/domain` exports it. */
export interface Evolver<State, Event> {
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** A replayer for a category, from the service's decider. */
export function replayer<State, Event>(
  service: string,
  recordType: string,
  category: string,
  decider: Evolver<State, Event>,
): Replayer {
  return {
    category,
    recordType,
    service,
    // The store hands events in the domain's current shape (upcast on read), as to the handlers.
    replay: (events) =>
      (events as unknown as Event[]).reduce(decider.evolve, decider.initialState()),
  };
}

/** The registry: one replayer per category; a second for the same category is a mistake. */
export class Replayers {
  private readonly byCategory = new Map<string, Replayer>();

  constructor(replayers: readonly Replayer[]) {
    for (const entry of replayers) {
      if (this.byCategory.has(entry.category)) {
        throw new Error(`Two replayers are registered for the category ${entry.category}.`);
      }
      this.byCategory.set(entry.category, entry);
    }
  }

  forStream(streamId: string): Replayer | undefined {
    return this.byCategory.get(streamId.slice(0, streamId.indexOf('-')));
  }

  get categories(): string[] {
    return [...this.byCategory.keys()];
  }
}
