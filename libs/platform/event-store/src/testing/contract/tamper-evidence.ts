// The contract's tamper evidence: an untouched stream verifies, and an event edited or deleted in
// the database is named as the first broken link.
import type { EventStore } from '../../event-store';
import { event } from './fixtures';
import type { ContractContext, EventStoreHarness } from './harness';

export function describeTamperEvidenceContract(contract: ContractContext): void {
  const { newStream } = contract;
  describe('tamper evidence', () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    beforeEach(() => {
      harness = contract.harness();
      store = harness.store;
    });

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
}
