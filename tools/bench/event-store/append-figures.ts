// Figures 1 and 2: appends, single events (1 and 16 writers) and 100-event batches (4 writers).
import { Pool } from 'pg';
import { PostgresEventStore } from '@haven/platform/event-store';
import { baselineValues, type RowShape } from './baseline-table';
import { makeEvent, StreamCursor } from './events';
import { checkpoint, measurePair, runWriters } from './measuring';
import { int, progress, type Figure } from './output';
import { BATCH_SIZE, DATABASE_URL, ms, SINGLE_STREAM_LENGTH } from './settings';

/** Batch appends open a new stream every this many batches. */
const BATCH_STREAM_LENGTH = 10;
const BATCH_WRITERS = 4;

// ------------------------------------------------------------------------------------------------
// Figure 1: single-event appends with an exact expected version, 1 and 16 writers.

export async function singleAppends(
  admin: Pool,
  shape: RowShape,
  writers: number,
): Promise<Figure> {
  const store = new PostgresEventStore({ connectionString: DATABASE_URL!, poolSize: writers });
  const pool = new Pool({ connectionString: DATABASE_URL!, max: writers });
  const storeCursors = Array.from(
    { length: writers },
    (_, w) => new StreamCursor(`s1-${writers}-w${w}`, SINGLE_STREAM_LENGTH),
  );
  const baseCursors = Array.from(
    { length: writers },
    (_, w) => new StreamCursor(`b1-${writers}-w${w}`, SINGLE_STREAM_LENGTH),
  );
  let seq = 0;
  try {
    await checkpoint(admin);
    const result = await measurePair(
      `1. single appends, ${writers} writer${writers > 1 ? 's' : ''}`,
      (d) =>
        runWriters(writers, d, async (w) => {
          const c = storeCursors[w];
          await store.append(c.stream, [makeEvent(seq++)], c.version);
          c.advance(1);
          return 1;
        }),
      (d) =>
        runWriters(writers, d, async (w) => {
          const c = baseCursors[w];
          await pool.query({
            name: 'bench.insert_one',
            text: shape.insertOne,
            values: baselineValues(makeEvent(seq++), c.stream, c.version + 1),
          });
          c.advance(1);
          return 1;
        }),
      { warmupMs: ms(1000), roundMs: ms(250), rounds: 16 },
    );
    const ratio = result.store / result.baseline;
    // ADR 12: concurrent single-event appends share statements; say how much they did.
    const shared = store.appendStatistics();
    const perStatement = shared.appends / Math.max(1, shared.statements);
    progress(
      `1. single appends, ${writers} writer${writers > 1 ? 's' : ''}: ${int(shared.appends)} appends ` +
        `in ${int(shared.statements)} statements (${perStatement.toFixed(1)} per statement)`,
    );
    return {
      id: writers === 1 ? '1a' : '1b',
      figure: `single-event appends, exact expected version, ${writers} writer${writers > 1 ? 's' : ''}`,
      unit: 'events/s',
      value: result.store,
      baseline: result.baseline,
      ratio,
      target: '≥ 85% of baseline',
      pass: ratio >= 0.85,
      details: {
        writers,
        poolSize: writers,
        streamLength: SINGLE_STREAM_LENGTH,
        storeAppendsPerStatement: Math.round(perStatement * 100) / 100,
        baseline:
          'autocommit single-row INSERT into bench.events_baseline (LIKE event_store.events INCLUDING ALL)',
        rounds: result.rounds,
      },
    };
  } finally {
    await store.close();
    await pool.end();
  }
}

// ------------------------------------------------------------------------------------------------
// Figure 2: 100-event batches, 4 concurrent writers.

export async function batchAppends(admin: Pool, shape: RowShape): Promise<Figure> {
  const writers = BATCH_WRITERS;
  const store = new PostgresEventStore({ connectionString: DATABASE_URL!, poolSize: writers });
  const pool = new Pool({ connectionString: DATABASE_URL!, max: writers });
  const storeCursors = Array.from(
    { length: writers },
    (_, w) => new StreamCursor(`s2-w${w}`, BATCH_STREAM_LENGTH),
  );
  const baseCursors = Array.from(
    { length: writers },
    (_, w) => new StreamCursor(`b2-w${w}`, BATCH_STREAM_LENGTH),
  );
  let seq = 0;
  try {
    await checkpoint(admin);
    const result = await measurePair(
      `2. ${BATCH_SIZE}-event batches, ${writers} writers`,
      (d) =>
        runWriters(writers, d, async (w) => {
          const c = storeCursors[w];
          const events = Array.from({ length: BATCH_SIZE }, () => makeEvent(seq++));
          await store.append(c.stream, events, c.version);
          c.advance(BATCH_SIZE);
          return BATCH_SIZE;
        }),
      (d) =>
        runWriters(writers, d, async (w) => {
          const c = baseCursors[w];
          const values: unknown[] = [];
          for (let i = 0; i < BATCH_SIZE; i++)
            values.push(...baselineValues(makeEvent(seq++), c.stream, c.version + i + 1));
          await pool.query({ name: 'bench.insert_batch', text: shape.insertBatch, values });
          c.advance(BATCH_SIZE);
          return BATCH_SIZE;
        }),
      { warmupMs: ms(1000), roundMs: ms(300), rounds: 16 },
    );
    return {
      id: '2',
      figure: `appends in ${BATCH_SIZE}-event batches, ${writers} writers`,
      unit: 'events/s',
      value: result.store,
      baseline: result.baseline,
      ratio: result.store / result.baseline,
      target: '≥ 40,000/s',
      pass: result.store >= 40_000,
      details: {
        writers,
        poolSize: writers,
        batchSize: BATCH_SIZE,
        baseline: `one ${BATCH_SIZE}-row multi-row INSERT per transaction (autocommit) into bench.events_baseline`,
        rounds: result.rounds,
      },
    };
  } finally {
    await store.close();
    await pool.end();
  }
}
