// The contract's reads: a stream between versions and as it was at a position or a time, and the
// whole log in global order, from a position, with a limit and by category.
import type { EventStore } from '../../event-store';
import { event, sleep } from './fixtures';
import type { ContractContext } from './harness';

export function describeReadContract(contract: ContractContext): void {
  const { newStream } = contract;
  describe('reads', () => {
    let store: EventStore;
    beforeEach(() => {
      store = contract.harness().store;
    });

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
      expect((await store.readAll({ categories: ['contract_alpha'] })).map((e) => e.type)).toEqual([
        'A1',
        'A2',
      ]);
    });
  });
}
