// The contract's appends: every envelope field stored, expected versions and version conflicts,
// idempotent retries by event id and the retries refused, and racing writers ('any' and exact).
import { EventIdConflictError, WrongExpectedVersionError } from '../../errors';
import type { EventStore, ExpectedVersion, NewEvent } from '../../event-store';
import { newEventId } from '../../validation';
import { allEvents, event, metadata } from './fixtures';
import type { ContractContext, EventStoreHarness } from './harness';

export function describeAppendContract(contract: ContractContext): void {
  const { newStream } = contract;
  describe('append', () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    beforeEach(() => {
      harness = contract.harness();
      store = harness.store;
    });

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
}
