import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventStore, Subscription } from '@haven/platform/event-store';
import type { KafkaClientFactory, KafkaPublisher, OutgoingMessage } from '@haven/platform/kafka';
import type { Pool } from 'pg';
import { BatchMapper, type MappedBatch } from './batch-mapper';
import { describeError } from './describe-error';
import { RelayCheckpoint } from './checkpoint';
import type { MappingWorkerData, MappingWorkerMessage } from './mapping-worker';
import { categoriesOf } from './messages';
import type { Pseudonymiser } from './pseudonyms';
import type { TopicDefinition } from './topic';
import { FEED_TOPICS } from './topics';
import { workerLoading } from './worker-loading';

// The worker runs this folder's code as the relay does: TypeScript (services, Jest), or
// JavaScript when built.
const WORKER_FILE = path.join(__dirname, `mapping-worker${path.extname(__filename)}`);

const DEFAULT_BATCH_SIZE = 2000;
// Catching up, the first read is this small and each doubles the next up to the batch size, so
// that the first send starts sooner while the later batches are read (ADR 15).
const FIRST_BATCH_SIZE = 250;

/** What the relay logs through (pino's shape). Nothing it logs holds event data. */
export interface RelayLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface RelayOptions {
  store: EventStore;
  /** The database of the checkpoint (the event store's). */
  pool: Pool;
  kafka: KafkaClientFactory;
  topics: readonly TopicDefinition[];
  pseudonyms: Pseudonymiser;
  log: RelayLogger;
  /** The checkpoint's name (default `analytics-relay`). */
  name?: string;
  /** Events read and published per round (default DEFAULT_BATCH_SIZE, 2000). */
  batchSize?: number;
  /** Per topic: partitions and retention, when not the topic's own (tools/relay/config.ts). */
  topicSettings?: (topic: TopicDefinition) => {
    partitions: number;
    config: Record<string, string>;
  };
  /** First and longest wait between attempts while the broker is unreachable. */
  retry?: { initialMs: number; maxMs: number };
  /** Safety-net polling of the log (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * Put before every Kafka topic name (default none): for tests sharing one broker, or
   * installations sharing a cluster. Schemas are still those of the unprefixed topic.
   */
  topicPrefix?: string;
  /**
   * When set, a worker thread reads the log from this database (the event store's) and maps each
   * batch, while the relay's thread sends and checkpoints: about 1.5 times the throughput on two
   * cores (ADR 15). Only with the feed's own topics, which the worker imports itself.
   */
  workerDatabaseUrl?: string;
}

export interface RelayLag {
  /** The log's head position minus the checkpoint. */
  positions: number;
  /** Age of the oldest event not published yet; 0 when caught up. */
  seconds: number;
}

export interface RelayStatus {
  state: 'starting' | 'running' | 'stopped' | 'failed';
  /** Whether the last call to the broker succeeded. */
  brokerReachable: boolean;
  checkpoint: number | null;
  /** Why it stopped, when failed: names an event and a rule, never a value. */
  error?: string;
}

/** The relay stopped on an event it must not skip (a mapping or schema failure, a rival relay). */
export class RelayHaltedError extends Error {
  override name = 'RelayHaltedError';
}

class StopRequested extends Error {}

/** The worker thread failed; `code` is what it said: an error's class and code, never a value. */
class MappingWorkerError extends Error {
  override name = 'MappingWorkerError';
  constructor(readonly code: string) {
    super(`the mapping worker failed (${code})`);
  }
}

/**
 * Follows the global log from its checkpoint and publishes the analysts' feed: each event that a
 * topic lists, pseudonymised and minimised, validated against the topic's published schema, sent
 * with an idempotent acks=all producer. The checkpoint moves only after the broker acknowledged
 * the whole batch, so a crash re-sends (consumers deduplicate by the `haven-event-id` header) and
 * never loses. An unreachable broker is waited for, with backoff; an event that cannot be mapped
 * or fails its schema halts the relay at that event: nothing is skipped silently.
 */
export class AnalyticsRelay {
  private readonly checkpoint: RelayCheckpoint;
  /** Maps batches in this thread; null when a worker thread maps them. */
  private readonly mapper: BatchMapper | null;
  private readonly retry: { initialMs: number; maxMs: number };
  private publisher: KafkaPublisher | null = null;
  private subscription: Pick<Subscription, 'done' | 'stop'> | null = null;
  private position: number | null = null;
  private state: RelayStatus['state'] = 'stopped';
  private brokerReachable = false;
  private failure: string | undefined;
  private stopping = false;
  private wakeSleeper: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();
  /**
   * What the next batch waits for before it is sent: the batch being sent, acknowledged, and the
   * checkpoint of the one before it. The next batch is read and mapped meanwhile. Sends never
   * overlap, so per-stream order holds as without pipelining.
   */
  private inFlight: Promise<void> = Promise.resolve();
  /**
   * The checkpoint's moves, in order, each after its batch was acknowledged. A move runs while
   * the next batch is sent, so that the database's commit is not on the path of every send.
   */
  private checkpointed: Promise<void> = Promise.resolve();
  /** The last position handed to a send (ahead of `position` while a batch is in flight). */
  private mappedUpTo = 0;

