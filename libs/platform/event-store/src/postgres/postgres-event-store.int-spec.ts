import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import {
  describeEventStoreContract,
  type EventStoreHarness,
} from '../testing/event-store.contract';
import { canonicalJson, newEventId } from '../validation';
import { chainHash, contentDigest, GENESIS_HASH } from '../hash-chain';
import { AppendContentionError, WrongExpectedVersionError } from '../errors';
import { registrationKeys } from './append-sql';
import type { JsonObject } from '../event-store';
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

  /**
   * Runs `test` with a test-only BEFORE INSERT trigger on the events table, whose PL/pgSQL runs
   * for each row before `RETURN NEW`: it stands in for what one event can cause in PostgreSQL.
   */
  async function withInsertTrigger(name: string, body: string, test: () => Promise<void>) {
    const admin = new Client({ connectionString: db.url });
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

  it("never fails 'any' for a race, even when every insert takes a few milliseconds", async () => {
    // A slow insert widens the window in which racing writers take the same version: each
    // append of 20 racing writers then loses many races in a row.
    await withInsertTrigger('test_slow_insert', 'PERFORM pg_sleep(0.004);', async () => {
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

  it('stores data and metadata as the exact text it hashed, so reprinting one breaks the chain', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await store.append('case-exact', [{ type: 'A', data: { b: 1.5, a: 'x' }, metadata }], 0);
      const { rows } = await client.query(
        `SELECT data::text AS data, hash_version FROM event_store.events WHERE stream_id = 'case-exact'`,
      );
      expect(rows).toEqual([{ data: '{"b":1.5,"a":"x"}', hash_version: 2 }]);
      expect((await store.verifyStream('case-exact')).ok).toBe(true);

      // The same content, printed differently (as jsonb would): no longer the text that was hashed.
      await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await client.query(
        `UPDATE event_store.events SET data = data::jsonb::json WHERE stream_id = 'case-exact'`,
      );
      await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      expect((await store.verifyStream('case-exact')).firstBrokenLink).toMatchObject({
        streamVersion: 1,
        reason: 'hash_mismatch',
      });
    } finally {
      await Promise.all([client.end(), store.close()]);
    }
  });

  it('verifies events recorded before it kept exact text (hash version 1, canonical JSON)', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      // An event as the first migration stored it: jsonb's printing, hashed over canonical JSON.
      const data = { zeta: [1, { y: 2, x: 'é' }], alpha: true };
      const eventId = newEventId();
      const { rows } = await client.query<{ position: string; micros: string }>(
        `SELECT nextval('event_store.global_position') AS position,
                (extract(epoch FROM now()) * 1000000)::bigint::text AS micros`,
      );
      const digest = contentDigest({
        eventId,
        streamId: 'case-legacy',
        type: 'A',
        schemaVersion: 1,
        dataJson: canonicalJson(data),
        metadataJson: canonicalJson(metadata),
      });
      const hash = chainHash(
        GENESIS_HASH,
        digest,
        1n,
        BigInt(rows[0].position),
        BigInt(rows[0].micros),
      );
      await client.query(
        `INSERT INTO event_store.events (global_position, event_id, stream_id, stream_category,
                stream_version, type, schema_version, data, metadata, recorded_at, hash, hash_version)
         VALUES ($1, $2, 'case-legacy', 'case', 1, 'A', 1, $3::jsonb::json, $4::jsonb::json,
                 to_timestamp($5::bigint / 1000000.0), $6, 1)`,
        [
          rows[0].position,
          eventId,
          JSON.stringify(data),
          JSON.stringify(metadata),
          rows[0].micros,
          hash,
        ],
      );
      expect(await store.verifyStream('case-legacy')).toEqual({
        streamId: 'case-legacy',
        ok: true,
        eventsChecked: 1,
      });
      // A retry is compared with it as it was hashed: the same content in another key order is
      // the same event; other content is refused.
      const retry = (d: JsonObject) =>
        store.append('case-legacy', [{ eventId, type: 'A', data: d, metadata }], 'no_stream');
      await expect(retry({ alpha: true, zeta: [1, { x: 'é', y: 2 }] })).resolves.toMatchObject({
        duplicate: true,
        globalPositions: [Number(rows[0].position)],
      });
      await expect(retry({ ...data, alpha: false })).rejects.toMatchObject({
        code: 'EVENT_ID_CONFLICT',
        reason: 'different_content',
      });
      // Read as an exact-text event, the same row no longer verifies: the version is what decides.
      await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await client.query(
        `UPDATE event_store.events SET hash_version = 2 WHERE stream_id = 'case-legacy'`,
      );
      await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      expect((await store.verifyStream('case-legacy')).ok).toBe(false);
    } finally {
      await Promise.all([client.end(), store.close()]);
    }
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

  it('lets one append per interval carry the notification, and sends one when no append comes', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: number[] = [];
    listener.on('notification', (n) => {
      if (n.channel === 'haven_event_store') heard.push(Date.now());
    });
    await listener.query('LISTEN haven_event_store');
    // An interval of 1 s, and so a grace period of 0.5 s after it.
    const store = new PostgresEventStore({ connectionString: db.url, notifyIntervalMs: 1000 });
    const event = (n: number) => ({ type: 'Step', data: { n }, metadata });
    const heardWithin = async (count: number, ms: number) => {
      for (const until = Date.now() + ms; heard.length < count && Date.now() < until;)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return heard.length;
    };
    const sleepUntil = (at: number) =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    try {
      const first = Date.now();
      await store.append('case-notify', [event(1)], 'no_stream');
      // Carried by the append's own commit: heard at once, with no NOTIFY of its own.
      expect(await heardWithin(1, 500)).toBe(1);
      expect(store.notificationStatistics()).toEqual({ carried: 1, sent: 0 });
      // Within the interval none carries it (the batch neither: only single events do).
      await store.append('case-notify', [event(2)], 1);
      await store.append('case-notify', [event(3), event(4)], 2);
      expect(await heardWithin(2, 300)).toBe(1);
      // After the interval, within the grace period: the next append carries it, for all three.
      await sleepUntil(first + 1100);
      await store.append('case-notify', [event(5)], 4);
      expect(await heardWithin(2, 300)).toBe(2);
      expect(store.notificationStatistics()).toEqual({ carried: 2, sent: 0 });
      // No append after this one: a NOTIFY of its own follows once interval and grace are over.
      const last = Date.now();
      await store.append('case-notify', [event(6)], 5);
      expect(await heardWithin(3, 3000)).toBe(3);
      expect(heard[2] - last).toBeGreaterThanOrEqual(1000);
      expect(store.notificationStatistics()).toEqual({ carried: 2, sent: 1 });
    } finally {
      await store.close();
      await listener.end();
    }
  });

  it('still announces earlier commits when the append that claimed the notification fails', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    let heard = 0;
    listener.on('notification', (n) => {
      if (n.channel === 'haven_event_store') heard++;
    });
    await listener.query('LISTEN haven_event_store');
    const store = new PostgresEventStore({ connectionString: db.url, notifyIntervalMs: 1000 });
    const event = (n: number) => ({ type: 'Step', data: { n }, metadata });
    try {
      const first = Date.now();
      await store.append('case-notify-lost', [event(1)], 'no_stream'); // carries one
      // A batch carries none: its commit waits for the next append or the NOTIFY after the grace.
      await store.append('case-notify-lost', [event(2), event(3)], 1);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, first + 1100 - Date.now())));
      // After the interval this append claims the notification, then fails on the unique index
      // (the stream exists) and commits nothing: the batch is still to be announced.
      await expect(
        store.append('case-notify-lost', [event(4)], 'no_stream'),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      for (const until = Date.now() + 3000; heard < 2 && Date.now() < until;)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(heard).toBe(2);
      expect(store.notificationStatistics()).toEqual({ carried: 2, sent: 1 });
    } finally {
      await store.close();
      await listener.end();
    }
  });

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
    await withInsertTrigger('test_refuse_poison', poison, async () => {
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

  it('reports an append whose connection is cut mid-statement, and goes on with a new one', async () => {
    // The trigger ends its own connection, as a restarted server or a network cut would.
    const cut = `IF NEW.type = 'Cut' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;`;
    await withInsertTrigger('test_cut', cut, async () => {
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

  it('reads by categories whatever their text, quotes and backslashes included', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    try {
      const { globalPositions } = await store.append(
        'quoting-1',
        [{ type: 'Step', data: {}, metadata }],
        'no_stream',
      );
      const from = globalPositions[0];
      const categories = (...c: string[]) =>
        store.readAll({ fromPosition: from, categories: c }).then((e) => e.map((x) => x.streamId));
      expect(await categories('quoting', 'we"ird', 'back\\slash', '{x,y}')).toEqual(['quoting-1']);
      expect(await categories('we"ird', 'quoting"')).toEqual([]);
    } finally {
      await store.close();
    }
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

  it('gives each of several subscriptions on one store every event, while writers append', async () => {
    // The subscriptions share the store's remembered horizon: one may move it on while another
    // is reading below the value it had.
    const store = new PostgresEventStore({ connectionString: db.url, poolSize: 24 });
    const writer = new PostgresEventStore({ connectionString: db.url, poolSize: 8 });
    try {
      const start = (await store.headPosition()) + 1;
      const received = Array.from({ length: 6 }, () => [] as number[]);
      const subscriptions = received.map((list) =>
        store.subscribeBatches(
          start,
          (events) => {
            for (const e of events) list.push(e.globalPosition);
          },
          { batchSize: 7, pollIntervalMs: 20 },
        ),
      );
      const positions: number[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; i < 40; i++) {
            const result = await writer.append(
              `case-many-readers-${w}`,
              [{ type: 'Step', data: { i }, metadata }],
              i,
            );
            positions.push(...result.globalPositions);
          }
        }),
      );
      positions.sort((a, b) => a - b);
      const deadline = Date.now() + 10_000;
      while (received.some((list) => list.length < positions.length) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await Promise.all(subscriptions.map((s) => s.stop()));
      for (const list of received) expect(list).toEqual(positions);
    } finally {
      await Promise.all([store.close(), writer.close()]);
    }
  });
});
