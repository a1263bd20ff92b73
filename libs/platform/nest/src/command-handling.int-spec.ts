import { randomUUID } from 'node:crypto';
import { migrateEventStore, PostgresEventStore } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Pool } from 'pg';
import { handleCommand, handleCommandInTransaction, type Decider } from './command-handling';
import { ConcurrencyConflictError } from './errors';

let db: TestDatabase;
let store: PostgresEventStore;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase('command_handling');
  await migrateEventStore(db.url);
  store = new PostgresEventStore({ connectionString: db.url });
  pool = new Pool({ connectionString: db.url, max: 10 });
  await pool.query('CREATE TABLE side_effects (stream_id text NOT NULL, position bigint NOT NULL)');
});

afterAll(async () => {
  await pool.end();
  await store.close();
  await db.drop();
});

const metadata = {
  actorId: 'tester',
  role: 'test',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-11-20T10:00:00.000Z',
};

type Counted = { type: 'Counted'; data: { to: number } };
type Count = { type: 'Count'; upTo: number };

/** Counts up by one per command until `upTo`; beyond it, decides nothing. */
const counter: Decider<Count, Counted, number> = {
  initialState: () => 0,
  evolve: (_state, event) => event.data.to,
  decide: (command, state) =>
    state < command.upTo ? [{ type: 'Counted', data: { to: state + 1 } }] : [],
};

describe('handleCommand', () => {
  it('appends what the decider decides, with the expected version, and reports version and position', async () => {
    const stream = `counter-${randomUUID()}`;
    const first = await handleCommand(store, stream, counter, { type: 'Count', upTo: 5 }, metadata);
    const second = await handleCommand(
      store,
      stream,
      counter,
      { type: 'Count', upTo: 5 },
      metadata,
    );

    expect(first).toMatchObject({ streamId: stream, streamVersion: 1, appended: 1 });
    expect(second).toMatchObject({ streamVersion: 2, appended: 1 });
    const events = await store.readStream(stream);
    expect(events.map((event) => event.data)).toEqual([{ to: 1 }, { to: 2 }]);
    expect(second.position).toBe(events[1].globalPosition);
  });

  it('when the decider decides nothing, appends nothing and reports the current version and position', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(store, stream, counter, { type: 'Count', upTo: 1 }, metadata);
    const repeat = await handleCommand(
      store,
      stream,
      counter,
      { type: 'Count', upTo: 1 },
      metadata,
    );
    const [only] = await store.readStream(stream);
    expect(repeat).toEqual({
      streamId: stream,
      streamVersion: 1,
      position: only.globalPosition,
      appended: 0,
    });
  });

  it('given concurrent commands on one stream, when they conflict, then each reloads and decides again: no lost update', async () => {
    const stream = `counter-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        handleCommand(store, stream, counter, { type: 'Count', upTo: 100 }, metadata, {
          maxAttempts: 20,
        }),
      ),
    );
    const events = await store.readStream(stream);
    expect(events.map((event) => event.data.to)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('given a stream that changes under every attempt, then it gives up with ConcurrencyConflictError after maxAttempts', async () => {
    const stream = `counter-${randomUUID()}`;
    let loads = 0;
    // Someone else appends right after each of our loads, before our append.
    const meddled = Object.create(store) as PostgresEventStore;
    meddled.readStream = async (streamId, options) => {
      const events = await store.readStream(streamId, options);
      loads++;
      await store.append(streamId, [{ type: 'Counted', data: { to: -1 }, metadata }], 'any');
      return events;
    };

    const attempt = handleCommand(
      meddled,
      stream,
      counter,
      { type: 'Count', upTo: 1000 },
      metadata,
      {
        maxAttempts: 3,
      },
    );

    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(loads).toBe(3);
    expect((await store.readStream(stream)).map((event) => event.data.to)).toEqual([-1, -1, -1]);
  });

  it('lets a domain error through and appends nothing', async () => {
    const stream = `counter-${randomUUID()}`;
    const refusing: Decider<Count, Counted, number> = {
      ...counter,
      decide: () => {
        throw new RangeError('not allowed');
      },
    };
    await expect(
      handleCommand(store, stream, refusing, { type: 'Count', upTo: 1 }, metadata),
    ).rejects.toBeInstanceOf(RangeError);
    expect(await store.readStream(stream)).toEqual([]);
  });
});

describe('handleCommandInTransaction', () => {
  const connect = () => pool.connect();
  const sideEffects = async (stream: string) =>
    (
      await pool.query<{ position: string }>(
        'SELECT position FROM side_effects WHERE stream_id = $1 ORDER BY position',
        [stream],
      )
    ).rows.map((row) => Number(row.position));

  it('appends the events and writes the other rows in one transaction', async () => {
    const stream = `counter-${randomUUID()}`;
    const result = await handleCommandInTransaction(
      store,
      connect,
      stream,
      counter,
      { type: 'Count', upTo: 1 },
      metadata,
      async (client, appended) => {
        await client.query('INSERT INTO side_effects VALUES ($1, $2)', [
          stream,
          appended.globalPositions[0],
        ]);
      },
    );

    expect(result).toMatchObject({ streamVersion: 1, appended: 1 });
    expect(await sideEffects(stream)).toEqual([result.position]);
    expect((await store.readStream(stream)).map((event) => event.data)).toEqual([{ to: 1 }]);
  });

  it('given the other write fails, then the events are not appended either', async () => {
    const stream = `counter-${randomUUID()}`;
    const attempt = handleCommandInTransaction(
      store,
      connect,
      stream,
      counter,
      { type: 'Count', upTo: 1 },
      metadata,
      async (client) => {
        await client.query('INSERT INTO side_effects VALUES ($1, 1)', [stream]);
        await client.query('SELECT 1 / 0');
      },
    );

    await expect(attempt).rejects.toMatchObject({ code: '22012' });
    expect(await store.readStream(stream)).toEqual([]);
    expect(await sideEffects(stream)).toEqual([]);
  });

  it('given concurrent commands on one stream, then each reloads and decides again: no lost update, one row per event', async () => {
    const stream = `counter-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        handleCommandInTransaction(
          store,
          connect,
          stream,
          counter,
          { type: 'Count', upTo: 100 },
          metadata,
          async (client, appended) => {
            await client.query('INSERT INTO side_effects VALUES ($1, $2)', [
              stream,
              appended.globalPositions[0],
            ]);
          },
          { maxAttempts: 20 },
        ),
      ),
    );
    const events = await store.readStream(stream);
    expect(events.map((event) => event.data.to)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await sideEffects(stream)).toEqual(events.map((event) => event.globalPosition));
  });
});
