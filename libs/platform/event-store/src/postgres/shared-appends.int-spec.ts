// Shared append statements on PostgreSQL (ADR 0012): concurrent single-event appends share one
// statement, each with its own outcome and its own error, and a statement holds about 4 MiB.
import { Client } from 'pg';
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

  it('lets concurrent single-event appends share one statement, each with its own outcome', async () => {
    // One statement at a time: whatever arrives while it runs goes together in the next one.
    const mine = new PostgresEventStore({ connectionString: db.url, appendStatements: 1 });
    const theirs = new PostgresEventStore({ connectionString: db.url });
    const event = (n: number) => ({ eventId: newEventId(), type: 'Step', data: { n }, metadata });
    const streams = Array.from({ length: 8 }, (_, i) => `case-shared-${i}`);
    try {
      const firsts = streams.map((_, i) => event(i));
      // All at once: the first runs alone, the other seven share the next statement.
      const created = await Promise.all(
        streams.map((s, i) => mine.append(s, [firsts[i]], 'no_stream')),
      );
      expect(mine.appendStatistics()).toEqual({ appends: 8, statements: 2, sharedStatements: 1 });
      // Not only counted as shared: the seven rows were written by one transaction.
      const writers = new Client({ connectionString: db.url });
      await writers.connect();
      const { rows: transactions } = await writers.query<{ stream_id: string; xid: string }>(
        `SELECT stream_id, xmin::text AS xid FROM event_store.events
          WHERE stream_id = ANY($1) ORDER BY stream_id`,
        [streams],
      );
      await writers.end();
      const xids = new Map(transactions.map((r) => [r.stream_id, r.xid]));
      expect(new Set(streams.slice(1).map((s) => xids.get(s))).size).toBe(1);
      expect(xids.get(streams[0])).not.toBe(xids.get(streams[1]));
      for (const [i, s] of streams.entries()) {
        const stored = await mine.readStream(s);
        expect(stored.map((e) => [e.eventId, e.globalPosition])).toEqual([
          [firsts[i].eventId, created[i].globalPositions[0]],
        ]);
      }

      // A shared statement with a stale head (stream 2), a retry (stream 3), two appends racing
      // on one stream (stream 4) and plain appends: nothing is lost, nothing written twice, and
      // each caller gets its own answer.
      await theirs.append(streams[2], [event(100)], 1);
      const racing = [event(40), event(41)];
      const outcomes = await Promise.allSettled([
        mine.append(streams[0], [event(10)], 1), // runs alone; the rest wait and share
        mine.append(streams[1], [event(11)], 1),
        mine.append(streams[2], [event(12)], 1),
        mine.append(streams[3], [firsts[3]], 'no_stream'),
        mine.append(streams[4], [racing[0]], 1),
        mine.append(streams[4], [racing[1]], 1),
        mine.append(streams[5], [event(15)], 1),
      ]);
      const [alone, plain, stale, retry, raceA, raceB, last] = outcomes;
      expect(alone).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
      expect(plain).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
      expect(last).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
      expect(stale).toMatchObject({
        status: 'rejected',
        reason: { expectedVersion: 1, actualVersion: 2 },
      });
      expect((stale as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(retry).toEqual({
        status: 'fulfilled',
        value: {
          streamId: streams[3],
          nextExpectedVersion: 1,
          globalPositions: created[3].globalPositions,
          duplicate: true,
        },
      });
      // Exactly one of the two racing appends wins.
      expect([raceA.status, raceB.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect(mine.appendStatistics().sharedStatements).toBe(2);

      for (const s of streams) {
        expect(await mine.verifyStream(s)).toMatchObject({ ok: true });
      }
      const versions = await Promise.all(
        streams.map(async (s) => (await mine.readStream(s)).length),
      );
      expect(versions).toEqual([2, 2, 2, 1, 2, 2, 1, 1]);
      const winner = (await mine.readStream(streams[4]))[1];
      const won =
        raceA.status === 'fulfilled'
          ? raceA.value
          : (raceB as PromiseFulfilledResult<{ globalPositions: number[] }>).value;
      expect(won.globalPositions).toEqual([winner.globalPosition]);
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  it('gives an error that one append of a shared statement causes to that append alone', async () => {
    const poison = `IF NEW.type = 'Poison' THEN RAISE EXCEPTION 'poisoned event' USING ERRCODE = '22023'; END IF;`;
    await withInsertTrigger(db.url, 'test_refuse_poison', poison, async () => {
      const store = new PostgresEventStore({ connectionString: db.url, appendStatements: 1 });
      const event = (type: string) => ({ type, data: {}, metadata });
      try {
        const outcomes = await Promise.allSettled([
          store.append('case-poison-0', [event('Fine')], 'no_stream'), // alone; the rest share
          store.append('case-poison-1', [event('Fine')], 'no_stream'),
          store.append('case-poison-2', [event('Poison')], 'no_stream'),
          store.append('case-poison-3', [event('Fine')], 'no_stream'),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual([
          'fulfilled',
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
        expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: '22023' });
        expect(store.appendStatistics().sharedStatements).toBe(1);
        const lengths = await Promise.all(
          [0, 1, 2, 3].map(async (i) => (await store.readStream(`case-poison-${i}`)).length),
        );
        expect(lengths).toEqual([1, 1, 0, 1]);
      } finally {
        await store.close();
      }
    });
  });

  it('keeps a shared statement to about 4 MiB of event text', async () => {
    const store = new PostgresEventStore({ connectionString: db.url, appendStatements: 1 });
    const big = { type: 'Scanned', data: { page: 'x'.repeat(900 * 1024) }, metadata };
    try {
      // The first runs alone; five wait, 4.5 MiB in all: four go together, then the last.
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => store.append(`case-big-${i}`, [big], 'no_stream')),
      );
      expect(store.appendStatistics()).toEqual({ appends: 6, statements: 3, sharedStatements: 1 });
      const stored = await store.readStream('case-big-5');
      expect(stored[0].data.page).toHaveLength(900 * 1024);
    } finally {
      await store.close();
    }
  });
});
