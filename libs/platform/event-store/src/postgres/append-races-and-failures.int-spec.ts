// PostgreSQL appends under races and failures: 'any' never fails for a race even when inserts are
// slow, a remembered stream head loses to another writer as a version conflict, and an append
// whose connection is cut is reported while the store goes on.
import { newEventId } from '../validation';
import { WrongExpectedVersionError } from '../errors';
import { PostgresEventStore } from './postgres-event-store';
import {
  metadata,
  useEventStoreDatabase,
  withInsertTrigger,
} from './testing/postgres-spec-support';

describe('PostgreSQL event store specifics', () => {
  const db = useEventStoreDatabase();

  it("never fails 'any' for a race, even when every insert takes a few milliseconds", async () => {
    // A slow insert widens the window in which racing writers take the same version: each
    // append of 20 racing writers then loses many races in a row.
    await withInsertTrigger(db.url, 'test_slow_insert', 'PERFORM pg_sleep(0.004);', async () => {
      const stream = `case-any-race-${newEventId()}`;
      const stores = Array.from(
        { length: 20 },
        () => new PostgresEventStore({ connectionString: db.url, poolSize: 2 }),
      );
      try {
        await Promise.all(
          stores.map(async (store, w) => {
            for (let n = 0; n < 20; n++) {
              await store.append(stream, [{ type: 'A', data: { w, n }, metadata }], 'any');
            }
          }),
        );
        const written = await stores[0].readStream(stream);
        expect(written.map((e) => e.streamVersion)).toEqual(
          Array.from({ length: 400 }, (_, i) => i + 1),
        );
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });
  });

  it('appends after a head it remembers, and finds out when another writer has moved the stream on', async () => {
    const mine = new PostgresEventStore({ connectionString: db.url });
    const theirs = new PostgresEventStore({ connectionString: db.url });
    const event = (n: number) => ({ type: 'Step', data: { n }, metadata });
    try {
      await mine.append('case-heads', [event(1)], 'no_stream');
      await mine.append('case-heads', [event(2), event(3)], 1); // after the remembered head
      await theirs.append('case-heads', [event(4)], 3); // looked up: it never saw the stream
      // `mine` still remembers version 3: its append after it must lose, as a version conflict.
      const stale = mine.append('case-heads', [event(5)], 3);
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(stale).rejects.toMatchObject({ expectedVersion: 3, actualVersion: 4 });
      await mine.append('case-heads', [event(5)], 4);
      await mine.append('case-heads', [event(6)], 5);
      const events = await mine.readStream('case-heads');
      expect(events.map((e) => [e.streamVersion, e.data.n])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [5, 5],
        [6, 6],
      ]);
      expect(await mine.verifyStream('case-heads')).toEqual({
        streamId: 'case-heads',
        ok: true,
        eventsChecked: 6,
      });
      // A stream that exists is refused to `no_stream`, whose head needs no lookup either.
      await expect(mine.append('case-heads', [event(7)], 'no_stream')).rejects.toMatchObject({
        actualVersion: 6,
      });
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  it('reports an append whose connection is cut mid-statement, and goes on with a new one', async () => {
    // The trigger ends its own connection, as a restarted server or a network cut would.
    const cut = `IF NEW.type = 'Cut' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;`;
    await withInsertTrigger(db.url, 'test_cut', cut, async () => {
      const store = new PostgresEventStore({ connectionString: db.url, poolSize: 1 });
      const event = (type: string) => ({ type, data: {}, metadata });
      try {
        await store.append('case-cut', [event('Fine')], 'no_stream');
        await expect(store.append('case-cut', [event('Cut')], 1)).rejects.toMatchObject({
          code: '57P01',
        });
        await expect(store.append('case-cut', [event('Fine')], 1)).resolves.toMatchObject({
          nextExpectedVersion: 2,
        });
        expect((await store.readStream('case-cut')).map((e) => e.type)).toEqual(['Fine', 'Fine']);
      } finally {
        await store.close();
      }
    });
  });
});
