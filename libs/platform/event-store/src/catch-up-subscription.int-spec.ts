// Reading ahead while catching up: the next batch is read while the handler works on the current
// one, and every event is still delivered once, in order, whatever the handler's pace.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import type { NewEvent, RecordedEvent } from './event-store';
import { migrateEventStore, PostgresEventStore } from './index';

let db: TestDatabase;
let store: PostgresEventStore;

const metadata = {
  actorId: 'a',
  role: 'admin',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
};
const event = (n: number): NewEvent => ({
  type: 'Counted',
  data: { n },
  schemaVersion: 1,
  metadata,
});

beforeAll(async () => {
  db = await createTestDatabase('catch_up_read_ahead');
  await migrateEventStore(db.url);
  store = new PostgresEventStore({ connectionString: db.url });
  for (let n = 0; n < 45; n++)
    await store.append(`counter-${randomUUID()}`, [event(n)], 'no_stream');
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('a batch subscription catching up', () => {
  it('given a full batch in the handler, then the next batch is read meanwhile; every event comes once, in order', async () => {
    const reads: number[] = [];
    const readAll = store.readAll.bind(store);
    // The subscription reads through the store's own method: count the calls on the instance.
    store.readAll = async (options) => {
      reads.push(options?.fromPosition ?? 0);
      return readAll(options);
    };
    let release!: () => void;
    const firstHandled = new Promise<void>((resolve) => (release = resolve));
    const delivered: number[] = [];
    const batches: number[] = [];
    const subscription = store.subscribeBatches(
      1,
      async (events: RecordedEvent[]) => {
        batches.push(events.length);
        if (batches.length === 1) {
          // While the first batch is being handled, the second has been asked for.
          for (let i = 0; i < 100 && reads.length < 2; i++) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          expect(reads).toEqual([1, 21]);
          release();
        }
        delivered.push(...events.map((e) => (e.data as { n: number }).n));
      },
      { batchSize: 20, pollIntervalMs: 50 },
    );
    try {
      await firstHandled;
      for (let i = 0; i < 200 && delivered.length < 45; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(delivered).toEqual(Array.from({ length: 45 }, (_, n) => n));
      expect(batches).toEqual([20, 20, 5]);
    } finally {
      await subscription.stop();
      store.readAll = readAll;
    }
  });
});
