// The PostgreSQL event store's commit notifications: one append per interval carries the NOTIFY,
// one is sent when no append comes, and earlier commits are announced when the carrier fails.
import { Client } from 'pg';
import { WrongExpectedVersionError } from '../errors';
import { PostgresEventStore } from './postgres-event-store';
import { metadata, useEventStoreDatabase } from './testing/postgres-spec-support';

describe('PostgreSQL event store specifics', () => {
  const db = useEventStoreDatabase();

  it('lets one append per interval carry the notification, and sends one when no append comes', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: number[] = [];
    listener.on('notification', (n) => {
      if (n.channel === 'haven_event_store') heard.push(Date.now());
    });
    await listener.query('LISTEN haven_event_store');
    // An interval of 1 s, and so a grace period of 0.5 s after it.
    const store = new PostgresEventStore({ connectionString: db.url, notifyIntervalMs: 1000 });
    const event = (n: number) => ({ type: 'Step', data: { n }, metadata });
    const heardWithin = async (count: number, ms: number) => {
      for (const until = Date.now() + ms; heard.length < count && Date.now() < until;)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return heard.length;
    };
    const sleepUntil = (at: number) =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    try {
      const first = Date.now();
      await store.append('case-notify', [event(1)], 'no_stream');
      // Carried by the append's own commit: heard at once, with no NOTIFY of its own.
      expect(await heardWithin(1, 500)).toBe(1);
      expect(store.notificationStatistics()).toEqual({ carried: 1, sent: 0 });
      // Within the interval none carries it (the batch neither: only single events do).
      await store.append('case-notify', [event(2)], 1);
      await store.append('case-notify', [event(3), event(4)], 2);
      expect(await heardWithin(2, 300)).toBe(1);
      // After the interval, within the grace period: the next append carries it, for all three.
      await sleepUntil(first + 1100);
      await store.append('case-notify', [event(5)], 4);
      expect(await heardWithin(2, 300)).toBe(2);
      expect(store.notificationStatistics()).toEqual({ carried: 2, sent: 0 });
      // No append after this one: a NOTIFY of its own follows once interval and grace are over.
      const last = Date.now();
      await store.append('case-notify', [event(6)], 5);
      expect(await heardWithin(3, 3000)).toBe(3);
      expect(heard[2] - last).toBeGreaterThanOrEqual(1000);
      expect(store.notificationStatistics()).toEqual({ carried: 2, sent: 1 });
    } finally {
      await store.close();
      await listener.end();
    }
  });

  it('still announces earlier commits when the append that claimed the notification fails', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    let heard = 0;
    listener.on('notification', (n) => {
      if (n.channel === 'haven_event_store') heard++;
    });
    await listener.query('LISTEN haven_event_store');
    const store = new PostgresEventStore({ connectionString: db.url, notifyIntervalMs: 1000 });
    const event = (n: number) => ({ type: 'Step', data: { n }, metadata });
    try {
      const first = Date.now();
      await store.append('case-notify-lost', [event(1)], 'no_stream'); // carries one
      // A batch carries none: its commit waits for the next append or the NOTIFY after the grace.
      await store.append('case-notify-lost', [event(2), event(3)], 1);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, first + 1100 - Date.now())));
      // After the interval this append claims the notification, then fails on the unique index
      // (the stream exists) and commits nothing: the batch is still to be announced.
      await expect(
        store.append('case-notify-lost', [event(4)], 'no_stream'),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      for (const until = Date.now() + 3000; heard < 2 && Date.now() < until;)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(heard).toBe(2);
      expect(store.notificationStatistics()).toEqual({ carried: 2, sent: 1 });
    } finally {
      await store.close();
      await listener.end();
    }
  });
});
