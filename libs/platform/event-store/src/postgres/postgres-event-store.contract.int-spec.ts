// The event store contract (testing/event-store.contract.ts) run against PostgreSQL, with its
// harness: a fresh migrated database per test, open appends and tampering over plain clients.
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import {
  describeEventStoreContract,
  type EventStoreHarness,
} from '../testing/event-store.contract';
import { migrateEventStore } from './migrations';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

async function postgresHarness(
  base: Partial<PostgresEventStoreOptions> = {},
): Promise<EventStoreHarness> {
  const db: TestDatabase = await createTestDatabase('event_store');
  await migrateEventStore(db.url);
  const stores: PostgresEventStore[] = [];
  const open = (options = {}) => {
    const store = new PostgresEventStore({
      connectionString: db.url,
      poolSize: 40,
      ...base,
      ...options,
    });
    stores.push(store);
    return store;
  };
  const store = open();
  const clients = new Set<Client>();

  // Tampering as someone with database access would: the append-only trigger is disabled first.
  const tamper = async (sql: string, values: unknown[]) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await client.query(sql, values);
      await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
    } finally {
      await client.end();
    }
  };

  return {
    store,
    storeWith: (options) => open(options),
    async beginAppend(streamId, events, expected) {
      const client = new Client({ connectionString: db.url });
      clients.add(client);
      await client.connect();
      await client.query('BEGIN');
      await store.appendInTransaction(client, streamId, events, expected);
      const finish = async (sql: string) => {
        await client.query(sql);
        await client.end();
        clients.delete(client);
        store.notifyCommitted();
      };
      return { commit: () => finish('COMMIT'), rollback: () => finish('ROLLBACK') };
    },
    tamper: {
      replaceData: (position, data) =>
        tamper('UPDATE event_store.events SET data = $2 WHERE global_position = $1', [
          position,
          data,
        ]),
      replaceMetadata: (position, metadata) =>
        tamper('UPDATE event_store.events SET metadata = $2 WHERE global_position = $1', [
          position,
          metadata,
        ]),
      deleteEvent: (position) =>
        tamper('DELETE FROM event_store.events WHERE global_position = $1', [position]),
    },
    async dispose() {
      await Promise.all([...clients].map((client) => client.end().catch(() => undefined)));
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    },
  };
}

describeEventStoreContract('PostgreSQL', () => postgresHarness());
// Again with every concurrent single-event append waiting to share a statement (ADR 12), so that
// the racing and gap-free cases run through shared statements as much as they can.
describeEventStoreContract('PostgreSQL, one append statement at a time', () =>
  postgresHarness({ appendStatements: 1 }),
);
