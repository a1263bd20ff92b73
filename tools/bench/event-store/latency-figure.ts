// Figure 4: append-to-subscriber latency at a steady 1,000 events/s.
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import { baselineValues, type RowShape } from './baseline-table';
import { makeEvent, StreamCursor } from './events';
import { checkpoint, percentile } from './measuring';
import { int, progress, type Figure } from './output';
import { DATABASE_URL, ms, SINGLE_STREAM_LENGTH } from './settings';

const LATENCY_RATE = 1000;
const LATENCY_LANES = 16;
const LATENCY_POOL = 16;

interface LatencyResult {
  sent: number;
  received: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** How late the timer got events out (scheduled → append called), p99. */
  sendLagP99: number;
  /** Send → the writer has the append's acknowledgement (commit included). */
  appendMs: { p50: number; p99: number };
  /** Acknowledgement → subscriber has it (negative: delivered before the writer heard back). */
  ackToDeliveryMs: { p50: number; p99: number };
  /** Global positions (store) of the first events never delivered, if any. */
  missingPositions: number[];
}

/**
 * Schedules `rate` events/s on a timer for `durationMs`; `LATENCY_LANES` lanes take them in turn,
 * each lane appending to its own stream. Each event carries its send time (performance.now() at
 * the moment the append is called); `deliveries` resolves receive - send per probe.
 */
async function steadyLoad(
  phase: string,
  durationMs: number,
  send: (lane: number, event: NewEvent) => Promise<number | void>,
  received: Map<number, number>,
): Promise<LatencyResult> {
  const positions = new Map<number, number>();
  /** When the append (commit) was acknowledged to the writer. */
  const ackedAt = new Map<number, number>();
  const total = Math.round((durationMs / 1000) * LATENCY_RATE);
  const queue: number[] = [];
  const sentAt = new Map<number, number>();
  const lags: number[] = [];
  const probeBase = Math.floor(Math.random() * 1e9);
  let scheduled = 0;
  let idle: Array<() => void> = [];
  const start = performance.now();
  const lane = async (l: number) => {
    for (;;) {
      const item = queue.shift();
      if (item === undefined) {
        if (scheduled >= total) return;
        await new Promise<void>((resolve) => idle.push(resolve));
        continue;
      }
      const now = performance.now();
      lags.push(now - (start + (item * 1000) / LATENCY_RATE));
      const probe = probeBase + item;
      sentAt.set(probe, now);
      const position = await send(l, makeEvent(item, { probe: { id: probe, phase, sentAt: now } }));
      if (typeof position === 'number') positions.set(probe, position);
      ackedAt.set(probe, performance.now());
    }
  };
  const lanes = Array.from({ length: LATENCY_LANES }, (_, l) => lane(l));
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * LATENCY_RATE) / 1000));
      while (scheduled < due) queue.push(scheduled++);
      const waiting = idle;
      idle = [];
      for (const wake of waiting) wake();
      if (scheduled >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  await Promise.all(lanes);
  // Let the last deliveries arrive.
  const drainUntil = performance.now() + 5000;
  const arrived = () => [...sentAt.keys()].filter((p) => received.has(p)).length;
  while (arrived() < total && performance.now() < drainUntil)
    await new Promise((r) => setTimeout(r, 20));
  const latencies = [...sentAt.entries()]
    .filter(([p]) => received.has(p))
    .map(([p, t]) => received.get(p)! - t)
    .sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  const delivered = [...sentAt.keys()].filter((p) => received.has(p));
  const split = (f: (p: number) => number) => {
    const values = delivered.map(f).sort((a, b) => a - b);
    return { p50: percentile(values, 50), p99: percentile(values, 99) };
  };
  return {
    sent: total,
    received: latencies.length,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    sendLagP99: percentile(lags, 99),
    appendMs: split((p) => ackedAt.get(p)! - sentAt.get(p)!),
    ackToDeliveryMs: split((p) => received.get(p)! - ackedAt.get(p)!),
    missingPositions: [...sentAt.keys()]
      .filter((p) => !received.has(p))
      .map((p) => positions.get(p) ?? -1)
      .sort((a, b) => a - b)
      .slice(0, 20),
  };
}

function probeOf(data: unknown): number | null {
  const probe = (data as { probe?: { id?: unknown } } | null)?.probe;
  return typeof probe?.id === 'number' ? probe.id : null;
}

