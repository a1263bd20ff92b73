// The PostgreSQL event store's table: in a schema of its own, made by a migration that runs
// once, and append-only (UPDATE, DELETE and TRUNCATE refused).
import { Client } from 'pg';
import { migrateEventStore } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { metadata, useEventStoreDatabase } from './testing/postgres-spec-support';

describe('PostgreSQL event store specifics', () => {
  const db = useEventStoreDatabase();

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
