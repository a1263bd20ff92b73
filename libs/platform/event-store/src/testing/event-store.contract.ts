/**
 * The event store contract: written once against the port, run against every adapter
 * (PostgreSQL now; EventStoreDB wherever such a server is reachable). Each adapter supplies a
 * harness for what the port cannot express: holding an append open, and tampering as an
 * attacker with database access would.
 */
import { EventIdConflictError, InvalidAppendError, WrongExpectedVersionError } from '../errors';
import type {
  EventMetadata,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
} from '../event-store';
import type { Upcaster } from '../upcasting';
import { newEventId } from '../validation';

export interface OpenAppend {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface EventStoreHarness {
  /** A store over an empty log. */
  store: EventStore;
  /** Another store over the same log, with other options. */
  storeWith(options: { upcasters?: Upcaster[]; maxEventBytes?: number }): EventStore;
  /** Starts an append whose transaction stays open until commit() or rollback(). */
  beginAppend(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<OpenAppend>;
  tamper: {
    replaceData(globalPosition: number, data: object): Promise<void>;
    replaceMetadata(globalPosition: number, metadata: object): Promise<void>;
    deleteEvent(globalPosition: number): Promise<void>;
  };
  dispose(): Promise<void>;
}

const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actorId: 'user-7',
  role: 'protection_officer',
  organisationId: 'org-th-1',
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

const event = (
  type: string,
  data: Record<string, unknown> = {},
  extra: Partial<NewEvent> = {},
): NewEvent => ({ type, data, metadata: metadata(), ...extra }) as NewEvent;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({
      fromPosition: (out.at(-1)?.globalPosition ?? -1) + 1,
      limit: 1000,
    });
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

export function describeEventStoreContract(
  adapter: string,
  createHarness: () => Promise<EventStoreHarness>,
): void {
  describe(`event store contract: ${adapter}`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    let streamCounter = 0;
    const newStream = (category = 'contract_case') =>
      `${category}-${++streamCounter}-${newEventId()}`;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.dispose();
    });

