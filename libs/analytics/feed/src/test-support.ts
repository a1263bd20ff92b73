import { randomBytes, randomUUID } from 'node:crypto';
import { migrateEventStore, PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import type { KafkaClientFactory, IncomingMessage } from '@haven/platform/kafka';
import { readAllMessages, testKafka } from '@haven/platform/kafka/testing';
import { migrateProjections } from '@haven/platform/projections';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Pool } from 'pg';
import { Pseudonymiser } from './pseudonyms';
import { AnalyticsRelay, type RelayLogger, type RelayOptions } from './relay';
import { FEED_TOPICS } from './topics';

/** A relay's world for one test file: its own database, its own topic names on the test broker. */
export interface FeedTestBed {
  db: TestDatabase;
  store: PostgresEventStore;
  pool: Pool;
  kafka: KafkaClientFactory;
  pseudonyms: Pseudonymiser;
  topicPrefix: string;
  logs: Array<{ level: string; message: string; fields: object }>;
  relay(overrides?: Partial<RelayOptions>): AnalyticsRelay;
  /** Every message of a feed topic so far. */
  messages(topic: string): Promise<IncomingMessage[]>;
  close(): Promise<void>;
}

export async function feedTestBed(kafka: KafkaClientFactory = testKafka()): Promise<FeedTestBed> {
  const db = await createTestDatabase('feed');
  await migrateEventStore(db.url);
  await migrateProjections(db.url);
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 4 });
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const pseudonyms = new Pseudonymiser({ id: 'test', secret: randomBytes(32) });
  const topicPrefix = `test-${randomBytes(4).toString('hex')}.`;
  const logs: FeedTestBed['logs'] = [];
  const log: RelayLogger = {
    info: (fields, message) => void logs.push({ level: 'info', fields, message }),
    warn: (fields, message) => void logs.push({ level: 'warn', fields, message }),
    error: (fields, message) => void logs.push({ level: 'error', fields, message }),
  };
  const relays: AnalyticsRelay[] = [];
  return {
    db,
    store,
    pool,
    kafka,
    pseudonyms,
    topicPrefix,
    logs,
    relay(overrides = {}) {
      const relay = new AnalyticsRelay({
        store,
        pool,
        kafka,
        topics: FEED_TOPICS,
        pseudonyms,
        log,
        topicPrefix,
        pollIntervalMs: 50,
        retry: { initialMs: 50, maxMs: 500 },
        ...overrides,
      });
      relays.push(relay);
      return relay;
    },
    messages: (topic) => readAllMessages(kafka, [topicPrefix + topic]),
    async close() {
      await Promise.all(relays.map((relay) => relay.stop()));
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}

/** Metadata as a service writes it: who, for whom, when. */
export function metadata(occurredAt = '2026-03-14T09:26:53.589Z'): NewEvent['metadata'] {
  return {
    actorId: `user-${randomUUID()}`,
    role: 'protection_officer',
    organisationId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    occurredAt,
  };
}
