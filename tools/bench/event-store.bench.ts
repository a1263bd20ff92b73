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
 * state: see `checkpoint`).
 *
 * Figures: 1a/1b single-event appends (1 and 16 writers), 2 100-event batches (4 writers),
 * 3 readAll, 4a/4b append → subscriber latency at 1,000 events/s, 5 projection catch-up.
 * Environment: HAVEN_BENCH_ONLY=1b,3 runs only those figures; HAVEN_BENCH_SCALE=0.3 shortens
 * every window (a smoke run, not for comparing figures).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import {
  migrateEventStore,
  newEventId,
  PostgresEventStore,
  type EventMetadata,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '@haven/platform/event-store';
import { projectionFigure } from './projection-figure';

const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL;
const REPO_ROOT = path.resolve(__dirname, '../..');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');
/** Scales every measuring window (e.g. HAVEN_BENCH_SCALE=0.3 for a quick smoke run). */
const SCALE = Number(process.env.HAVEN_BENCH_SCALE ?? 1) || 1;
/** Runs only these figures, e.g. HAVEN_BENCH_ONLY=1b,3 (for investigating one figure). */
const ONLY = process.env.HAVEN_BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const selected = (id: string) => !ONLY?.length || ONLY.some((o) => id === o || id.startsWith(o));
const ms = (n: number) => Math.max(200, Math.round(n * SCALE));

const STREAM_CATEGORY = 'protection_case';
/** Single-event appends open a new stream every this many events. */
const SINGLE_STREAM_LENGTH = 50;
/** Batch appends open a new stream every this many batches. */
const BATCH_STREAM_LENGTH = 10;
/** History in both tables before the first figure. */
const SEED_EVENTS = Math.round(50_000 * SCALE);
const BATCH_SIZE = 100;
const BATCH_WRITERS = 4;
const READ_PAGE = 1000;
const LATENCY_RATE = 1000;
const LATENCY_LANES = 16;
const LATENCY_POOL = 16;

const benchStarted = performance.now();
const runTag = Date.now().toString(36);

// ------------------------------------------------------------------------------------------------
// Output

export function progress(line: string): void {
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench +${seconds}s] ${line}\n`);
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (r: number) => `${(r * 100).toFixed(0)}%`;

export interface Figure {
  id: string;
  figure: string;
  unit: 'events/s' | 'ms';
  value: number;
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  target: string;
  /** null: informational, no target. */
  pass: boolean | null;
  details: Record<string, unknown>;
  /** Printed under the table (e.g. events a subscriber never received). */
  notes?: string[];
}

function formatValue(f: Figure, v: number | null): string {
  if (v === null) return '—';
  return f.unit === 'ms' ? `${v.toFixed(1)} ms` : `${int(v)}/s`;
}

function formatRatio(f: Figure): string {
  if (f.ratio === null) return '—';
  return f.unit === 'ms' ? `${f.ratio.toFixed(2)}×` : pct(f.ratio);
}

function printTable(figures: Figure[]): string {
  const rows = [
    ['#', 'figure', 'value', 'baseline', 'ratio', 'target', 'result'],
    ...figures.map((f) => [
      f.id,
      f.figure,
      formatValue(f, f.value),
      formatValue(f, f.baseline),
      formatRatio(f),
      f.target,
      f.pass === null ? 'info' : f.pass ? 'PASS' : 'MISS',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const right = new Set([2, 3, 4]);
  const line = (r: string[]) =>
    r
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ');
  const separator = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), separator, ...rows.slice(1).map(line)].join('\n');
}

// ------------------------------------------------------------------------------------------------
// Realistic events: ~400 bytes of data with nested objects, full metadata.

const ROLES = ['caseworker', 'supervisor', 'legal_advisor', 'intake_officer'];
const NOTES = [
  'Met the client at the shelter; she asked for help with her residence permit and a translator.',
  'Follow-up call: employer contacted the client twice this week, safety plan updated with police.',
  'Referred to partner organisation for medical check; transport arranged for Thursday morning.',
];
const organisations = Array.from({ length: 8 }, () => randomUUID());
const actors = Array.from({ length: 32 }, () => randomUUID());

export function makeEvent(seq: number, extra?: JsonObject): NewEvent {
  const data: JsonObject = {
    caseId: randomUUID(),
    sequence: seq,
    note: {
      text: NOTES[seq % NOTES.length],
      language: 'en',
      visibility: 'case_team',
      tags: ['follow-up', seq % 2 ? 'safety' : 'housing'],
    },
    client: { pseudonym: `C-${(seq * 7919) % 100000}`, ageBand: '25-34', nationality: 'RO' },
    location: { country: 'NL', region: 'Noord-Holland', site: 'shelter-12' },
    risk: { level: seq % 3 ? 'medium' : 'high', score: (seq % 100) / 100 },
    ...extra,
  };
  const metadata: EventMetadata = {
    actorId: actors[seq % actors.length],
    role: ROLES[seq % ROLES.length],
    organisationId: seq % 5 ? organisations[seq % organisations.length] : null,
    correlationId: randomUUID(),
    causationId: seq % 4 ? randomUUID() : null,
    occurredAt: new Date().toISOString(),
  };
  return { eventId: newEventId(), type: 'CaseNoteAdded', schemaVersion: 1, data, metadata };
}

/** A stream id per writer, moving to a fresh stream every `length` appends. */
class StreamCursor {
  private streamNo = 0;
  stream = '';
  version = 0;
  constructor(
    private readonly prefix: string,
    private readonly length: number,
  ) {
    this.nextStream();
  }
  private nextStream(): void {
    this.stream = `${STREAM_CATEGORY}-${runTag}-${this.prefix}-${this.streamNo++}`;
    this.version = 0;
  }
  advance(by: number): void {
    this.version += by;
    if (this.version >= this.length * by) this.nextStream();
  }
}

// ------------------------------------------------------------------------------------------------
// Baseline: the same row shape in a table LIKE event_store.events INCLUDING ALL (same columns,
// constraints and indexes, no trigger), written by plain INSERTs through pg.

/**
 * What each column of event_store.events gets in a baseline row and in a seed row. The column
 * list is read from the table at run time, so the baseline keeps the store's row shape when the
 * migration changes; a column not listed here stops the run instead of being silently skipped.
 */
const COLUMN_VALUES: Record<
  string,
  { baseline: (p: (i: number) => string) => string; seed: (sequence: string) => string }
> = {
  global_position: {
    baseline: () => `nextval('bench.baseline_position')`,
    seed: (sequence) => `nextval('${sequence}')`,
  },
  transaction_id: { baseline: () => 'pg_current_xact_id()', seed: () => 'pg_current_xact_id()' },
  event_id: { baseline: (p) => p(1), seed: () => 'gen_random_uuid()' },
  stream_id: { baseline: (p) => p(2), seed: () => `'${STREAM_CATEGORY}-seed-' || (g / 10)` },
  stream_category: { baseline: (p) => p(3), seed: () => `'${STREAM_CATEGORY}'` },
  stream_version: { baseline: (p) => p(4), seed: () => 'g % 10 + 1' },
  type: { baseline: (p) => p(5), seed: () => `'CaseNoteAdded'` },
  schema_version: { baseline: (p) => p(6), seed: () => '1' },
  data: {
    baseline: (p) => p(7),
    seed: () => `json_build_object(
      'caseId', gen_random_uuid(), 'sequence', g,
      'note', json_build_object('text', repeat(md5(g::text), 3), 'language', 'en',
                                 'visibility', 'case_team', 'tags', json_build_array('follow-up', 'housing')),
      'client', json_build_object('pseudonym', 'C-' || g, 'ageBand', '25-34', 'nationality', 'RO'),
      'location', json_build_object('country', 'NL', 'region', 'Noord-Holland', 'site', 'shelter-12'),
      'risk', json_build_object('level', 'medium', 'score', 0.42))`,
  },
  metadata: {
    baseline: (p) => p(8),
    seed: () => `json_build_object(
      'actorId', gen_random_uuid(), 'role', 'caseworker', 'organisationId', gen_random_uuid(),
      'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid(),
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
  },
  recorded_at: { baseline: () => 'now()', seed: () => 'now()' },
  hash: { baseline: (p) => p(9), seed: () => 'sha256(g::text::bytea)' },
  hash_version: { baseline: () => '2', seed: () => '2' },
};
const PARAMS_PER_ROW = 9;

