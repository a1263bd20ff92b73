import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import {
  describeEventStoreContract,
  type EventStoreHarness,
} from '../testing/event-store.contract';
import { migrateEventStore, PostgresEventStore } from './postgres-event-store';

async function postgresHarness(): Promise<EventStoreHarness> {
  const db: TestDatabase = await createTestDatabase('event_store');
  await migrateEventStore(db.url);
  const stores: PostgresEventStore[] = [];
  const open = (options = {}) => {
    const store = new PostgresEventStore({ connectionString: db.url, poolSize: 40, ...options });
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

describeEventStoreContract('PostgreSQL', postgresHarness);

const metadata = {
  actorId: 'a',
  role: 'admin',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00Z',
};

describe('PostgreSQL event store specifics', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('event_store_pg');
    await migrateEventStore(db.url);
  });
  afterAll(() => db.drop());

  it('keeps its tables in their own schema, created by a migration that runs once', async () => {
    expect(await migrateEventStore(db.url)).toEqual([]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'event_store' ORDER BY 1`,
      );
      expect(rows.map((r) => r.table_name)).toEqual(['events', 'migrations']);
    } finally {
      await client.end();
    }
  });

  it('hands out global positions in transaction-id order under concurrent writers', async () => {
    const store = new PostgresEventStore({ connectionString: db.url, poolSize: 16 });
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; i < 40; i++) {
          await store.append(`order_check-${w}`, [{ type: 'A', data: { i }, metadata }], i);
        }
      }),
    );
    await store.close();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      // The watermark reader relies on this: a later transaction never holds an earlier position.
      const { rows } = await client.query(
        `SELECT count(*)::int AS inversions FROM event_store.events a JOIN event_store.events b
            ON a.transaction_id < b.transaction_id AND a.global_position > b.global_position
         WHERE a.stream_category = 'order_check' AND b.stream_category = 'order_check'`,
      );
      expect(rows[0].inversions).toBe(0);
      const count = await client.query(
        `SELECT count(*)::int AS n FROM event_store.events WHERE stream_category = 'order_check'`,
      );
      expect(count.rows[0].n).toBe(640);
    } finally {
      await client.end();
    }
  });

  it('refuses UPDATE and DELETE on stored events', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    await store.append('case-immutable', [{ type: 'A', data: {}, metadata }], 'no_stream');
    await store.close();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE event_store.events SET data = '{}'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query(`DELETE FROM event_store.events`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE event_store.events`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
