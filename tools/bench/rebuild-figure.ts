/**
 * Figure 4 of `npm run bench:audit`: protection's read models rebuilt blue/green
 * (`rebuildProjection`, what `npm run projections:rebuild -- --service protection` runs: shadow
 * tables, own checkpoint, swap under the live checkpoint's lock) beside the projection runner's
 * plain catch-up from zero into the live tables (what a fresh service start does). Both run every
 * one of PROTECTION_PROJECTIONS, one after the other, over the same log; rounds alternate.
 *
 * The log is the report benchmark's data set (report/report-data.ts: every programme's events
 * in the alliance's proportions, appended as the services append them), so protection's
 * projections read their own streams among everyone else's, as they do in production.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type Upcaster } from '@haven/platform/event-store';
import { ProjectionRunner, rebuildProjection } from '@haven/platform/projections';
import { PROTECTION_UPCASTERS } from '@haven/protection/contracts';
import { PROTECTION_ENTITIES, PROTECTION_PROJECTIONS } from '@haven/protection/read-models';
import { migrate } from '../../apps/gateway/src/testing/system';
import { tablesOf } from './report/catch-up';
import { EVENTS_PER_UNIT, load } from './report/report-data';

const BATCH = 1000;

export interface RebuildFigure {
  /** Events appended for the figure (the whole log is read). */
  events: number;
  rebuild: number;
  baseline: number;
  rounds: Array<{ side: string; eventsPerSecond: number }>;
  /** Seconds per projection in the last rebuild round. */
  perProjection: Array<{ name: string; seconds: number }>;
  /** Rows in protection's read models after the last round, by table. */
  rows: Record<string, number>;
}

export async function rebuildFigure(
  url: string,
  admin: Pool,
  events: number,
  progress: (line: string) => void,
): Promise<RebuildFigure> {
  progress('rebuild: migrating protection');
  await migrate(url);
  const store = new PostgresEventStore({
    connectionString: url,
    poolSize: 16,
    upcasters: PROTECTION_UPCASTERS as readonly Upcaster[],
  });
  const units = Math.max(1, Math.round(events / EVENTS_PER_UNIT));
  progress(`rebuild: appending the report data set, ${units} units (~${events} events)`);
  const appended = await load(store, units, 16, (line) => progress(`rebuild: ${line}`));
  await admin.query('ANALYZE event_store.events');
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: PROTECTION_ENTITIES,
    logging: false,
  });
  await dataSource.initialize();

  let round = 0;
  const baseline = async () => {
    const suffix = `#bench-plain-${round++}`;
    const started = performance.now();
    for (const projection of PROTECTION_PROJECTIONS) {
      await admin.query(`TRUNCATE ${tablesOf(dataSource, projection).join(', ')}`);
      const runner = new ProjectionRunner(
        store,
        dataSource,
        { ...projection, name: `${projection.name}${suffix}` },
        { batchSize: BATCH },
      );
      const head = await store.headPosition();
      await runner.start();
      await runner.waitFor(head, 3_600_000);
      await runner.stop();
    }
    return (performance.now() - started) / 1000;
  };
  // Seconds per projection of the latest rebuild, for the figure's notes.
  let perProjection: RebuildFigure['perProjection'] = [];
  const rebuild = async () => {
    const started = performance.now();
    perProjection = [];
    for (const projection of PROTECTION_PROJECTIONS) {
      const t0 = performance.now();
      // No service runs beside the benchmark: the swap need not wait for one to catch up.
      await rebuildProjection({
        store,
        url,
        entities: PROTECTION_ENTITIES,
        projection,
        batchSize: BATCH,
        swapWaitMs: 0,
      });
      perProjection.push({ name: projection.name, seconds: (performance.now() - t0) / 1000 });
    }
    return (performance.now() - started) / 1000;
  };
  try {
    const rounds: RebuildFigure['rounds'] = [];
    const sums = { rebuild: 0, baseline: 0 };
    for (let r = 0; r < 2; r++) {
      for (const side of r % 2
        ? (['rebuild', 'baseline'] as const)
        : (['baseline', 'rebuild'] as const)) {
        const seconds = side === 'rebuild' ? await rebuild() : await baseline();
        const eventsPerSecond = appended / seconds;
        sums[side] += eventsPerSecond / 2;
        rounds.push({ side, eventsPerSecond: Math.round(eventsPerSecond) });
        progress(
          `rebuild: round ${r + 1}/2 ${side.padEnd(8)} ${Math.round(eventsPerSecond)} events/s`,
        );
      }
    }
    // The last round's tables must hold the whole read model: as many cases, victims' rows and
    // timeline entries as the data set has.
    const rows: Record<string, number> = {};
    for (const projection of PROTECTION_PROJECTIONS) {
      for (const table of tablesOf(dataSource, projection)) {
        const { rows: counted } = await admin.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${table}`,
        );
        rows[table] = Number(counted[0].n);
      }
    }
    const { rows: cases } = await admin.query<{ n: string }>(
      `SELECT count(DISTINCT stream_id) AS n FROM event_store.events WHERE stream_category = 'protectioncase'`,
    );
    if (rows['protection.protection_cases'] !== Number(cases[0].n))
      throw new Error('the rebuilt read model is not complete');
    return {
      events: appended,
      rebuild: sums.rebuild,
      baseline: sums.baseline,
      rounds,
      perProjection,
      rows,
    };
  } finally {
    await dataSource.destroy();
    await store.close();
  }
}
