// Shared by the PostgreSQL event store's own integration specs: a migrated database for each spec
// file, the metadata their events carry, and a test-only trigger on the events table.
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { migrateEventStore } from '../migrations';

export const metadata = {
  actorId: 'a',
  role: 'admin',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00Z',
};

/**
 * A database with the event store migrated, made before the enclosing describe's tests and
 * dropped after them. Its `url` is there once they run.
 */
export function useEventStoreDatabase(): { readonly url: string } {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('event_store_pg');
    await migrateEventStore(db.url);
  });
  afterAll(() => db.drop());
  return {
    get url() {
      return db.url;
    },
  };
}

/**
 * Runs `test` with a test-only BEFORE INSERT trigger on the events table, whose PL/pgSQL runs
 * for each row before `RETURN NEW`: it stands in for what one event can cause in PostgreSQL.
 */
export async function withInsertTrigger(
  databaseUrl: string,
  name: string,
  body: string,
  test: () => Promise<void>,
) {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`
      CREATE FUNCTION event_store.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${body} RETURN NEW; END $$;
      CREATE TRIGGER ${name} BEFORE INSERT ON event_store.events
        FOR EACH ROW EXECUTE FUNCTION event_store.${name}();`);
  try {
    await test();
  } finally {
    await admin.query(`DROP TRIGGER ${name} ON event_store.events;
        DROP FUNCTION event_store.${name}();`);
    await admin.end();
  }
}
