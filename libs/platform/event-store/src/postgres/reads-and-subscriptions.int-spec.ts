// PostgreSQL reads and subscriptions beyond the contract: categories read whatever their text,
// and several subscriptions on one store each given every event while writers append.
import { PostgresEventStore } from './postgres-event-store';
import { metadata, useEventStoreDatabase } from './testing/postgres-spec-support';

describe('PostgreSQL event store specifics', () => {
  const db = useEventStoreDatabase();

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