function baselineValues(event: NewEvent, stream: string, version: number): unknown[] {
  const data = JSON.stringify(event.data);
  return [
    event.eventId,
    stream,
    STREAM_CATEGORY,
    version,
    event.type,
    event.schemaVersion ?? 1,
    data,
    JSON.stringify(event.metadata),
    createHash('sha256').update(data).digest(),
  ];
}

/** The baseline's statements, built from the events table's columns once it exists. */
class RowShape {
  readonly insertOne: string;
  readonly insertBatch: string;
  readonly insertNotify: string;

  constructor(readonly columns: string[]) {
    const unknown = columns.filter((c) => !(c in COLUMN_VALUES));
    if (unknown.length > 0) {
      throw new Error(
        `event_store.events has column(s) ${unknown.join(', ')} that tools/bench/event-store.bench.ts ` +
          'does not know how to fill: add them to COLUMN_VALUES.',
      );
    }
    const list = columns.join(', ');
    const row = (offset: number) =>
      `(${columns.map((c) => COLUMN_VALUES[c].baseline((i) => `$${offset + i}`)).join(', ')})`;
    this.insertOne = `INSERT INTO bench.events_baseline (${list}) VALUES ${row(0)}`;
    this.insertBatch = `INSERT INTO bench.events_baseline (${list}) VALUES ${Array.from(
      { length: BATCH_SIZE },
      (_, r) => row(r * PARAMS_PER_ROW),
    ).join(',\n')}`;
    this.insertNotify = `WITH ins AS (
        INSERT INTO bench.events_baseline (${list}) VALUES ${row(0)}
        RETURNING global_position, event_id, stream_id, stream_category, stream_version, type,
                  schema_version, data, metadata, recorded_at)
      SELECT pg_notify('bench_latency', row_to_json(ins)::text) FROM ins`;
  }

