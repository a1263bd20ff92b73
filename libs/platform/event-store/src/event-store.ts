/**
 * The event store port: what every adapter (PostgreSQL now, EventStoreDB later) provides, and
 * what the contract tests in `event-store.contract.ts` hold each of them to.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Who did it, on whose behalf, and why it happened. Time comes from the caller (the command's
 * metadata), never from the store: the store adds only `recordedAt`.
 */
export interface EventMetadata {
  actorId: string;
  role: string;
  /** The actor's organisation, or null for the alliance's own staff and system actors. */
  organisationId: string | null;
  /** Groups every event caused by one request or process. */
  correlationId: string;
  /** The event or command that caused this one, or null for a user's own action. */
  causationId: string | null;
  /** ISO 8601 instant at which the fact happened. */
  occurredAt: string;
}

/** An event as a caller appends it. */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  /** UUID v7. Optional: the store generates one. Give it to make retries idempotent. */
  eventId?: string;
  type: Type;
  /** The version of this event type's data shape. Defaults to 1. */
  schemaVersion?: number;
  data: Data;
  metadata: EventMetadata;
}

/** The envelope of a stored event. */
export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  eventId: string;
  streamId: string;
  streamCategory: string;
  /** 1 for the first event of a stream. */
  streamVersion: number;
  /** Position in the global log: unique, increasing in commit-visibility order, may have gaps. */
  globalPosition: number;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * What the caller believes about the stream before appending.
 * - a number: the stream is exactly at this version (0 = it has no events yet);
 * - `no_stream`: the stream has no events;
 * - `stream_exists`: the stream has at least one event;
 * - `any`: no check.
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: the version of its last event. */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order. */
  globalPositions: number[];
  /** True when every event id was already stored: the append was an idempotent retry. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  /** First stream version to return (inclusive, default 1). */
  from?: number;
  /** Last stream version to return (inclusive). */
  to?: number;
  /** Time travel: only events at or below this global position. */
  upToPosition?: number;
  /** Time travel: only events recorded at or before this instant. */
  upToTime?: Date;
}

export interface ReadAllOptions {
  /** First global position to return (inclusive, default 0: the start of the log). */
  fromPosition?: number;
  /** Maximum number of events (default 1000). */
  limit?: number;
  /** Only events of streams in these categories. */
  categories?: readonly string[];
}

export interface SubscribeOptions {
  /** Events read per round trip; also the most a subscription ever holds in memory. */
  batchSize?: number;
  /**
   * Events of the first read, when fewer than `batchSize`; each full read then doubles the next,
   * up to `batchSize`. A consumer catching up so starts on the log's first events sooner.
   */
  firstBatchSize?: number;
  categories?: readonly string[];
  /** Safety-net polling interval when no notification arrives (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * Called once, when the subscription has first caught up with the log (`live` turns true), so
   * that whoever waits on it need not poll for that.
   */
  onCaughtUp?: () => void;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;
export type BatchHandler = (events: RecordedEvent[]) => Promise<void> | void;

export interface Subscription {
  /** The next global position the subscription will deliver from. */
  readonly position: number;
  /** True once it has caught up with the log at least once. */
  readonly live: boolean;
  /** Settles when the subscription ends: resolves after stop(), rejects if a handler threw. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** `version_gap`: an event is missing. `hash_mismatch`: an event, or the one before it, was changed. */
export type ChainBreakReason = 'version_gap' | 'hash_mismatch';

export interface StreamVerification {
  streamId: string;
  ok: boolean;
  eventsChecked: number;
  /** The first broken link, when `ok` is false. */
  firstBrokenLink?: {
    streamVersion: number;
    globalPosition: number | null;
    eventId: string | null;
    reason: ChainBreakReason;
    detail: string;
  };
}

export interface EventStore {
  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The highest global position a reader can see now (0 when the log is empty). */
  headPosition(): Promise<number>;
  /** Catches up from `fromPosition` (inclusive), then follows new events live, one at a time. */
  subscribe(fromPosition: number, handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** As `subscribe`, but hands over whole batches (for projections writing many rows at once). */
  subscribeBatches(
    fromPosition: number,
    handler: BatchHandler,
    options?: SubscribeOptions,
  ): Subscription;
  /** Recomputes the stream's hash chain from its stored events. */
  verifyStream(streamId: string): Promise<StreamVerification>;
  close(): Promise<void>;
}