export async function latencyFigure(admin: Pool, shape: RowShape): Promise<Figure[]> {
  const warmupMs = ms(1500);
  const measureMs = ms(10_000);
  // Store: writers in one store instance, the subscriber in another (as a projector would be).
  const writer = new PostgresEventStore({
    connectionString: DATABASE_URL!,
    poolSize: LATENCY_POOL,
  });
  const reader = new PostgresEventStore({ connectionString: DATABASE_URL!, poolSize: 2 });
  const storeReceived = new Map<number, number>();
  const cursors = Array.from(
    { length: LATENCY_LANES },
    (_, l) => new StreamCursor(`s4-l${l}`, SINGLE_STREAM_LENGTH),
  );
  let storeResult: LatencyResult;
  await checkpoint(admin);
  const subscription = reader.subscribe((await reader.headPosition()) + 1, (event) => {
    const probe = probeOf(event.data);
    if (probe !== null) storeReceived.set(probe, performance.now());
  });
  try {
    const sendStore = async (l: number, event: NewEvent) => {
      const c = cursors[l];
      const result = await writer.append(c.stream, [event], c.version);
      c.advance(1);
      return result.globalPositions[0];
    };
    progress(`4. latency: store, warming up at ${LATENCY_RATE} events/s`);
    await steadyLoad('warmup', warmupMs, sendStore, storeReceived);
    progress(`4. latency: store, ${measureMs / 1000} s at ${LATENCY_RATE} events/s`);
    storeResult = await steadyLoad('measure', measureMs, sendStore, storeReceived);
    progress(
      `4. latency: store p50 ${storeResult.p50.toFixed(1)} ms, p99 ${storeResult.p99.toFixed(1)} ms (${storeResult.received}/${storeResult.sent} received)`,
    );
    if (storeResult.missingPositions.length > 0) {
      const { rows } = await admin.query<{ n: string }>(
        'SELECT count(*) AS n FROM event_store.events WHERE global_position = ANY($1::bigint[])',
        [storeResult.missingPositions],
      );
      progress(
        `4. latency: WARNING: ${storeResult.sent - storeResult.received} events were never delivered to the subscriber ` +
          `(first positions ${storeResult.missingPositions.slice(0, 5).join(', ')}; ${rows[0].n} of ${storeResult.missingPositions.length} checked are in the table; ` +
          `the subscription is at position ${subscription.position}, the head at ${await reader.headPosition()})`,
      );
    }
  } finally {
    await subscription.stop();
    await writer.close();
    await reader.close();
  }

  // Baseline: INSERT + pg_notify (the row as payload) in one transaction, a LISTENing client.
  const pool = new Pool({ connectionString: DATABASE_URL!, max: LATENCY_POOL });
  const listener = new Client({ connectionString: DATABASE_URL! });
  const baseReceived = new Map<number, number>();
  const baseCursors = Array.from(
    { length: LATENCY_LANES },
    (_, l) => new StreamCursor(`b4-l${l}`, SINGLE_STREAM_LENGTH),
  );
  let baseResult: LatencyResult;
  await listener.connect();
  try {
    listener.on('notification', (message) => {
      const now = performance.now();
      const row = JSON.parse(message.payload ?? 'null') as { data?: unknown } | null;
      const probe = probeOf(row?.data);
      if (probe !== null) baseReceived.set(probe, now);
    });
    await listener.query('LISTEN bench_latency');
    const sendBase = async (l: number, event: NewEvent) => {
      const c = baseCursors[l];
      await pool.query({
        name: 'bench.insert_notify',
        text: shape.insertNotify,
        values: baselineValues(event, c.stream, c.version + 1),
      });
      c.advance(1);
    };
    progress(`4. latency: baseline, warming up`);
    await steadyLoad('warmup', warmupMs, sendBase, baseReceived);
    progress(`4. latency: baseline, ${measureMs / 1000} s at ${LATENCY_RATE} events/s`);
    baseResult = await steadyLoad('measure', measureMs, sendBase, baseReceived);
    progress(
      `4. latency: baseline p50 ${baseResult.p50.toFixed(1)} ms, p99 ${baseResult.p99.toFixed(1)} ms (${baseResult.received}/${baseResult.sent} received)`,
    );
  } finally {
    await listener.end().catch(() => undefined);
    await pool.end();
  }

  const details = {
    rate: LATENCY_RATE,
    seconds: measureMs / 1000,
    lanes: LATENCY_LANES,
    writerPoolSize: LATENCY_POOL,
    subscriber: 'store.subscribe() on a second PostgresEventStore (default batch size and polling)',
    baseline: 'INSERT + pg_notify(row_to_json) in one statement/transaction; a LISTENing pg.Client',
    store: storeResult,
    baselineResult: baseResult,
  };
  const lost = storeResult.sent - storeResult.received;
  return [
    {
      id: '4a',
      figure: `append → subscriber latency p50 at ${int(LATENCY_RATE)} events/s`,
      unit: 'ms',
      value: storeResult.p50,
      baseline: baseResult.p50,
      ratio: storeResult.p50 / baseResult.p50,
      target: '—',
      pass: null,
      details,
    },
    {
      id: '4b',
      figure: `append → subscriber latency p99 at ${int(LATENCY_RATE)} events/s`,
      unit: 'ms',
      value: storeResult.p99,
      baseline: baseResult.p99,
      ratio: storeResult.p99 / baseResult.p99,
      target: '≤ 50 ms',
      pass: storeResult.p99 <= 50 && lost === 0,
      details: { ...details, lost },
      notes:
        lost > 0
          ? [
              `4: the store's subscriber never received ${lost} of ${storeResult.sent} events (positions ${storeResult.missingPositions.slice(0, 5).join(', ')}, ...): events were skipped, not just late.`,
            ]
          : [],
    },
  ];
}