  seedSql(table: string, sequence: string): string {
    return `INSERT INTO ${table} (${this.columns.join(', ')})
      SELECT ${this.columns.map((c) => COLUMN_VALUES[c].seed(sequence)).join(',\n             ')}
        FROM generate_series(1, $1::int) AS g`;
  }

  static async of(admin: Pool): Promise<RowShape> {
    const { rows } = await admin.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'event_store' AND table_name = 'events' ORDER BY ordinal_position`,
    );
    return new RowShape(rows.map((r) => r.column_name));
  }
}

let shape: RowShape;

// ------------------------------------------------------------------------------------------------
// Measuring

interface Sample {
  events: number;
  ms: number;
}
type Runner = (durationMs: number) => Promise<Sample>;

/** `writers` loops doing `step` until the deadline; each step returns the events it wrote. */
async function runWriters(
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

interface PairResult {
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
async function measurePair(
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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Before each figure: fresh planner statistics (ANALYZE, as autovacuum would have done on a store
 * that has been running for a while; ANALYZE also replaces plans cached while the tables were
 * smaller) and no backlog of dirty pages from the figure before (CHECKPOINT, needs superuser).
 */
async function checkpoint(pool: Pool): Promise<void> {
  await pool.query('ANALYZE event_store.events; ANALYZE bench.events_baseline');
  await pool.query('CHECKPOINT').catch(() => undefined);
}

/**
 * Gives both tables the same history before anything is measured: SEED_EVENTS events of the same
 * shape (streams of 10), so that indexes have realistic depth and the planner real statistics.
 * Written with one INSERT ... SELECT each (not through the store: it is only history, and the
 * store's hash chain of these seed streams is not checked by anything here).
 */
async function seed(admin: Pool, events: number): Promise<void> {
  await admin.query(shape.seedSql('event_store.events', 'event_store.global_position'), [events]);
  await admin.query(shape.seedSql('bench.events_baseline', 'bench.baseline_position'), [events]);
}

// ------------------------------------------------------------------------------------------------
// Figure 1: single-event appends with an exact expected version, 1 and 16 writers.

async function singleAppends(admin: Pool, writers: number): Promise<Figure> {
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

async function batchAppends(admin: Pool): Promise<Figure> {
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

// ------------------------------------------------------------------------------------------------
// Figure 3: readAll through the whole log.

const READ_SQL = `SELECT global_position, event_id, stream_id, stream_category, stream_version, type,
  schema_version, data, metadata, recorded_at FROM event_store.events
  WHERE global_position >= $1 ORDER BY global_position LIMIT $2`;

async function readAllFigure(admin: Pool): Promise<Figure> {
  const store = new PostgresEventStore({ connectionString: DATABASE_URL!, poolSize: 1 });
  const pool = new Pool({ connectionString: DATABASE_URL!, max: 1 });
  const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
  const logSize = Number(rows[0].n);
  let touched = 0;
  const storePass = async (): Promise<Sample> => {
    const start = performance.now();
    let from = 0;
    let events = 0;
    for (;;) {
      const page: RecordedEvent[] = await store.readAll({ fromPosition: from, limit: READ_PAGE });
      if (page.length === 0) break;
      for (const e of page) touched += e.streamVersion;
      events += page.length;
      from = page[page.length - 1].globalPosition + 1;
    }
    return { events, ms: performance.now() - start };
  };
  const basePass = async (): Promise<Sample> => {
    const start = performance.now();
    let from = 0;
    let events = 0;
    for (;;) {
      const page = await pool.query<{ global_position: string; stream_version: string }>({
        name: 'bench.read_page',
        text: READ_SQL,
        values: [from, READ_PAGE],
      });
      if (page.rows.length === 0) break;
      for (const row of page.rows) touched += Number(row.stream_version);
      events += page.rows.length;
      from = Number(page.rows[page.rows.length - 1].global_position) + 1;
    }
    return { events, ms: performance.now() - start };
  };
  // Whole passes until the time is used up (at least one per round).
  const repeat = (pass: () => Promise<Sample>) => async (durationMs: number) => {
    const total = { events: 0, ms: 0 };
    do {
      const s = await pass();
      total.events += s.events;
      total.ms += s.ms;
    } while (total.ms < durationMs);
    return total;
  };
  try {
    await checkpoint(admin);
    progress(`3. readAll: the log holds ${int(logSize)} events, read in pages of ${READ_PAGE}`);
    const result = await measurePair('3. readAll', repeat(storePass), repeat(basePass), {
      warmupMs: 1,
      roundMs: ms(1500),
      rounds: 2,
    });
    return {
      id: '3',
      figure: `readAll, whole log in pages of ${READ_PAGE}, to a Node consumer`,
      unit: 'events/s',
      value: result.store,
      baseline: result.baseline,
      ratio: result.store / result.baseline,
      target: '≥ 100,000/s',
      pass: result.store >= 100_000,
      details: {
        logSize,
        page: READ_PAGE,
        baseline:
          'keyset SELECT ... WHERE global_position >= $1 ORDER BY global_position LIMIT 1000 through pg',
        rounds: result.rounds,
        checksum: touched,
      },
    };
  } finally {
    await store.close();
    await pool.end();
  }
}

// ------------------------------------------------------------------------------------------------
// Figure 4: append-to-subscriber latency at a steady 1,000 events/s.

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

async function latencyFigure(admin: Pool): Promise<Figure[]> {
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

// ------------------------------------------------------------------------------------------------

async function machineInfo(admin: Pool) {
  const setting = async (name: string) =>
    (await admin.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0].v;
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: {
      version: (await admin.query<{ v: string }>('SELECT version() AS v')).rows[0].v,
      server: process.env.HAVEN_BENCH_SERVER ?? 'unknown',
      fsync: await setting('fsync'),
      synchronous_commit: await setting('synchronous_commit'),
      wal_sync_method: await setting('wal_sync_method'),
      shared_buffers: await setting('shared_buffers'),
      max_connections: await setting('max_connections'),
    },
  };
}

/** Which code was measured: the commit, and the files under libs/platform changed since. */
function codeInfo() {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  // The store's SQL and adapter as they were when measured (the working tree may be uncommitted).
  const sources = createHash('sha256');
  const storeDir = path.join(REPO_ROOT, 'libs/platform/event-store/src');
  for (const file of readdirSync(storeDir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.ts') && !/spec\.ts$/.test(file)) {
      sources.update(file).update(readFileSync(path.join(storeDir, file)));
    }
  }
  const eventStoreSourceSha256 = sources.digest('hex').slice(0, 16);
  try {
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedUnderLibsPlatform: git('status', '--porcelain', '--', 'libs/platform')
        .split('\n')
        .filter(Boolean),
      eventStoreSourceSha256,
    };
  } catch {
    return {
      commit: 'unknown (not a git checkout)',
      uncommittedUnderLibsPlatform: [],
      eventStoreSourceSha256,
    };
  }
}

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
    await admin.query(`
      CREATE SCHEMA IF NOT EXISTS bench;
      CREATE TABLE bench.events_baseline (LIKE event_store.events INCLUDING ALL);
      CREATE SEQUENCE bench.baseline_position AS bigint CACHE 1;`);
    shape = await RowShape.of(admin);
    progress(`seeding both tables with ${int(SEED_EVENTS)} events of history`);
    await seed(admin, SEED_EVENTS);
    const machine = await machineInfo(admin);
    progress(
      `PostgreSQL: ${machine.postgres.version.split(' on ')[0]}, fsync=${machine.postgres.fsync}; ${machine.cpus} CPUs; Node ${machine.node}`,
    );
    const sample = makeEvent(1);
    const payload = {
      dataBytes: Buffer.byteLength(JSON.stringify(sample.data)),
      metadataBytes: Buffer.byteLength(JSON.stringify(sample.metadata)),
      example: sample,
    };
    progress(
      `event payload: ${payload.dataBytes} bytes of data, ${payload.metadataBytes} bytes of metadata`,
    );

    if (selected('1a')) figures.push(await singleAppends(admin, 1));
    if (selected('1b')) figures.push(await singleAppends(admin, 16));
    if (selected('2')) figures.push(await batchAppends(admin));
    if (selected('3')) figures.push(await readAllFigure(admin));
    if (selected('4')) figures.push(...(await latencyFigure(admin)));
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

    const finishedAt = new Date();
    const code = codeInfo();
    const notes = [
      `Both tables seeded with ${int(SEED_EVENTS)} events and ANALYZEd before each figure; ratio = store / baseline; rounds alternate store and baseline.`,
      ...(code.uncommittedUnderLibsPlatform.length > 0
        ? [
            `Measured an uncommitted working tree (libs/platform: ${code.uncommittedUnderLibsPlatform.length} changed files; source hash ${code.eventStoreSourceSha256}).`,
          ]
        : []),
      ...figures.flatMap((f) => f.notes ?? []),
    ];
    const table = printTable(figures);
    process.stdout.write(
      `\nEvent store benchmark (${machine.cpus} CPUs, ${machine.postgres.version.split(' on ')[0]}, fsync=${machine.postgres.fsync}, Node ${machine.node})\n\n${table}\n\n${notes.map((n) => `* ${n}`).join('\n')}\n\n`,
    );
    const report = {
      benchmark: 'event-store',
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      scale: SCALE,
      seedEvents: SEED_EVENTS,
      code,
      notes,
      machine,
      payload,
      figures,
      table,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    const file = path.join(RESULTS_DIR, `event-store-${stamp}.json`);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(file, json);
    writeFileSync(path.join(RESULTS_DIR, 'event-store-latest.json'), json);
    const missed = figures.filter((f) => f.pass === false).length;
    progress(
      `done in ${report.durationSeconds} s: ${missed ? `${missed} target(s) missed` : 'every target met'}; results in ${path.relative(REPO_ROOT, file)}`,
    );
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
