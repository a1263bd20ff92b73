/**
 * Event store benchmark: every figure measured beside a plain-`pg` baseline on the same
 * PostgreSQL, in the same run, so that the ratio means something on a noisy machine.
 *
 * Run it through `npm run bench:event-store` (tools/bench/run.mjs starts the server, makes a fresh
 * database and passes its URL in HAVEN_BENCH_DATABASE_URL).
 *
 * Throughput figures alternate store and baseline in rounds (A B B A ...) after a warm-up of each,
 * and add up events and time over the rounds, so that a burst of noise hits both sides alike.
 * Both tables start with the same seeded history and are ANALYZEd before each figure (steady
 * state: see `checkpoint` in event-store/measuring.ts).
 *
 * Figures: 1a/1b single-event appends (1 and 16 writers), 2 100-event batches (4 writers),
 * 3 readAll, 4a/4b append → subscriber latency at 1,000 events/s, 5 projection catch-up.
 * Environment: HAVEN_BENCH_ONLY=1b,3 runs only those figures; HAVEN_BENCH_SCALE=0.3 shortens
 * every window (a smoke run, not for comparing figures).
 *
 * The parts, in event-store/: settings.ts (the environment and the workload's shape), events.ts
 * (the events and streams written), baseline-table.ts (the plain-`pg` side), measuring.ts
 * (rounds, percentiles, the state before each figure), one module per figure (figure 5 is
 * ../projection-figure.ts, shared with the report benchmark), output.ts, run-info.ts and
 * results.ts (what is printed and saved).
 */
import { Pool } from 'pg';
import { migrateEventStore } from '@haven/platform/event-store';
import { projectionFigure } from './projection-figure';
import { batchAppends, singleAppends } from './event-store/append-figures';
import { createBaselineTable, seed } from './event-store/baseline-table';
import { makeEvent, samplePayload } from './event-store/events';
import { latencyFigure } from './event-store/latency-figure';
import { int, progress, type Figure } from './event-store/output';
import { readAllFigure } from './event-store/read-all-figure';
import { reportResults } from './event-store/results';
import { machineInfo } from './event-store/run-info';
import { DATABASE_URL, SCALE, SEED_EVENTS, selected } from './event-store/settings';

async function main(): Promise<void> {
  if (!DATABASE_URL) {
    throw new Error(
      'HAVEN_BENCH_DATABASE_URL is not set: run this through `npm run bench:event-store`.',
    );
  }
  const startedAt = new Date();
  const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
  admin.on('error', () => undefined);
  const figures: Figure[] = [];
  try {
    progress('migrating the event store and creating the baseline table');
    await migrateEventStore(DATABASE_URL);
    const shape = await createBaselineTable(admin);
    progress(`seeding both tables with ${int(SEED_EVENTS)} events of history`);
    await seed(admin, shape, SEED_EVENTS);
    const machine = await machineInfo(admin);
    progress(
      `PostgreSQL: ${machine.postgres.version.split(' on ')[0]}, fsync=${machine.postgres.fsync}; ${machine.cpus} CPUs; Node ${machine.node}`,
    );
    const payload = samplePayload();
    progress(
      `event payload: ${payload.dataBytes} bytes of data, ${payload.metadataBytes} bytes of metadata`,
    );

    if (selected('1a')) figures.push(await singleAppends(admin, shape, 1));
    if (selected('1b')) figures.push(await singleAppends(admin, shape, 16));
    if (selected('2')) figures.push(await batchAppends(admin, shape));
    if (selected('3')) figures.push(await readAllFigure(admin));
    if (selected('4')) figures.push(...(await latencyFigure(admin, shape)));
    if (selected('5')) {
      const projection = await projectionFigure({
        url: DATABASE_URL,
        admin,
        progress,
        makeEvent,
        scale: SCALE,
      });
      if (projection) figures.push(projection);
    }

    reportResults({ startedAt, machine, payload, figures });
  } finally {
    await admin.end();
  }
}

process.once('SIGINT', () => {
  process.stderr.write('\n[bench] interrupted\n');
  process.exit(130);
});
process.once('SIGTERM', () => process.exit(143));

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
