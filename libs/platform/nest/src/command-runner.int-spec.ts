import { randomUUID } from 'node:crypto';
import {
  migrateEventStore,
  PostgresEventStore,
  type EventStore,
  type RecordedEvent,
} from '@haven/platform/event-store';
import { domainError, DomainError, type Decider } from '@haven/platform/domain';
import type { Principal } from '@haven/platform/security';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { CommandRunner, defineCommand, reactionEventId, reactor } from './command-runner';
import type { ServiceDatabase } from './database';

let db: TestDatabase;
let store: PostgresEventStore;
let pool: Pool;
let runner: CommandRunner;
let reads: number;

beforeAll(async () => {
  db = await createTestDatabase('command_runner');
  await migrateEventStore(db.url);
  store = new PostgresEventStore({ connectionString: db.url });
  pool = new Pool({ connectionString: db.url, max: 5 });
  await pool.query('CREATE TABLE alongside_rows (stream_id text NOT NULL)');
  // Counts stream loads: the runner must load a stream once per attempt.
  const counting = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readStream') {
        return (...args: Parameters<EventStore['readStream']>) => {
          reads++;
          return target.readStream(...args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // The runner takes transaction clients from the service's database; here, a pool on it.
  const database = { transactionClient: () => pool.connect() } as unknown as ServiceDatabase;
  runner = new CommandRunner(counting, database);
});

beforeEach(() => {
  reads = 0;
});

afterAll(async () => {
  await pool.end();
  await store.close();
  await db.drop();
});

const metadata = {
  actorId: 'officer-1',
  role: 'empowerment_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-11-20T10:00:00.000Z',
};
const officerOf = (country: string): Principal => ({
  subject: 'officer-1',
  role: 'empowerment_officer',
  countries: [country],
  organisationId: null,
});

type Opened = { type: 'TallyOpened'; data: { country: string } };
type Added = { type: 'TallyAdded'; data: { total: number } };
type TallyEvent = Opened | Added;
type TallyCommand = { type: 'Open'; country: string } | { type: 'Add'; by: number };
type TallyState = { status: 'none' } | { status: 'open'; country: string; total: number };

const TallyNotOpen = domainError('conflict', 'TALLY_NOT_OPEN', 'The tally is not open.');

const tally: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'TallyOpened'
      ? { status: 'open', country: event.data.country, total: 0 }
      : state.status === 'open'
        ? { ...state, total: event.data.total }
        : state,
  decide: (command, state) => {
    if (command.type === 'Open') {
      return state.status === 'none'
        ? [{ type: 'TallyOpened', data: { country: command.country } }]
        : [];
    }
    if (state.status !== 'open') throw new TallyNotOpen();
    return [{ type: 'TallyAdded', data: { total: state.total + command.by } }];
  },
};

const OutOfScope = domainError('forbidden', 'OUT_OF_SCOPE', 'This tally is not yours to change.');
const seenStates: TallyState[] = [];

const openTally = defineCommand({
  decider: tally,
  streamId: (input: { id: string; country: string }) => `tally-${input.id}`,
  authorise(_state, principal, input) {
    if (principal.countries !== 'all' && !principal.countries.includes(input.country)) {
      throw new OutOfScope();
    }
  },
  command: (input) => ({ type: 'Open' as const, country: input.country }),
});

const addToTally = defineCommand({
  decider: tally,
  streamId: (input: { id: string; by: number }) => `tally-${input.id}`,
  authorise(state, principal) {
    seenStates.push(state);
    if (state.status === 'open' && principal.countries !== 'all') {
      if (!principal.countries.includes(state.country)) throw new OutOfScope();
    }
  },
  // Async, as a command that seals a field or reads another record is.
  command: async (input) => ({ type: 'Add' as const, by: input.by }),
});

describe('CommandRunner', () => {
  it('loads the stream once, authorises against its folded state, decides and appends', async () => {
    const id = randomUUID();
    await runner.run(openTally, { id, country: 'TH' }, { principal: officerOf('TH'), metadata });
    seenStates.length = 0;
    reads = 0;
    const result = await runner.run(
      addToTally,
      { id, by: 3 },
      { principal: officerOf('TH'), metadata },
    );

    expect(reads).toBe(1);
    expect(seenStates).toEqual([{ status: 'open', country: 'TH', total: 0 }]);
    expect(result).toMatchObject({ streamId: `tally-${id}`, streamVersion: 2, appended: 1 });
    const events = await store.readStream(`tally-${id}`);
    expect(events.map((event) => [event.type, event.data, event.metadata.actorId])).toEqual([
      ['TallyOpened', { country: 'TH' }, 'officer-1'],
      ['TallyAdded', { total: 3 }, 'officer-1'],
    ]);
  });

  it('refuses a principal out of the stream’s scope, and writes nothing', async () => {
    const id = randomUUID();
    await runner.run(openTally, { id, country: 'LA' }, { principal: officerOf('LA'), metadata });
    await expect(
      runner.run(addToTally, { id, by: 1 }, { principal: officerOf('TH'), metadata }),
    ).rejects.toMatchObject({ kind: 'forbidden', reason: 'OUT_OF_SCOPE' });
    expect(await store.readStream(`tally-${id}`)).toHaveLength(1);
  });

  it('passes a broken rule through as the domain error, and writes nothing', async () => {
    const id = randomUUID();
    const attempt = runner.run(addToTally, { id, by: 1 }, { principal: officerOf('TH'), metadata });
    await expect(attempt).rejects.toBeInstanceOf(TallyNotOpen);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    expect(await store.readStream(`tally-${id}`)).toHaveLength(0);
  });

  it('when the stream changes between load and append, authorises and decides again on the newer state', async () => {
    const id = randomUUID();
    await runner.run(openTally, { id, country: 'TH' }, { principal: officerOf('TH'), metadata });
    let interfered = false;
    const racing = defineCommand({
      ...addToTally,
      async command(input: { id: string; by: number }, state: TallyState) {
        seenStates.push(state);
        if (!interfered) {
          interfered = true;
          // Someone else adds to the tally after this command loaded it.
          await store.append(
            `tally-${id}`,
            [{ type: 'TallyAdded', data: { total: 10 }, metadata }],
            1,
          );
        }
        return { type: 'Add' as const, by: input.by };
      },
    });
    seenStates.length = 0;
    reads = 0;
    await runner.run(racing, { id, by: 1 }, { principal: officerOf('TH'), metadata });

    expect(reads).toBe(2);
    expect(seenStates.filter((_, index) => index % 2 === 1)).toEqual([
      { status: 'open', country: 'TH', total: 0 },
      { status: 'open', country: 'TH', total: 10 },
    ]);
    const events = await store.readStream(`tally-${id}`);
    expect(events.map((event) => event.data)).toEqual([
      { country: 'TH' },
      { total: 10 },
      { total: 11 },
    ]);
  });

  it('commits writes alongside the events, or neither when the alongside write fails', async () => {
    const withRow = (fail: boolean) =>
      defineCommand({
        ...openTally,
        async alongside(client, events, input: { id: string; country: string }) {
          expect(events.map((event) => event.type)).toEqual(['TallyOpened']);
          await client.query('INSERT INTO alongside_rows (stream_id) VALUES ($1)', [
            `tally-${input.id}`,
          ]);
          if (fail) throw new Error('the alongside write failed');
        },
      });
    const kept = randomUUID();
    const lost = randomUUID();
    await runner.run(
      withRow(false),
      { id: kept, country: 'TH' },
      { principal: officerOf('TH'), metadata },
    );
    await expect(
      runner.run(
        withRow(true),
        { id: lost, country: 'TH' },
        { principal: officerOf('TH'), metadata },
      ),
    ).rejects.toThrow('the alongside write failed');

    const rows = await pool.query<{ stream_id: string }>('SELECT stream_id FROM alongside_rows');
    expect(rows.rows.map((row) => row.stream_id)).toEqual([`tally-${kept}`]);
    expect(await store.readStream(`tally-${kept}`)).toHaveLength(1);
    expect(await store.readStream(`tally-${lost}`)).toHaveLength(0);
  });
});

describe('reactor', () => {
  const source = (id: string, by: unknown): RecordedEvent =>
    ({
      eventId: randomUUID(),
      streamId: `source-${id}`,
      streamCategory: 'source',
      streamVersion: 1,
      globalPosition: 42,
      type: 'SourceCounted',
      schemaVersion: 1,
      data: { tallyId: id, by },
      metadata: { ...metadata, occurredAt: '2026-11-19T08:00:00.000Z' },
      recordedAt: '2026-11-19T08:00:01.000Z',
    }) as unknown as RecordedEvent;

  const refused: Array<[number, string]> = [];
  const followTallies = reactor({
    name: 'test.tally-follower',
    handles: ['SourceCounted'],
    categories: ['source'],
    decider: tally,
    streamId: (event) => `tally-${(event.data as { tallyId: string }).tallyId}`,
    command: (event) => ({ type: 'Add' as const, by: (event.data as { by: number }).by }),
    onRefused: (position, reason) => refused.push([position, reason]),
  });
  const apply = (events: RecordedEvent[]) =>
    followTallies(store).apply(events, {} as EntityManager);

  it('appends a reaction once, however often its source event is delivered, with derived ids and the source as cause', async () => {
    const id = randomUUID();
    await runner.run(openTally, { id, country: 'TH' }, { principal: officerOf('TH'), metadata });
    const counted = source(id, 2);
    await apply([counted]);
    await apply([counted]);

    const events = await store.readStream(`tally-${id}`);
    expect(events.map((event) => event.data)).toEqual([{ country: 'TH' }, { total: 2 }]);
    expect(events[1].eventId).toBe(reactionEventId('test.tally-follower', counted.eventId, 0));
    expect(events[1].metadata).toMatchObject({
      actorId: 'test.tally-follower',
      role: 'system',
      causationId: counted.eventId,
      occurredAt: '2026-11-19T08:00:00.000Z',
    });
  });

  it('skips a source event the domain refuses, telling its position, and goes on', async () => {
    const closed = randomUUID();
    const open = randomUUID();
    await runner.run(
      openTally,
      { id: open, country: 'TH' },
      { principal: officerOf('TH'), metadata },
    );
    await apply([source(closed, 1), source(open, 5)]);

    expect(refused).toEqual([[42, 'The tally is not open.']]);
    expect(await store.readStream(`tally-${closed}`)).toHaveLength(0);
    expect((await store.readStream(`tally-${open}`)).map((event) => event.data)).toEqual([
      { country: 'TH' },
      { total: 5 },
    ]);
  });
});