    describe('append', () => {
      it('stores every envelope field and returns the new version and global positions', async () => {
        const stream = newStream();
        const result = await store.append(
          stream,
          [
            event('CaseOpened', { country: 'TH' }),
            event('CaseNoted', { n: 1 }, { schemaVersion: 2 }),
          ],
          'no_stream',
        );

        expect(result.nextExpectedVersion).toBe(2);
        expect(result.duplicate).toBe(false);
        expect(result.globalPositions).toHaveLength(2);
        expect(result.globalPositions[1]).toBeGreaterThan(result.globalPositions[0]);

        const [first, second] = await store.readStream(stream);
        expect(first).toMatchObject({
          streamId: stream,
          streamCategory: 'contract_case',
          streamVersion: 1,
          globalPosition: result.globalPositions[0],
          type: 'CaseOpened',
          schemaVersion: 1,
          data: { country: 'TH' },
          metadata: metadata(),
        });
        expect(first.eventId).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(first.recordedAt).toBeInstanceOf(Date);
        expect(Math.abs(first.recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
        expect(second).toMatchObject({ streamVersion: 2, type: 'CaseNoted', schemaVersion: 2 });
      });

      it('checks the expected version: exact, no_stream, stream_exists and any', async () => {
        const stream = newStream();
        await expect(store.append(stream, [event('A')], 'stream_exists')).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.append(stream, [event('A')], 'no_stream');
        await expect(store.append(stream, [event('B')], 'no_stream')).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.append(stream, [event('B')], 'stream_exists');
        await store.append(stream, [event('C')], 2);
        await store.append(stream, [event('D')], 'any');
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('reports a version conflict naming the stream, the expected and the actual version, and writes nothing', async () => {
        const stream = newStream();
        await store.append(stream, [event('A'), event('B'), event('C')], 'no_stream');
        const error = await store
          .append(stream, [event('D'), event('E')], 1)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          streamId: stream,
          expectedVersion: 1,
          actualVersion: 3,
        });
        expect((error as Error).message).toContain(stream);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('treats a re-append of stored event ids as an idempotent retry returning the original positions', async () => {
        const stream = newStream();
        const events = [
          event('A', {}, { eventId: newEventId() }),
          event('B', {}, { eventId: newEventId() }),
        ];
        const first = await store.append(stream, events, 'no_stream');
        await store.append(stream, [event('C')], 2);

        // The retry's expected version is stale now; it is still the same append.
        const retry = await store.append(stream, events, 'no_stream');
        expect(retry).toEqual({ ...first, duplicate: true });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('refuses a retry that reuses only some stored event ids, or uses them on another stream', async () => {
        const stream = newStream();
        const stored = event('A', {}, { eventId: newEventId() });
        await store.append(stream, [stored], 'no_stream');
        await expect(store.append(stream, [stored, event('B')], 'any')).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        await expect(store.append(newStream(), [stored], 'any')).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        expect(await allEvents(store)).toHaveLength(1);
      });

      it('refuses a retry whose type, data or metadata differs from what is stored under its id', async () => {
        const stream = newStream();
        const eventId = newEventId();
        const stored = event('CaseOpened', { country: 'TH' }, { eventId });
        const first = await store.append(stream, [stored], 'no_stream');

        const retries: NewEvent[] = [
          { ...stored, type: 'CaseClosed' },
          { ...stored, data: { country: 'LA' } },
          { ...stored, schemaVersion: 2 },
          { ...stored, metadata: metadata({ actorId: 'user-8' }) },
        ];
        for (const retry of retries) {
          for (const expected of ['no_stream', 'any', 1] as ExpectedVersion[]) {
            const error = await store.append(stream, [retry], expected).catch((e: unknown) => e);
            expect(error).toBeInstanceOf(EventIdConflictError);
            expect(error).toMatchObject({ code: 'EVENT_ID_CONFLICT', reason: 'different_content' });
          }
        }
        // In a batch too, where only the second event differs.
        const second = event('CaseNoted', { n: 1 }, { eventId: newEventId() });
        await store.append(stream, [second], 1);
        await expect(
          store.append(stream, [stored, { ...second, data: { n: 2 } }], 'any'),
        ).rejects.toMatchObject({ reason: 'different_content' });

        // The same content is still an idempotent retry, and nothing was written meanwhile.
        expect(await store.append(stream, [stored], 'no_stream')).toEqual({
          ...first,
          duplicate: true,
        });
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.type, e.data])).toEqual([
          ['CaseOpened', { country: 'TH' }],
          ['CaseNoted', { n: 1 }],
        ]);
      });

      it("never fails 'any' for a race: 20 writers append 200 events to one stream", async () => {
        const stream = newStream();
        const writers = 20;
        const each = 10;
        // Half the writers through a second store, as another process would be.
        const other = harness.storeWith({});
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const writer = w % 2 === 0 ? store : other;
            for (let n = 0; n < each; n++) {
              await writer.append(stream, [event('Written', { writer: w, n })], 'any');
            }
          }),
        );
        const written = await store.readStream(stream);
        expect(written.map((e) => e.streamVersion)).toEqual(
          Array.from({ length: writers * each }, (_, i) => i + 1),
        );
        for (let w = 0; w < writers; w++) {
          const own = written.filter((e) => e.data.writer === w).map((e) => e.data.n);
          expect(own).toEqual(Array.from({ length: each }, (_, n) => n));
        }
        expect((await store.verifyStream(stream)).ok).toBe(true);
      });

      it('lets 20 racing writers each write a version exactly once (optimistic concurrency)', async () => {
        const stream = newStream();
        const writers = 20;
        const successesEach = 3;
        const successes = new Array<number>(writers).fill(0);
        let firstRoundWinners = 0;
        let conflicts = 0;

        // Round one: every writer believes the stream is empty, at the same moment.
        await Promise.all(
          Array.from({ length: writers }, (_, w) =>
            store.append(stream, [event('Written', { writer: w, attempt: 0 })], 0).then(
              () => {
                firstRoundWinners++;
                successes[w]++;
              },
              (error: unknown) => {
                if (!(error instanceof WrongExpectedVersionError)) throw error;
                conflicts++;
              },
            ),
          ),
        );
        expect(firstRoundWinners).toBe(1);
        expect(conflicts).toBe(writers - 1);

        // Then each goes on until it has written its share, re-reading after each conflict.
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let attempt = 1; successes[w] < successesEach; attempt++) {
              const version = (await store.readStream(stream)).length;
              try {
                await store.append(stream, [event('Written', { writer: w, attempt })], version);
                successes[w]++;
              } catch (error) {
                if (!(error instanceof WrongExpectedVersionError)) throw error;
              }
            }
          }),
        );