  constructor(private readonly options: RelayOptions) {
    this.checkpoint = new RelayCheckpoint(options.pool, options.name ?? 'analytics-relay');
    if (options.workerDatabaseUrl && options.topics !== FEED_TOPICS) {
      throw new Error("A relay that maps in a worker publishes the feed's own topics only.");
    }
    this.mapper = options.workerDatabaseUrl
      ? null
      : new BatchMapper(options.topics, options.pseudonyms, options.topicPrefix);
    this.retry = options.retry ?? { initialMs: 250, maxMs: 10_000 };
  }

  /** Settles when the relay ends: resolves after stop(), rejects with a RelayHaltedError. */
  get done(): Promise<void> {
    return this.running;
  }

  /**
   * Starts in the background: follows the log from the checkpoint, and sends once the broker
   * answers and the topics exist.
   */
  start(): void {
    if (this.state === 'starting' || this.state === 'running') return;
    this.stopping = false;
    this.failure = undefined;
    this.state = 'starting';
    this.running = this.run();
    this.running.catch(() => undefined);
  }

  /** Stops after the batch in flight is acknowledged and checkpointed (or abandoned, unsent). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeSleeper?.();
    await this.subscription?.stop();
    await this.running.catch(() => undefined);
    await this.closePublisher();
    if (this.state !== 'failed') this.state = 'stopped';
  }

  status(): RelayStatus {
    return {
      state: this.state,
      brokerReachable: this.brokerReachable,
      checkpoint: this.position,
      ...(this.failure ? { error: this.failure } : {}),
    };
  }

  /** Ready: running, caught up or catching up, and the broker answered last time. */
  ready(): boolean {
    return this.state === 'running' && this.brokerReachable;
  }

