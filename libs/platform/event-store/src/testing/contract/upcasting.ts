// The contract's upcasting: a stream mixing old and new shapes is read in the newest shape, and the
// stored events are never rewritten.
import type { EventStore } from '../../event-store';
import type { Upcaster } from '../../upcasting';
import { event } from './fixtures';
import type { ContractContext, EventStoreHarness } from './harness';

export function describeUpcastingContract(contract: ContractContext): void {
  const { newStream } = contract;
  describe('upcasting', () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    beforeEach(() => {
      harness = contract.harness();
      store = harness.store;
    });

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
}
