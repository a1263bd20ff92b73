// The PostgreSQL event store's gap-free global order (ADR 0002): no reader passes a position that
// commits later; reads are not held back by other transactions or other advisory locks; a refused
// registration is contention, never a version conflict.
import { Client } from 'pg';
import { createTestDatabase } from '@haven/platform/testing';
import { newEventId } from '../validation';
import { AppendContentionError, WrongExpectedVersionError } from '../errors';
import { registrationKeys } from './append-sql';
import { PostgresEventStore } from './postgres-event-store';
import { metadata, useEventStoreDatabase } from './testing/postgres-spec-support';

describe('PostgreSQL event store specifics', () => {
  const db = useEventStoreDatabase();

  it('never lets a reader pass a position that commits later, under 16 racing writers', async () => {
    const store = new PostgresEventStore({ connectionString: db.url, poolSize: 20 });
    const seen: number[] = [];
    let writing = true;
    // A reader that polls as fast as it can, from its own checkpoint, like a subscription.
    const reader = (async () => {
      // From the start: only this test writes race_check events.
      let next = 0;
      for (;;) {
        const done = !writing;
        const batch = await store.readAll({
          fromPosition: next,
          limit: 500,
          categories: ['race_check'],
        });
        for (const e of batch) seen.push(e.globalPosition);
        if (batch.length > 0) next = batch[batch.length - 1].globalPosition + 1;
        else if (done) return;
      }
    })();
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; i < 40; i++) {
          await store.append(`race_check-${w}`, [{ type: 'A', data: { i }, metadata }], i);
        }
      }),
    );
    writing = false;
    await reader;
    const all = (await store.readAll({ categories: ['race_check'], limit: 10_000 })).map(
      (e) => e.globalPosition,
    );
    await store.close();
    expect(all).toHaveLength(640);
    expect(seen).toEqual(all);
  });

  it('is not held back by a long write transaction that is not an append, here or in another database', async () => {
    const other = await createTestDatabase('event_store_other');
    const store = new PostgresEventStore({ connectionString: db.url });
    const elsewhere = new Client({ connectionString: other.url });
    const here = new Client({ connectionString: db.url });
    await Promise.all([elsewhere.connect(), here.connect()]);
    try {
      for (const client of [elsewhere, here]) {
        await client.query('BEGIN');
        await client.query('CREATE TABLE IF NOT EXISTS public.unrelated (n int)');
        await client.query('INSERT INTO public.unrelated VALUES (1)');
      }
      const { globalPositions } = await store.append(
        'case-unblocked',
        [{ type: 'A', data: {}, metadata }],
        'no_stream',
      );
      const read = await store.readAll({ fromPosition: globalPositions[0] });
      expect(read.map((e) => e.globalPosition)).toEqual(globalPositions);
      expect(await store.headPosition()).toBe(globalPositions[0]);
    } finally {
      await Promise.all([elsewhere.end(), here.end(), store.close()]);
      await other.drop();
    }
  });

  it("is not held back by advisory locks other than its own appends' registrations", async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    const stream = `case-locked-${newEventId()}`;
    const first = await store.append(stream, [{ type: 'A', data: {}, metadata }], 'no_stream');
    const [anyLock, ownKey, reading] = [1, 2, 3].map(
      () => new Client({ connectionString: db.url }),
    );
    await Promise.all([anyLock, ownKey, reading].map((c) => c.connect()));
    try {
      // Co-tenant code holding a two-key lock, as the probe did.
      await anyLock.query('SELECT pg_advisory_lock(0, 1)');
      // A lock in the store's own key space, shared, at the lowest bound there is, held by a
      // session that does not append (it only reads the events, in an open transaction).
      await ownKey.query('SELECT pg_advisory_lock_shared($1, $2)', registrationKeys(1));
      await reading.query('BEGIN');
      await reading.query('SELECT pg_advisory_xact_lock_shared($1, $2)', registrationKeys(1));
      await reading.query('SELECT count(*) FROM event_store.events');
      const second = await store.append(stream, [{ type: 'B', data: {}, metadata }], 1);

      const fresh = new PostgresEventStore({ connectionString: db.url });
      try {
        const read = await fresh.readAll({ fromPosition: 0, limit: 10_000 });
        const positions = read.map((e) => e.globalPosition);
        expect(positions).toEqual(
          expect.arrayContaining([...first.globalPositions, ...second.globalPositions]),
        );
        expect(await fresh.headPosition()).toBe(second.globalPositions[0]);
      } finally {
        await fresh.close();
      }
    } finally {
      await Promise.all([anyLock, ownKey, reading].map((c) => c.end()));
      await store.close();
    }
  });

  it('reports a refused registration as contention, never as a version conflict, and appends once its key is free', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    const stream = `case-refused-${newEventId()}`;
    const lockNextKey = async () => {
      const { rows } = await blocker.query<{ next: string }>(
        "SELECT coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1 AS next",
      );
      await blocker.query(
        'SELECT pg_advisory_lock($1, $2)',
        registrationKeys(Number(rows[0].next)),
      );
    };
    try {
      // An exclusive lock on the key the next append registers under refuses its registration.
      await lockNextKey();
      for (const expected of ['no_stream', 'any', 0] as const) {
        const error = await store
          .append(stream, [{ type: 'A', data: {}, metadata }], expected)
          .catch((e: unknown) => e);
        expect(error).not.toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toBeInstanceOf(AppendContentionError);
        expect(error).toMatchObject({
          code: 'APPEND_CONTENTION',
          retryable: true,
          streamId: stream,
        });
      }
      expect(await store.readStream(stream)).toHaveLength(0);

      // Freed while the append is trying again: it goes through.
      const appending = store.append(stream, [{ type: 'A', data: {}, metadata }], 'no_stream');
      setTimeout(() => void blocker.query('SELECT pg_advisory_unlock_all()'), 50);
      await expect(appending).resolves.toMatchObject({ nextExpectedVersion: 1, duplicate: false });
    } finally {
      await blocker.end();
      await store.close();
    }
  });
});
