import { UpcasterRegistry, type RecordedEvent, type Upcaster } from '@haven/platform/event-store';

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

/**
 * A replayer for a category, from the service's decider and the upcasters its own store reads
 * with: events are folded in the domain's current shape, as the service's handlers fold them.
 */
export function replayer<State, Event>(
  service: string,
  recordType: string,
  category: string,
  decider: Evolver<State, Event>,
  options: { upcasters?: readonly Upcaster[] } = {},
): Replayer {
  const upcasters = new UpcasterRegistry(options.upcasters);
  return {
    category,
    recordType,
    service,
    replay: (events) =>
      events
        .map((event) => upcasters.apply(event) as unknown as Event)
        .reduce(decider.evolve, decider.initialState()),
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
