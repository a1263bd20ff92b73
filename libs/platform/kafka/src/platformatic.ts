import { randomUUID } from 'node:crypto';
import {
  Admin,
  Consumer,
  ProduceAcks,
  Producer,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import type {
  IncomingMessage,
  KafkaAdmin,
  KafkaClientFactory,
  KafkaPublisher,
  KafkaReader,
  OutgoingMessage,
  ReadOptions,
  TopicSpec,
} from './kafka-port';

export interface PlatformaticOptions {
  brokers: readonly string[];
  /** Attempts per request before a call rejects (default 3); callers retry on top of that. */
  retries?: number;
  /** Consumer fetch wait: how long the broker may hold a fetch for more data (default 50 ms). */
  maxWaitTimeMs?: number;
}

/** The Kafka port on @platformatic/kafka: pure JavaScript, maintained, Kafka 3.5–4.x (ADR 14). */
export function platformaticKafka(options: PlatformaticOptions): KafkaClientFactory {
  const base = {
    bootstrapBrokers: [...options.brokers],
    retries: options.retries ?? 3,
    retryDelay: 250,
    connectTimeout: 5_000,
  };
  return {
    publisher: (clientId) => new PlatformaticPublisher({ ...base, clientId }),
    admin: (clientId) => new PlatformaticAdmin({ ...base, clientId }),
    reader: (clientId) =>
      new PlatformaticReader({ ...base, clientId }, options.maxWaitTimeMs ?? 50),
  };
}

type BaseOptions = { clientId: string; bootstrapBrokers: string[]; retries: number };

/**
 * The most a produce request carries, in bytes of keys, values and headers: under the broker's
 * default message.max.bytes (1 MiB) for the batch of any one partition, with room for the
 * record framing.
 */
export const MAX_REQUEST_BYTES = 768 * 1024;
// What a record adds besides its bytes (varints, attributes, header framing), at most.
const RECORD_OVERHEAD_BYTES = 32;

/** Consecutive slices of `messages`, each within `maxBytes` (a larger single message alone). */
export function slicesOf(
  messages: readonly OutgoingMessage[],
  maxBytes: number,
): OutgoingMessage[][] {
  const slices: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    let size = RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key);
    size += Buffer.byteLength(message.value ?? '');
    for (const [name, value] of Object.entries(message.headers)) {
      size += RECORD_OVERHEAD_BYTES + Buffer.byteLength(name) + Buffer.byteLength(value);
    }
    if (current.length > 0 && bytes + size > maxBytes) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

class PlatformaticPublisher implements KafkaPublisher {
  private readonly producer: Producer<string, string, string, string>;

  constructor(base: BaseOptions) {
    this.producer = new Producer({
      ...base,
      serializers: stringSerializers,
      idempotent: true,
      acks: ProduceAcks.ALL,
    });
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    // One produce request per slice, in order: a broker refuses a partition's record batch over
    // message.max.bytes (1 MiB by default) with MESSAGE_TOO_LARGE, which no retry cures.
    for (const slice of slicesOf(messages, MAX_REQUEST_BYTES)) {
      await this.producer.send({
        messages: slice.map((message) => ({
          topic: message.topic,
          key: message.key,
          // A tombstone: the serialiser passes undefined through as a null value.
          value: message.value ?? (undefined as unknown as string),
          headers: message.headers,
        })),
        autocreateTopics: false,
      });
    }
  }

  close(): Promise<void> {
    return this.producer.close(true);
  }
}

class PlatformaticAdmin implements KafkaAdmin {
  private readonly admin: Admin;

  constructor(base: BaseOptions) {
    this.admin = new Admin(base);
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    for (const topic of topics) {
      if (existing.has(topic.name)) continue;
      try {
        await this.admin.createTopics({
          topics: [topic.name],
          partitions: topic.partitions,
          replicas: -1, // the broker's default replication factor
          configs: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
        });
      } catch (error) {
        // Another process created it between the listing and now: fine.
        if (!(await this.admin.listTopics()).includes(topic.name)) throw error;
      }
    }
  }

  async endOffsets(topic: string): Promise<Map<number, bigint>> {
    const metadata = await this.admin.metadata({ topics: [topic] });
    const partitions = metadata.topics.get(topic)?.partitionsCount ?? 0;
    const listed = await this.admin.listOffsets({
      topics: [
        {
          name: topic,
          partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({
            partitionIndex,
            timestamp: -1n, // the latest offset
          })),
        },
      ],
    });
    const ends = new Map<number, bigint>();
    for (const partition of listed[0]?.partitions ?? []) {
      ends.set(partition.partitionIndex, partition.offset);
    }
    return ends;
  }

  async ping(): Promise<void> {
    await this.admin.metadata({ topics: [] });
  }

  close(): Promise<void> {
    return this.admin.close();
  }
}

class PlatformaticReader implements KafkaReader {
  private readonly consumer: Consumer<string, string, string, string>;

  constructor(
    private readonly base: BaseOptions,
    private readonly maxWaitTime: number,
  ) {
    // A group of its own: reading from the beginning never disturbs another reader's offsets.
    this.consumer = new Consumer({
      ...base,
      groupId: `${base.clientId}-${randomUUID()}`,
      deserializers: stringDeserializers,
    });
  }

  async read(topics: readonly string[], options: ReadOptions): Promise<void> {
    const untilEnd = options.untilEnd ?? true;
    const remaining = new Map<string, bigint>(); // `${topic}/${partition}` → end offset
    if (untilEnd) {
      const admin = new PlatformaticAdmin({
        ...this.base,
        clientId: `${this.base.clientId}-admin`,
      });
      try {
        for (const topic of topics) {
          for (const [partition, end] of await admin.endOffsets(topic)) {
            if (end > 0n) remaining.set(`${topic}/${partition}`, end);
          }
        }
      } finally {
        await admin.close();
      }
      if (remaining.size === 0) return;
    }
    const stream = await this.consumer.consume({
      topics: [...topics],
      mode: 'earliest',
      autocommit: false,
      maxWaitTime: this.maxWaitTime,
    });
    try {
      for await (const raw of stream) {
        const headers: Record<string, string> = {};
        for (const [name, value] of raw.headers) headers[String(name)] = String(value);
        const message: IncomingMessage = {
          topic: raw.topic,
          partition: raw.partition,
          offset: raw.offset,
          key: raw.key ?? null,
          value: raw.value ?? null,
          headers,
        };
        if ((await options.onMessage(message)) === false) break;
        if (untilEnd) {
          const slot = `${raw.topic}/${raw.partition}`;
          const end = remaining.get(slot);
          if (end !== undefined && raw.offset + 1n >= end) remaining.delete(slot);
          if (remaining.size === 0) break;
        }
      }
    } finally {
      await stream.close();
    }
  }

  async close(): Promise<void> {
    await this.consumer.close(true);
  }
}
