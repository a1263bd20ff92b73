// The contract's subscriptions: catching up then going live, back-pressure, a growing first batch,
// a failing handler, and every committed event exactly once and in order past a long transaction.
import { waitUntil } from '@haven/platform/testing';
import type { EventStore, RecordedEvent } from '../../event-store';
import { newEventId } from '../../validation';
import { allEvents, event, sleep } from './fixtures';
import type { ContractContext, EventStoreHarness } from './harness';

export function describeSubscriptionContract(contract: ContractContext): void {
  const { newStream } = contract;
  describe('subscriptions', () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    beforeEach(() => {
      harness = contract.harness();
      store = harness.store;
    });

    it('catches up, then goes live, from a checkpoint', async () => {
      const stream = newStream();
      await store.append(stream, [event('Old1'), event('Old2'), event('Old3')], 'no_stream');
      const [, second] = await store.readStream(stream);

      const received: string[] = [];
      const subscription = store.subscribe(second.globalPosition, (e) => {
        received.push(e.type);
      });
      await waitUntil(() => received.length === 2, 'catch-up', { timeoutMs: 5000 });
      await store.append(stream, [event('New1')], 3);
      await waitUntil(() => received.length === 3, 'the live event', { timeoutMs: 5000 });
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
      await waitUntil(() => handled === 60, 'the slow handler', { timeoutMs: 10_000 });
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
      await waitUntil(() => subscription.live, 'catching up', { timeoutMs: 10_000 });
      await subscription.stop();
      spy.mockRestore();
      // 3 + 6 + 12 + 16 + 16 = 53 events in full reads; the sixth read returns the last 7.
      expect(limits.slice(0, 6)).toEqual([3, 6, 12, 16, 16, 16]);
      expect(delivered).toEqual(Array.from({ length: 60 }, (_, i) => i));
      expect(() => store.subscribe(0, () => undefined, { firstBatchSize: 0 })).toThrow(RangeError);
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

      await waitUntil(() => received.length >= committed.size, 'every committed event', {
        timeoutMs: 15_000,
      });
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
}
