import { Client, Pool, type PoolConfig, type QueryConfig } from 'pg';
import { CatchUpSubscription } from '../catch-up-subscription';
import { AppendContentionError, EventIdConflictError, WrongExpectedVersionError } from '../errors';
import type {
  AppendResult,
  BatchHandler,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamVerification,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { chainHash, contentDigest, GENESIS_HASH } from '../hash-chain';
import { type Upcaster, UpcasterRegistry } from '../upcasting';
import {
  canonicalJson,
  DEFAULT_MAX_EVENT_BYTES,
  encodeExpectedVersion,
  expectationHolds,
  parseStreamId,
  prepareEvents,
  type PreparedEvent,
} from '../validation';
import {
  APPEND_AFTER_SQL,
  APPEND_ONE_SQL,
  APPEND_SQL,
  FIND_EVENT_IDS_SQL,
  STREAM_VERSION_SQL,
} from './append-sql';
import { byteaArray, jsonArray, plainArrayLiteral } from '@haven/platform/database';
import { CommitNotifier, NOTIFY_CHANNEL, NotificationListener } from './commit-notifications';
import { constraintOf, isUniqueViolation } from './pg-errors';
import { SharedAppends } from './shared-appends';
import { LogReads } from './log-reads';
import { StreamHeads } from './stream-heads';
import { verifyStoredStream } from './stream-verification';

/** Lost races an append runs again before AppendContentionError, pausing up to 16 ms each. */
const MAX_RACE_RETRIES = 100;
const MAX_RACE_PAUSE_MS = 16;

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Connections for appends and reads (default 20). */
  poolSize?: number;
  /** The largest event, data plus metadata, in bytes (default 1 MiB). */
  maxEventBytes?: number;
  upcasters?: readonly Upcaster[];
  /** Stream heads remembered to skip a lookup per append (ADR 11; default 10,000, 0 = off). */
  streamHeadCacheSize?: number;
  /**
   * Single-event appends run as at most this many statements at once; appends arriving while
   * they run share the next statement and commit (ADR 12; default 2, at most poolSize).
   */
  appendStatements?: number;
  /**
   * Other processes' subscribers are notified at most once per this many milliseconds (ADR 4;
   * default 10).
   */
  notifyIntervalMs?: number;
  /** Extra pg pool settings (statement timeouts and the like). */
  pool?: Omit<PoolConfig, 'connectionString' | 'max'>;
}

type Queryable = Pick<Client, 'query'>;

/** What an append statement did: inserted, or not, with the stream's version when it knows it. */
type AppendOutcome =
  | { inserted: true; versionBefore: number; positions: number[]; lastHash: Buffer }
  | { inserted: false; versionBefore: number | null };