        const written = await store.readStream(stream);
        const total = successes.reduce((a, b) => a + b, 0);
        expect(total).toBe(writers * successesEach);
        expect(written.map((e) => e.streamVersion)).toEqual(
          Array.from({ length: total }, (_, i) => i + 1),
        );
        for (let w = 0; w < writers; w++) {
          expect(written.filter((e) => e.data.writer === w)).toHaveLength(successesEach);
        }
        expect((await store.verifyStream(stream)).ok).toBe(true);
      });
    });

    describe('reads', () => {
      it('reads a stream between versions and as it was at a position or a time', async () => {
        const stream = newStream();
        await store.append(stream, [event('A'), event('B')], 'no_stream');
        const cutPosition = await store.headPosition();
        await sleep(20);
        const cutTime = new Date();
        await sleep(20);
        await store.append(stream, [event('C'), event('D')], 2);

        expect((await store.readStream(stream, { from: 2, to: 3 })).map((e) => e.type)).toEqual([
          'B',
          'C',
        ]);
        expect(
          (await store.readStream(stream, { upToPosition: cutPosition })).map((e) => e.type),
        ).toEqual(['A', 'B']);
        expect((await store.readStream(stream, { upToTime: cutTime })).map((e) => e.type)).toEqual([
          'A',
          'B',
        ]);
        expect(await store.readStream(newStream())).toEqual([]);
      });

      it('reads the whole log in global order, from a position, with a limit, by category', async () => {
        const a = newStream('contract_alpha');
        const b = newStream('contract_beta');
        await store.append(a, [event('A1')], 'no_stream');
        await store.append(b, [event('B1')], 'no_stream');
        await store.append(a, [event('A2')], 1);

        const all = await store.readAll();
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
        expect(await store.headPosition()).toBe(all[2].globalPosition);
        expect(
          (await store.readAll({ fromPosition: all[1].globalPosition })).map((e) => e.type),
        ).toEqual(['B1', 'A2']);
        expect((await store.readAll({ limit: 2 })).map((e) => e.type)).toEqual(['A1', 'B1']);
        expect(
          (await store.readAll({ categories: ['contract_alpha'] })).map((e) => e.type),
        ).toEqual(['A1', 'A2']);
      });
    });

    describe('subscriptions', () => {
      it('catches up, then goes live, from a checkpoint', async () => {
        const stream = newStream();
        await store.append(stream, [event('Old1'), event('Old2'), event('Old3')], 'no_stream');
        const [, second] = await store.readStream(stream);

        const received: string[] = [];
        const subscription = store.subscribe(second.globalPosition, (e) => {
          received.push(e.type);
        });
        await waitUntil(() => received.length === 2, 5000, 'catch-up');
        await store.append(stream, [event('New1')], 3);
        await waitUntil(() => received.length === 3, 5000, 'the live event');
        expect(received).toEqual(['Old2', 'Old3', 'New1']);
        expect(subscription.live).toBe(true);
        expect(subscription.position).toBe((await store.headPosition()) + 1);
        await subscription.stop();
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it('applies back-pressure: it reads at most one batch ahead of the handler, and nothing twice', async () => {
        const stream = newStream();
        await store.append(
          stream,
          Array.from({ length: 60 }, (_, i) => event('E', { i })),
          'no_stream',
        );
        let read = 0;
        let handled = 0;
        let furthestAhead = 0;
        const realReadAll = store.readAll.bind(store);
        const spy = jest.spyOn(store, 'readAll').mockImplementation(async (options) => {
          furthestAhead = Math.max(furthestAhead, read - handled);
          const batch = await realReadAll(options);
          read += batch.length;
          return batch;
        });
        const subscription = store.subscribe(
          0,
          async () => {
            await sleep(2);
            handled++;
          },
          { batchSize: 10 },
        );
        await waitUntil(() => handled === 60, 10_000, 'the slow handler');
        await subscription.stop();
        spy.mockRestore();
        // A read starts with at most the batch in the handler's hands not yet handled.
        expect(furthestAhead).toBeLessThanOrEqual(10);
        expect(read).toBe(60);
      });

      it('starts with a smaller first batch when asked, doubling each full read up to the batch size', async () => {
        const stream = newStream();
        const from = (await store.headPosition()) + 1;
        await store.append(
          stream,
          Array.from({ length: 60 }, (_, i) => event('E', { i })),
          'no_stream',
        );
        const limits: number[] = [];
        const realReadAll = store.readAll.bind(store);
        const spy = jest.spyOn(store, 'readAll').mockImplementation(async (options) => {
          limits.push(options?.limit ?? -1);
          return realReadAll(options);
        });
        const delivered: number[] = [];
        const subscription = store.subscribeBatches(
          from,
          (events) => {
            delivered.push(...events.map((e) => (e.data as { i: number }).i));
          },
          { batchSize: 16, firstBatchSize: 3 },
        );
        await waitUntil(() => subscription.live, 10_000, 'catching up');
        await subscription.stop();
        spy.mockRestore();
        // 3 + 6 + 12 + 16 + 16 = 53 events in full reads; the sixth read returns the last 7.
        expect(limits.slice(0, 6)).toEqual([3, 6, 12, 16, 16, 16]);
        expect(delivered).toEqual(Array.from({ length: 60 }, (_, i) => i));
        expect(() => store.subscribe(0, () => undefined, { firstBatchSize: 0 })).toThrow(
          RangeError,
        );
      });

      it('ends with the handler error, keeping its position at the failed event', async () => {
        const stream = newStream();
        await store.append(stream, [event('Ok'), event('Boom'), event('Never')], 'no_stream');
        const events = await store.readStream(stream);
        const subscription = store.subscribe(0, (e) => {
          if (e.type === 'Boom') throw new Error('handler failed');
        });
        await expect(subscription.done).rejects.toThrow('handler failed');
        expect(subscription.position).toBe(events[1].globalPosition);
      });

      it('delivers every committed event exactly once and in order, never a rolled-back one, past a long transaction', async () => {
        const writers = 32;
        const appendsEach = 12;
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeBatches(0, (batch) => {
          received.push(...batch);
        });

        const committed = new Set<string>();
        const rolledBack = new Set<string>();
        // One append stays open for seconds while the others commit around it.
        const heldId = newEventId();
        const held = await harness.beginAppend(
          newStream('contract_held'),
          [event('Held', {}, { eventId: heldId })],
          'no_stream',
        );

        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const streams = [newStream('contract_gap'), newStream('contract_gap')];
            const versions = [0, 0];
            for (let i = 0; i < appendsEach; i++) {
              const s = i % 2;
              const batch = Array.from({ length: 1 + (i % 3) }, () =>
                event('Gap', { w, i }, { eventId: newEventId() }),
              );
              if (i % 5 === 4) {
                const open = await harness.beginAppend(streams[s], batch, versions[s]);
                await sleep(1 + (w % 4));
                await open.rollback();
                batch.forEach((e) => rolledBack.add(e.eventId!));
              } else {
                await store.append(streams[s], batch, versions[s]);
                versions[s] += batch.length;
                batch.forEach((e) => committed.add(e.eventId!));
              }
            }
          }),
        );

        // Everything else committed after the held append took its position, so a subscriber in
        // global order must deliver none of it until the held append commits.
        await sleep(2500);
        expect(received).toEqual([]);
        await held.commit();
        committed.add(heldId);

        await waitUntil(() => received.length >= committed.size, 15_000, 'every committed event');
        await sleep(200);
        await subscription.stop();

        const ids = received.map((e) => e.eventId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(committed);
        expect(ids.some((id) => rolledBack.has(id))).toBe(false);
        const positions = received.map((e) => e.globalPosition);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(received[0].eventId).toBe(heldId);
        expect(received.map((e) => e.eventId)).toEqual(
          (await allEvents(store)).map((e) => e.eventId),
        );
      });
    });

    describe('upcasting', () => {
      const reportedV1toV2: Upcaster = {
        type: 'NotificationReported',
        fromSchemaVersion: 1,
        upcast: (data) => ({
          schemaVersion: 2,
          data: { possibleVictims: { total: data.victims as number, minors: 0 } },
        }),
      };
      const reportedV2toV3: Upcaster = {
        type: 'NotificationReported',
        fromSchemaVersion: 2,
        upcast: (data) => ({ schemaVersion: 3, data: { ...data, channel: 'unknown' } }),
      };

      it('reads a stream that mixes old and new shapes in the newest shape, and never rewrites stored events', async () => {
        const stream = newStream();
        await store.append(
          stream,
          [event('NotificationReported', { victims: 2 }, { schemaVersion: 1 })],
          'no_stream',
        );
        await store.append(
          stream,
          [
            event(
              'NotificationReported',
              { possibleVictims: { total: 5, minors: 1 } },
              { schemaVersion: 2 },
            ),
          ],
          1,
        );
        await store.append(
          stream,
          [
            event(
              'NotificationReported',
              { possibleVictims: { total: 1, minors: 1 }, channel: 'hotline' },
              { schemaVersion: 3 },
            ),
          ],
          2,
        );
        await store.append(stream, [event('Unrelated', { x: 1 })], 3);

        const upcasting = harness.storeWith({ upcasters: [reportedV2toV3, reportedV1toV2] });
        const read = await upcasting.readStream(stream);
        expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
          [3, { possibleVictims: { total: 2, minors: 0 }, channel: 'unknown' }],
          [3, { possibleVictims: { total: 5, minors: 1 }, channel: 'unknown' }],
          [3, { possibleVictims: { total: 1, minors: 1 }, channel: 'hotline' }],
          [1, { x: 1 }],
        ]);
        expect((await upcasting.readAll()).map((e) => e.schemaVersion)).toEqual([3, 3, 3, 1]);

        const stored = await store.readStream(stream);
        expect(stored.map((e) => e.schemaVersion)).toEqual([1, 2, 3, 1]);
        expect(stored[0].data).toEqual({ victims: 2 });
        expect((await upcasting.verifyStream(stream)).ok).toBe(true);
      });
    });

    describe('tamper evidence', () => {
      async function streamOf(count: number) {
        const stream = newStream();
        await store.append(
          stream,
          Array.from({ length: count }, (_, i) => event('Step', { i })),
          'no_stream',
        );
        return { stream, events: await store.readStream(stream) };
      }

      it('verifies an untouched stream', async () => {
        const { stream } = await streamOf(5);
        expect(await store.verifyStream(stream)).toEqual({
          streamId: stream,
          ok: true,
          eventsChecked: 5,
        });
      });

      it('names the first broken link when an event is edited in the database', async () => {
        const { stream, events } = await streamOf(5);
        await harness.tamper.replaceData(events[2].globalPosition, { i: 99 });
        const result = await store.verifyStream(stream);
        expect(result.ok).toBe(false);
        expect(result.eventsChecked).toBe(2);
        expect(result.firstBrokenLink).toMatchObject({
          streamVersion: 3,
          globalPosition: events[2].globalPosition,
          eventId: events[2].eventId,
          reason: 'hash_mismatch',
        });
      });

      it('catches edited metadata too', async () => {
        const { stream, events } = await streamOf(3);
        await harness.tamper.replaceMetadata(events[0].globalPosition, {
          ...events[0].metadata,
          actorId: 'someone-else',
        });
        expect((await store.verifyStream(stream)).firstBrokenLink).toMatchObject({
          streamVersion: 1,
          reason: 'hash_mismatch',
        });
      });

      it('names the first broken link when an event is deleted in the database', async () => {
        const { stream, events } = await streamOf(5);
        await harness.tamper.deleteEvent(events[1].globalPosition);
        const result = await store.verifyStream(stream);
        expect(result.ok).toBe(false);
        expect(result.firstBrokenLink).toMatchObject({ streamVersion: 2, reason: 'version_gap' });
      });
    });

    describe('bad input is refused and writes nothing', () => {
      const cases: Array<[string, () => [string, unknown, unknown]]> = [
        ['an empty stream id', () => ['', [event('A')], 'any']],
        ['a stream id without a category', () => ['justanid', [event('A')], 'any']],
        ['a stream id with an upper-case category', () => ['Case-1', [event('A')], 'any']],
        ['a stream id with an empty id', () => ['case-', [event('A')], 'any']],
        ['a stream id with spaces', () => ['case-one two', [event('A')], 'any']],
        ['a stream id that is not a string', () => [42 as unknown as string, [event('A')], 'any']],
        ['no events', () => ['case-1', [], 'any']],
        ['an empty type', () => ['case-1', [event('')], 'any']],
        ['a blank type', () => ['case-1', [event('   ')], 'any']],
        ['undefined in data', () => ['case-1', [event('A', { a: undefined })], 'any']],
        ['a function in data', () => ['case-1', [event('A', { a: () => 1 })], 'any']],
        ['NaN in data', () => ['case-1', [event('A', { a: Number.NaN })], 'any']],
        [
          'Infinity in data',
          () => ['case-1', [event('A', { a: Number.POSITIVE_INFINITY })], 'any'],
        ],
        ['a bigint in data', () => ['case-1', [event('A', { a: BigInt(1) })], 'any']],
        ['a Date object in data', () => ['case-1', [event('A', { a: new Date() })], 'any']],
        ['a Map in data', () => ['case-1', [event('A', { a: new Map() })], 'any']],
        [
          'a cycle in data',
          () => {
            const cyclic: Record<string, unknown> = {};
            cyclic.self = cyclic;
            return ['case-1', [event('A', cyclic)], 'any'];
          },
        ],
        ['a NUL character in data', () => ['case-1', [event('A', { a: 'x\u0000y' })], 'any']],
        ['a lone surrogate in data', () => ['case-1', [event('A', { a: '\ud800' })], 'any']],
        [
          'a NUL character in a key of data',
          () => ['case-1', [event('A', { 'a\u0000': 1 })], 'any'],
        ],
        [
          'a lone surrogate in a key of data',
          () => ['case-1', [event('A', { '\udc00': 1 })], 'any'],
        ],
        [
          'a NUL character in metadata',
          () => [
            'case-1',
            [{ ...event('A'), metadata: { ...metadata(), role: 'a\u0000b' } }],
            'any',
          ],
        ],
        [
          'a lone surrogate in metadata',
          () => [
            'case-1',
            [{ ...event('A'), metadata: { ...metadata(), correlationId: 'x\ud800' } }],
            'any',
          ],
        ],
        [
          'data nested more than 200 levels deep',
          () => {
            let deep: Record<string, unknown> = { leaf: true };
            for (let i = 0; i < 200; i++) deep = { deeper: deep };
            return ['case-1', [event('A', deep)], 'any'];
          },
        ],
        // eslint-disable-next-line no-sparse-arrays -- the hole is the bad input under test
        ['an array hole in data', () => ['case-1', [event('A', { a: [1, , 3] })], 'any']],
        ['data that is an array', () => ['case-1', [{ ...event('A'), data: [1, 2] }], 'any']],
        ['data that is null', () => ['case-1', [{ ...event('A'), data: null }], 'any']],
        [
          'metadata without an actor',
          () => ['case-1', [{ ...event('A'), metadata: { ...metadata(), actorId: '' } }], 'any'],
        ],
        [
          'metadata with a bad occurred-at',
          () => [
            'case-1',
            [{ ...event('A'), metadata: { ...metadata(), occurredAt: 'yesterday' } }],
            'any',
          ],
        ],
        [
          'an event id that is not a UUID',
          () => ['case-1', [event('A', {}, { eventId: 'not-a-uuid' })], 'any'],
        ],
        [
          'an event over 1 MiB',
          () => ['case-1', [event('A', { blob: 'x'.repeat(1024 * 1024) })], 'any'],
        ],
        ['a negative expected version', () => ['case-1', [event('A')], -1]],
        ['a fractional expected version', () => ['case-1', [event('A')], 1.5]],
        ['an expected version that is a numeric string', () => ['case-1', [event('A')], '3']],
        ['an unknown expected version', () => ['case-1', [event('A')], 'latest']],
      ];

      it.each(cases)('refuses %s', async (_name, build) => {
        const [stream, events, expected] = build();
        // A valid event first: the whole append must be refused, not just the bad event.
        const withValidFirst =
          Array.isArray(events) && events.length > 0 ? [event('Valid'), ...events] : events;
        const error = await store
          .append(stream, withValidFirst as NewEvent[], expected as ExpectedVersion)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect((error as Error).message).toMatch(/^Invalid append: /);
        expect(await allEvents(store)).toEqual([]);
      });

      it('applies a configurable event size limit', async () => {
        const small = harness.storeWith({ maxEventBytes: 2048 });
        await expect(
          small.append('case-1', [event('A', { blob: 'x'.repeat(4096) })], 'any'),
        ).rejects.toThrow(/the most an event may hold is 2048 bytes/);
        await expect(
          small.append('case-1', [event('A', { blob: 'x'.repeat(512) })], 'any'),
        ).resolves.toMatchObject({ nextExpectedVersion: 1 });
        await expect(
          store.append('case-2', [event('A', { blob: 'x'.repeat(900 * 1024) })], 'any'),
        ).resolves.toMatchObject({ nextExpectedVersion: 1 });
      });

      it('keeps text that looks like SQL or script, or is not ASCII, verbatim, alone and in a batch', async () => {
        const stream = newStream();
        const hostile = {
          note: "'); DROP TABLE event_store.events; --",
          html: '<script>alert(1)</script>',
          unicode: 'ສະບາຍດີ สวัสดี 🙂',
          quotes: 'a "quoted" \\ back\\slash, {braces}, [brackets] and a comma',
          // Written as \u escapes by JSON.stringify, or looking like one: still valid text.
          escapes: 'bell \u0007, unit separator \u001f, and \\u0000 as six characters',
          pair: '\ud83d\ude42',
        };
        await store.append(stream, [event('A', hostile)], 'no_stream');
        await store.append(
          stream,
          [event('B', { unicode: 'မင်္ဂလာပါ' }), event('C', hostile), event('NULL', { n: 1 })],
          1,
        );
        const stored = await store.readStream(stream);
        // A type spelled like SQL's NULL is a name, in a batch as alone.
        expect(stored.map((e) => e.type)).toEqual(['A', 'B', 'C', 'NULL']);
        expect(stored.map((e) => e.data)).toEqual([
          hostile,
          { unicode: 'မင်္ဂလာပါ' },
          hostile,
          { n: 1 },
        ]);
        expect((await store.verifyStream(stream)).ok).toBe(true);
      });
    });
  });
}
