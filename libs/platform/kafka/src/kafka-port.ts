/**
 * The Kafka port: the few things Haven asks of a Kafka client. The relay, the tests, the benchmark
 * and the analysts' example depend on this, never on a client library, so that the client can be
 * replaced (ADR 14) by writing one adapter.
 */

/** A message to publish. A null value is a tombstone. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string | null;
  headers: Record<string, string>;
}

/** A message read back. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: bigint;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** A topic as Haven creates it: its partitions and its settings (retention, cleanup policy). */
export interface TopicSpec {
  name: string;
  partitions: number;
  /** Topic-level settings, e.g. `retention.ms`. */
  config: Record<string, string>;
}

export interface KafkaPublisher {
  /**
   * Resolves once every message is acknowledged by all in-sync replicas (acks=all, idempotent
   * producer); rejects when any is not. Messages with one key keep their order.
   */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface KafkaAdmin {
  /** Creates the topics that do not exist yet; leaves existing ones as they are. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** The next offset to be written, per partition (the end of each partition). */
  endOffsets(topic: string): Promise<Map<number, bigint>>;
  /** Rejects when no broker answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ReadOptions {
  /** Stop once every partition's end, as it was when reading started, is reached (default true). */
  untilEnd?: boolean;
  /** Called for each message, in partition order. Return false to stop. */
  onMessage: (message: IncomingMessage) => void | boolean | Promise<void | boolean>;
}

export interface KafkaReader {
  /** Reads the topics from their beginning. */
  read(topics: readonly string[], options: ReadOptions): Promise<void>;
  close(): Promise<void>;
}

export interface KafkaClientFactory {
  publisher(clientId: string): KafkaPublisher;
  admin(clientId: string): KafkaAdmin;
  reader(clientId: string): KafkaReader;
}
