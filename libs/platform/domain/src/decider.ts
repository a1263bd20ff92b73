// The shapes every programme's domain is written in (STYLE.md 1–3): commands are intentions,
// events are facts, and a decider is three pure functions. No framework, no I/O, no clock: time
// and the actor arrive in the command's metadata.

/**
 * Who acts, on whose behalf, why and when (the shape of the event store's event metadata, which
 * events carry). `occurredAt` is when the command was given; a fact that happened earlier carries
 * its own date in the command's data.
 */
export type CommandMetadata = {
  actorId: string;
  role: string;
  organisationId: string | null;
  correlationId: string;
  causationId: string | null;
  /** ISO 8601 instant at which the command was given. */
  occurredAt: string;
};

/** An intention: a stable type string, its data, and who gives it when. */
export type Command<Type extends string = string, Data = Record<string, unknown>> = {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
};

/**
 * A fact: a stable past-tense type string and its data. `schemaVersion` names the data's shape
 * when it is not the first (an upcaster turns older shapes into this one on read).
 */
export type DomainEvent<
  Type extends string = string,
  Data = Record<string, unknown>,
  SchemaVersion extends number = 1,
> = SchemaVersion extends 1
  ? { type: Type; data: Data; schemaVersion?: 1 }
  : { type: Type; data: Data; schemaVersion: SchemaVersion };

/** A programme's write model: decide what happens, and fold what happened. */
export interface Decider<C, E, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** The state a stream's events fold into. */
export function fold<C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Ends every `switch` over a union: a new member fails to compile until it is handled. */
export function unreachable(value: never, what = 'value'): never {
  throw new Error(`Unknown ${what} ${String((value as { type?: unknown })?.type ?? value)}`);
}