export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly maxEventBytes: number;
  private readonly notifier: CommitNotifier;
  private readonly listener: NotificationListener;
  private readonly heads: StreamHeads;
  private readonly sharedAppends: SharedAppends;
  private readonly reads: LogReads;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = new Pool({
      ...options.pool,
      connectionString: options.connectionString,
      max: options.poolSize ?? 20,
      // The append statement's plan does not depend on its parameters: plan it once per
      // connection instead of on every call.
      options: `-c plan_cache_mode=force_generic_plan ${options.pool?.options ?? ''}`.trim(),
    });
    // An idle connection that drops must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.reads = new LogReads(this.pool, new UpcasterRegistry(options.upcasters));
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.notifier = new CommitNotifier(options.connectionString, options.notifyIntervalMs);
    this.listener = new NotificationListener(options.connectionString);
    this.heads = new StreamHeads(options.streamHeadCacheSize);
    this.sharedAppends = new SharedAppends(
      this.pool,
      Math.max(1, Math.min(options.appendStatements ?? 2, options.poolSize ?? 20)),
      {
        claim: () => (this.notifier.claim() ? NOTIFY_CHANNEL : null),
        lost: () => this.notifier.lost(),
      },
    );
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendUsing(this.pool, streamId, events, expectedVersion, true);
  }

  /**
   * Appends inside a transaction the caller holds open on `client` (after BEGIN, before any other
   * write), so that events and other rows commit or roll back together. Subscribers are woken
   * once the caller calls `notifyCommitted()` after COMMIT (or by polling).
   */
  appendInTransaction(
    client: Queryable,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendUsing(client, streamId, events, expectedVersion, false);
  }

  /** How many single-event appends ran in how many statements, shared or not (ADR 12). */
  appendStatistics(): { appends: number; statements: number; sharedStatements: number } {
    return { ...this.sharedAppends.statistics };
  }

  notifyCommitted(): void {
    this.announceCommit(false);
  }

  /**
   * How many notifications appends claimed to carry (an append that then commits nothing counts
   * too), and how many were sent on their own (ADR 4).
   */
  notificationStatistics(): { carried: number; sent: number } {
    return { ...this.notifier.statistics };
  }

  /**
   * Wakes this store's own subscriptions at once, and other processes' by NOTIFY, unless the
   * append's own commit carried one.
   */
  private announceCommit(notified: boolean): void {
    this.listener.wakeLocal();
    if (!notified) this.notifier.schedule();
  }

  private async appendUsing(
    executor: Queryable,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
    ownTransaction: boolean,
  ): Promise<AppendResult> {
    const category = parseStreamId(streamId);
    const expected = encodeExpectedVersion(expectedVersion);
    const prepared = prepareEvents(events, this.maxEventBytes);
    const digests = prepared.map((e) => contentDigest({ ...e, streamId }));
    const eventIds = prepared.map((e) => e.eventId);
    const single = prepared.length === 1;
    // A known head skips the stream lookup (ADR 11). Only in the store's own transactions: in a
    // caller's, the unique-index failure that reveals a stale head would abort its transaction.
    let head = ownTransaction ? this.heads.after(streamId, expected) : null;
    if (head && single) {
      // Concurrent single-event appends share statements (ADR 12).
      const written = await this.sharedAppends.run({
        streamId,
        category,
        headVersion: head.version,
        headHash: head.hash,
        ...prepared[0],
        digest: digests[0],
      });
      if (written) {
        this.heads.remember(streamId, head.version + 1, written.hash);
        this.announceCommit(written.notified);
        return {
          streamId,
          nextExpectedVersion: head.version + 1,
          globalPositions: [written.position],
          duplicate: false,
        };
      }
      // Not written: a head that moved on, a retry of a stored event, or a lost race. The
      // statement below looks the head up, and tells these apart.
      head = null;
      this.heads.forget(streamId);
    }
    const values: unknown[] = single
      ? [
          streamId,
          category,
          expected,
          prepared[0].eventId,
          prepared[0].type,
          prepared[0].schemaVersion,
          prepared[0].dataJson,
          prepared[0].metadataJson,
          digests[0],
        ]
      : [
          streamId,
          category,
          expected,
          plainArrayLiteral(eventIds),
          plainArrayLiteral(prepared.map((e) => e.type)),
          plainArrayLiteral(prepared.map((e) => e.schemaVersion)),
          jsonArray(prepared.map((e) => e.dataJson)),
          jsonArray(prepared.map((e) => e.metadataJson)),
          byteaArray(digests),
        ];
    for (let attempt = 1; ; attempt++) {
      // With a head, only a batch is left here: single events went to sharedAppends above.
      const statement: QueryConfig = head
        ? {
            name: 'event_store.append_after',
            text: APPEND_AFTER_SQL,
            values: [...values.slice(0, 2), head.version, ...values.slice(3), head.hash],
          }
        : {
            name: single ? 'event_store.append_one' : 'event_store.append',
            text: single ? APPEND_ONE_SQL : APPEND_SQL,
            values,
          };
      let outcome: AppendOutcome;
      try {
        outcome = await this.runAppend(executor, statement, single);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Inside a caller's transaction the error has aborted it: only the caller can retry.
        if (!ownTransaction) {
          if (constraintOf(error) === 'events_event_id_unique')
            throw new EventIdConflictError(streamId, eventIds);
          throw error;
        }
        // A retry of events already stored, a lost race or a head that moved on: look, then run
        // again, looking the head up. An exact or no_stream expectation fails its check there if
        // the stream moved; 'any' and 'stream_exists' race again, after a pause.
        head = null;
        this.heads.forget(streamId);
        const stored = await this.storedAppend(executor, streamId, prepared, digests);
        if (stored) return stored;
        await this.pauseAfterLostRace(streamId, attempt);
        continue;
      }
      if (outcome.inserted) {
        const nextExpectedVersion = outcome.versionBefore + eventIds.length;
        if (ownTransaction) {
          this.heads.remember(streamId, nextExpectedVersion, outcome.lastHash);
          this.announceCommit(false);
        }
        return {
          streamId,
          nextExpectedVersion,
          globalPositions: outcome.positions,
          duplicate: false,
        };
      }
      if (head) {
        // Nothing inserted without an error: the registration was refused. Look the head up.
        head = null;
        continue;
      }
      const current =
        outcome.versionBefore ??
        Number(
          (
            await executor.query<{ version: string }>({
              name: 'event_store.stream_version',
              text: STREAM_VERSION_SQL,
              values: [streamId],
            })
          ).rows[0].version,
        );
      if (!expectationHolds(expected, current)) {
        // The expected version did not hold; unless this is a retry of events already stored.
        const stored = await this.storedAppend(executor, streamId, prepared, digests);
        if (stored) return stored;
        throw new WrongExpectedVersionError(streamId, expectedVersion, current);
      }
      // The expected version holds, yet nothing was written: the append's registration for
      // readers was refused (docs/adr/0002: only an exclusive lock on its key, which the store
      // never takes, refuses it). Not a conflict: try again once the key is free.
      await this.pauseAfterLostRace(streamId, attempt);
    }
  }

  /**
   * After a lost race, a pause of random length that grows with the attempts, so that writers
   * racing for one stream spread out instead of colliding again; after MAX_RACE_RETRIES, a typed
   * error saying the append may be retried.
   */
  private async pauseAfterLostRace(streamId: string, attempt: number): Promise<void> {
    if (attempt >= MAX_RACE_RETRIES) throw new AppendContentionError(streamId, attempt);
    const ceilingMs = Math.min(MAX_RACE_PAUSE_MS, 2 ** attempt);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
  }

  /**
   * Runs an append statement: the stream's version before it, the new positions and the last
   * event's hash; or that it inserted nothing (and the version, when the statement knows it).
   */
  private async runAppend(
    executor: Queryable,
    statement: QueryConfig,
    single: boolean,
  ): Promise<AppendOutcome> {
    if (single) {
      const { rows } = await executor.query<{
        global_position: string;
        stream_version: string;
        hash: Buffer;
      }>(statement);
      if (rows.length === 0) return { inserted: false, versionBefore: null };
      return {
        inserted: true,
        versionBefore: Number(rows[0].stream_version) - 1,
        positions: [Number(rows[0].global_position)],
        lastHash: rows[0].hash,
      };
    }
    const { rows } = await executor.query<{
      version: string;
      positions: string | null;
      last_hash: Buffer | null;
    }>(statement);
    const { version, positions, last_hash: lastHash } = rows[0];
    if (!positions || !lastHash) return { inserted: false, versionBefore: Number(version) };
    return {
      inserted: true,
      versionBefore: Number(version),
      positions: positions.split(',').map(Number),
      lastHash,
    };
  }

  /**
   * When these event ids are already stored, this append is an idempotent retry: returns what
   * the first attempt wrote. Refuses ids stored only in part, in another stream, or with other
   * content: each stored event's hash must be the one this append's content would have given it
   * there (the chain hash covers the content digest, docs/adr/0003).
   */
  private async storedAppend(
    executor: Queryable,
    streamId: string,
    prepared: readonly PreparedEvent[],
    digests: readonly Buffer[],
  ): Promise<AppendResult | null> {
    const eventIds = prepared.map((e) => e.eventId);
    const { rows } = await executor.query<{
      event_id: string;
      stream_id: string;
      stream_version: string;
      global_position: string;
      hash: Buffer;
      hash_version: number;
      previous_hash: Buffer | null;
      recorded_micros: string;
    }>({ name: 'event_store.find_event_ids', text: FIND_EVENT_IDS_SQL, values: [eventIds] });
    if (rows.length === 0) return null;
    if (rows.length !== eventIds.length)
      throw new EventIdConflictError(streamId, eventIds, 'partial');
    if (rows.some((r) => r.stream_id !== streamId))
      throw new EventIdConflictError(streamId, eventIds, 'other_stream');
    const rowOf = new Map(rows.map((r) => [r.event_id, r]));
    prepared.forEach((event, i) => {
      const row = rowOf.get(event.eventId);
      const digest = row?.hash_version === 1 ? this.canonicalDigest(streamId, event) : digests[i];
      const same =
        row !== undefined &&
        chainHash(
          row.previous_hash ?? GENESIS_HASH,
          digest,
          BigInt(row.stream_version),
          BigInt(row.global_position),
          BigInt(row.recorded_micros),
        ).equals(row.hash);
      if (!same) throw new EventIdConflictError(streamId, eventIds, 'different_content');
    });
    return {
      streamId,
      nextExpectedVersion: Math.max(...rows.map((r) => Number(r.stream_version))),
      globalPositions: eventIds.map((id) => Number(rowOf.get(id)?.global_position ?? 0)),
      duplicate: true,
    };
  }

  /** The content digest as events recorded before the store kept exact text had it (ADR 10). */
  private canonicalDigest(streamId: string, event: PreparedEvent): Buffer {
    return contentDigest({
      ...event,
      streamId,
      dataJson: canonicalJson(JSON.parse(event.dataJson)),
      metadataJson: canonicalJson(JSON.parse(event.metadataJson)),
    });
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reads.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reads.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.reads.headPosition();
  }

  subscribe(fromPosition: number, handler: EventHandler, options?: SubscribeOptions): Subscription {
    return new CatchUpSubscription(
      this.readBatch,
      this.listener,
      fromPosition,
      async (events, advance) => {
        for (const event of events) {
          await handler(event);
          advance(event.globalPosition);
        }
      },
      options,
    );
  }

  subscribeBatches(
    fromPosition: number,
    handler: BatchHandler,
    options?: SubscribeOptions,
  ): Subscription {
    return new CatchUpSubscription(
      this.readBatch,
      this.listener,
      fromPosition,
      async (events, advance) => {
        await handler(events);
        advance(events[events.length - 1].globalPosition);
      },
      options,
    );
  }

  private readonly readBatch = (
    fromPosition: number,
    limit: number,
    categories?: readonly string[],
  ) => this.readAll({ fromPosition, limit, categories });

  verifyStream(streamId: string): Promise<StreamVerification> {
    return verifyStoredStream(this.pool, streamId);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.notifier.close();
    await this.pool.end();
  }
}