  async lag(): Promise<RelayLag> {
    const checkpoint = await this.checkpoint.read();
    const [oldest] = await this.options.store.readAll({
      fromPosition: checkpoint + 1,
      limit: 1,
      categories: categoriesOf(this.options.topics),
    });
    if (!oldest) return { positions: 0, seconds: 0 };
    const head = await this.options.store.headPosition();
    return {
      positions: Math.max(0, head - checkpoint),
      seconds: Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000),
    };
  }

  private async run(): Promise<void> {
    try {
      const from = await this.checkpoint.read();
      if (this.stopping) return;
      this.position = from;
      this.mappedUpTo = from;
      // The first batch is read and mapped (and the worker started) while the topics are created:
      // it is sent only once they exist, as a batch waits for the one in flight before it.
      this.inFlight = this.untilBrokerAnswers('create the topics', () => this.ensureTopics()).then(
        () => {
          this.state = 'running';
          this.options.log.info({ checkpoint: from }, 'analytics relay: following the log');
        },
      );
      this.inFlight.catch(() => undefined);
      this.checkpointed = Promise.resolve();
      const mapper = this.mapper;
      const subscription = !mapper
        ? this.mapInWorker(from, this.options.workerDatabaseUrl as string)
        : this.options.store.subscribeBatches(
            from + 1,
            (events) => this.publish(mapper.map(events, this.mappedUpTo)),
            {
              batchSize: this.options.batchSize ?? DEFAULT_BATCH_SIZE,
              firstBatchSize: FIRST_BATCH_SIZE,
              categories: categoriesOf(this.options.topics),
              pollIntervalMs: this.options.pollIntervalMs,
            },
          );
      this.subscription = subscription;
      await subscription.done;
      // The last batch's send and checkpoint (or why they failed while the log was quiet).
      await this.inFlight;
      await this.checkpointed;
    } catch (error) {
      if (error instanceof StopRequested || this.stopping) return;
      this.state = 'failed';
      this.failure =
        error instanceof RelayHaltedError
          ? error.message
          : `the relay failed (${describeError(error)})`;
      this.options.log.error(
        { checkpoint: this.position },
        `analytics relay halted: ${this.failure}`,
      );
      throw error instanceof RelayHaltedError ? error : new RelayHaltedError(this.failure);
    } finally {
      this.subscription = null;
    }
  }

  private async ensureTopics(): Promise<void> {
    const admin = this.options.kafka.admin('haven-analytics-relay-admin');
    try {
      await admin.ensureTopics(
        this.options.topics.map((topic) => {
          const settings = this.options.topicSettings?.(topic) ?? {
            partitions: topic.partitions,
            config: { 'retention.ms': String(topic.retentionDays * 86_400_000) },
          };
          return { name: `${this.options.topicPrefix ?? ''}${topic.name}`, ...settings };
        }),
      );
    } finally {
      await admin.close().catch(() => undefined);
    }
  }

  /**
   * Takes a batch mapped while the previous one was in flight, waits for that one to be
   * acknowledged (and the one before it checkpointed), then starts sending this one and returns,
   * so that the next batch is read and mapped during the send. This batch's checkpoint follows
   * its acknowledgement and the previous checkpoint.
   */
  private async publish(batch: MappedBatch): Promise<void> {
    await this.inFlight;
    // What comes before a failing event is still published, so the checkpoint stops right
    // before that event.
    if (batch.upTo > this.mappedUpTo) {
      const upTo = batch.upTo;
      this.mappedUpTo = upTo;
      const sent = this.untilBrokerAnswers(`publish events up to position ${upTo}`, () =>
        this.send(batch.messages),
      );
      // Acknowledged, and the previous checkpoint moved: the next batch may go, and this one's
      // checkpoint may move.
      const flight = Promise.all([this.checkpointed, sent]).then(() => undefined);
      const checkpointed = flight.then(() => this.advance(upTo));
      // A failure while no further batch comes (the log is quiet) ends the subscription; run()
      // then reports it from `inFlight` or `checkpointed`.
      for (const step of [flight, checkpointed]) step.catch(() => void this.subscription?.stop());
      this.inFlight = flight;
      this.checkpointed = checkpointed;
    }
    if (batch.halt) {
      await this.inFlight;
      await this.checkpointed;
      throw new RelayHaltedError(batch.halt);
    }
  }

  /**
   * The log followed and mapped by a worker thread (mapping-worker.ts), as a subscription: each
   * batch it hands over is published as above, then the worker is asked for the next.
   */
  private mapInWorker(from: number, connectionString: string): Pick<Subscription, 'done' | 'stop'> {
    const { execArgv, swcOptions } = workerLoading();
    const data: MappingWorkerData = {
      connectionString,
      key: { id: this.options.pseudonyms.key.id, secret: this.options.pseudonyms.key.secret },
      topicPrefix: this.options.topicPrefix ?? '',
      from,
      batchSize: this.options.batchSize ?? DEFAULT_BATCH_SIZE,
      firstBatchSize: FIRST_BATCH_SIZE,
      pollIntervalMs: this.options.pollIntervalMs,
      swcOptions,
    };
    const worker = new Worker(WORKER_FILE, { workerData: data, execArgv });
    let settle!: { resolve: () => void; reject: (error: unknown) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    const end = (error?: unknown) => {
      if (error === undefined) settle.resolve();
      else settle.reject(error);
      void worker.terminate();
    };
    let published: Promise<void> = Promise.resolve();
    worker.on('message', (message: MappingWorkerMessage) => {
      if (message.type === 'batch') {
        published = published
          .then(() => this.publish(message.batch))
          .then(() => worker.postMessage('next'))
          .catch((error: unknown) => {
            worker.postMessage('stop');
            end(error);
          });
      } else if (message.type === 'stopped') {
        void published.then(() => end());
      } else {
        end(new MappingWorkerError(message.error));
      }
    });
    worker.on('error', (error) => end(new MappingWorkerError(describeError(error))));
    worker.on('exit', (code) => end(new MappingWorkerError(`exit code ${code}`)));
    return {
      done,
      stop: async () => {
        worker.postMessage('stop');
        await done.catch(() => undefined);
      },
    };
  }

  private async advance(to: number): Promise<void> {
    if (!(await this.checkpoint.advance(this.position ?? 0, to))) {
      throw new RelayHaltedError(
        `the checkpoint "${this.checkpoint.name}" moved under this relay: another relay of that name runs.`,
      );
    }
    this.position = to;
  }

  private async send(messages: OutgoingMessage[]): Promise<void> {
    this.publisher ??= this.options.kafka.publisher('haven-analytics-relay');
    try {
      await this.publisher.send(messages);
    } catch (error) {
      // A fresh producer after a failure: a new producer id, no half-known sequence numbers.
      await this.closePublisher();
      throw error;
    }
  }

  /** Calls `attempt` until it succeeds or the relay stops, waiting longer each time. */
  private async untilBrokerAnswers(what: string, attempt: () => Promise<void>): Promise<void> {
    let waitMs = this.retry.initialMs;
    for (let tries = 1; ; tries++) {
      if (this.stopping) throw new StopRequested();
      try {
        await attempt();
        if (!this.brokerReachable && tries > 1) {
          this.options.log.info({ tries }, `analytics relay: the broker answers again`);
        }
        this.brokerReachable = true;
        return;
      } catch (error) {
        if (error instanceof RelayHaltedError) throw error;
        this.brokerReachable = false;
        this.options.log.warn(
          { tries, retryInMs: waitMs, checkpoint: this.position },
          `analytics relay: could not ${what} (${describeError(error)}); retrying`,
        );
        await this.sleep(waitMs);
        waitMs = Math.min(waitMs * 2, this.retry.maxMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleeper = done;
    });
  }

  private async closePublisher(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = null;
    await publisher?.close().catch(() => undefined);
  }
}
