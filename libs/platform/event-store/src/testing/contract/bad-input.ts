// The contract's refusals: bad stream ids, events, data, metadata and expected versions refuse the
// whole append and write nothing; the event size limit; hostile text kept verbatim.
import { InvalidAppendError } from '../../errors';
import type { EventStore, ExpectedVersion, NewEvent } from '../../event-store';
import { allEvents, event, metadata } from './fixtures';
import type { ContractContext, EventStoreHarness } from './harness';

export function describeBadInputContract(contract: ContractContext): void {
  const { newStream } = contract;
  describe('bad input is refused and writes nothing', () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    beforeEach(() => {
      harness = contract.harness();
      store = harness.store;
    });

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
      ['Infinity in data', () => ['case-1', [event('A', { a: Number.POSITIVE_INFINITY })], 'any']],
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
      ['a NUL character in a key of data', () => ['case-1', [event('A', { 'a\u0000': 1 })], 'any']],
      ['a lone surrogate in a key of data', () => ['case-1', [event('A', { '\udc00': 1 })], 'any']],
      [
        'a NUL character in metadata',
        () => ['case-1', [{ ...event('A'), metadata: { ...metadata(), role: 'a\u0000b' } }], 'any'],
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
}
