// How the figures are measured: writers against a deadline, store and baseline in alternating
// rounds, nearest-rank percentiles, and the same starting state before each figure.
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { int, pct, progress } from './output';

export interface Sample {
  events: number;
  ms: number;
}
export type Runner = (durationMs: number) => Promise<Sample>;

/** `writers` loops doing `step` until the deadline; each step returns the events it wrote. */
export async function runWriters(
  writers: number,
  durationMs: number,
  step: (writer: number) => Promise<number>,
): Promise<Sample> {
  const start = performance.now();
  const deadline = start + durationMs;
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < deadline) {
        // Not `events += await step(w)`: that reads `events` before the await and loses updates.
        const written = await step(w);
        events += written;
      }
    }),
  );
  return { events, ms: performance.now() - start };
}

export interface PairResult {
  store: number;
  baseline: number;
  rounds: Array<{
    side: 'store' | 'baseline';
    eventsPerSecond: number;
    events: number;
    ms: number;
    /** CPU time of this Node process (user + system) per event: the client's share of the cost. */
    nodeCpuMicrosPerEvent: number;
  }>;
}

/** Warm-up of each side, then `rounds` × (store, baseline) in A B B A order. */
export async function measurePair(
  label: string,
  store: Runner,
  baseline: Runner,
  opts: { warmupMs: number; roundMs: number; rounds: number },
): Promise<PairResult> {
  progress(`${label}: warming up`);
  await store(opts.warmupMs);
  await baseline(opts.warmupMs);
  const totals = { store: { events: 0, ms: 0 }, baseline: { events: 0, ms: 0 } };
  const rounds: PairResult['rounds'] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const order: Array<'store' | 'baseline'> =
      r % 2 ? ['baseline', 'store'] : ['store', 'baseline'];
    for (const side of order) {
      const cpu = process.cpuUsage();
      const sample = await (side === 'store' ? store : baseline)(opts.roundMs);
      const used = process.cpuUsage(cpu);
      totals[side].events += sample.events;
      totals[side].ms += sample.ms;
      const eventsPerSecond = (sample.events / sample.ms) * 1000;
      const nodeCpuMicrosPerEvent =
        Math.round(((used.user + used.system) / sample.events) * 10) / 10;
      rounds.push({
        side,
        eventsPerSecond,
        events: sample.events,
        ms: Math.round(sample.ms),
        nodeCpuMicrosPerEvent,
      });
    }
    // Short rounds keep a burst of machine noise from landing on one side only; report every
    // fourth, with the totals so far.
    if ((r + 1) % 4 === 0 || r + 1 === opts.rounds) {
      const rate = (t: { events: number; ms: number }) => (t.events / t.ms) * 1000;
      const cpu = (side: 'store' | 'baseline') => {
        const mine = rounds.filter((x) => x.side === side);
        const events = mine.reduce((a, x) => a + x.events, 0);
        return (mine.reduce((a, x) => a + x.nodeCpuMicrosPerEvent * x.events, 0) / events).toFixed(
          1,
        );
      };
      progress(
        `${label}: rounds 1–${r + 1}/${opts.rounds}: store ${int(rate(totals.store))} events/s, ` +
          `baseline ${int(rate(totals.baseline))} events/s (${pct(rate(totals.store) / rate(totals.baseline))}; ` +
          `Node CPU ${cpu('store')} and ${cpu('baseline')} µs/event)`,
      );
    }
  }
  return {
    store: (totals.store.events / totals.store.ms) * 1000,
    baseline: (totals.baseline.events / totals.baseline.ms) * 1000,
    rounds,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Before each figure: fresh planner statistics (ANALYZE, as autovacuum would have done on a store
 * that has been running for a while; ANALYZE also replaces plans cached while the tables were
 * smaller) and no backlog of dirty pages from the figure before (CHECKPOINT, needs superuser).
 */
export async function checkpoint(pool: Pool): Promise<void> {
  await pool.query('ANALYZE event_store.events; ANALYZE bench.events_baseline');
  await pool.query('CHECKPOINT').catch(() => undefined);
}
