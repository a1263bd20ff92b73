/**
 * Figure 5 of the event store benchmark: how fast a `rowProjection` run by a `ProjectionRunner`
 * folds the log into a TypeORM read model, beside the same work done with plain `pg`.
 *
 * Both sides catch up from position 0 over the same events (one stream category, `bench_case`:
 * cases of ten events each, opened, noted eight times, closed), in pages of 1000, and write the
 * same rows:
 * - store: ProjectionRunner + rowProjection (store.subscribeBatches, TypeORM SELECT of the
 *   affected rows, bulk upsert, checkpoint compare-and-set, one transaction per batch);
 * - baseline: a keyset SELECT of the same events through pg, a SELECT of the affected rows, the
 *   same evolve in memory, one multi-row INSERT ... ON CONFLICT DO UPDATE and a checkpoint UPDATE,
 *   one transaction per page.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool, PoolClient } from 'pg';
import { Pool as PgPool } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  PostgresEventStore,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '@haven/platform/event-store';
import { migrateProjections, ProjectionRunner, rowProjection } from '@haven/platform/projections';
import type { Figure } from './event-store/output';

export interface ProjectionFigureContext {
  url: string;
  admin: Pool;
  progress: (line: string) => void;
  makeEvent: (seq: number, extra?: JsonObject) => NewEvent;
  scale: number;
}

const CATEGORY = 'bench_case';
const WARMUP_CATEGORY = 'bench_warm';
const EVENTS_PER_CASE = 10;
const PAGE = 1000;
const LOAD_WRITERS = 16;

@Entity({ schema: 'bench_read', name: 'case_activity' })
class CaseActivity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: string;

  @Column('int')
  notes!: number;

  @Column('text', { name: 'risk_level' })
  riskLevel!: string;

  @Column('text', { name: 'last_actor' })
  lastActor!: string;

  @Column('timestamptz', { name: 'last_activity_at' })
  lastActivityAt!: Date;

  @Column('bigint', {
    name: 'last_position',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  lastPosition!: number;
}

const READ_MODEL_DDL = (table: string) => `
  CREATE TABLE IF NOT EXISTS bench_read.${table} (
    id uuid PRIMARY KEY,
    status text NOT NULL,
    notes int NOT NULL,
    risk_level text NOT NULL,
    last_actor text NOT NULL,
    last_activity_at timestamptz NOT NULL,
    last_position bigint NOT NULL
  )`;

type CaseEvent = RecordedEvent<
  'CaseOpened' | 'CaseNoteAdded' | 'CaseClosed',
  { caseId: string; risk: { level: string } }
>;
const HANDLES: CaseEvent['type'][] = ['CaseOpened', 'CaseNoteAdded', 'CaseClosed'];

/** The one evolve both sides use. */
function evolve(row: CaseActivity | null, event: CaseEvent): CaseActivity | null {
  const touched = {
    riskLevel: event.data.risk.level,
    lastActor: event.metadata.actorId,
    lastActivityAt: new Date(event.metadata.occurredAt),
    lastPosition: event.globalPosition,
  };
  switch (event.type) {
    case 'CaseOpened':
      return { id: event.data.caseId, status: 'open', notes: 0, ...touched };
    case 'CaseNoteAdded':
      return row && { ...row, notes: row.notes + 1, ...touched };
    case 'CaseClosed':
      return row && { ...row, status: 'closed', ...touched };
  }
}

function typeAt(i: number): CaseEvent['type'] {
  return i === 0 ? 'CaseOpened' : i === EVENTS_PER_CASE - 1 ? 'CaseClosed' : 'CaseNoteAdded';
}

/** Appends `cases` cases of EVENTS_PER_CASE events each (one append per case), 16 writers. */
async function loadCases(
  ctx: ProjectionFigureContext,
  store: PostgresEventStore,
  category: string,
  cases: number,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: LOAD_WRITERS }, async () => {
      for (let c = next++; c < cases; c = next++) {
        const caseId = randomUUID();
        const events = Array.from({ length: EVENTS_PER_CASE }, (_, i) => ({
          ...ctx.makeEvent(c * EVENTS_PER_CASE + i, { caseId }),
          type: typeAt(i),
        }));
        await store.append(`${category}-${caseId}`, events, 'no_stream');
      }
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// Baseline: the same fold with plain pg.

const READ_CATEGORY_SQL = `SELECT global_position, event_id, stream_id, stream_category, stream_version,
  type, schema_version, data, metadata, recorded_at FROM event_store.events
  WHERE stream_category = $1 AND global_position >= $2 ORDER BY global_position LIMIT $3`;

interface BaselineRow {
  id: string;
  status: string;
  notes: number;
  risk_level: string;
  last_actor: string;
  last_activity_at: Date;
  last_position: string;
}

function upsertSql(rows: number): string {
  const values = Array.from({ length: rows }, (_, r) => {
    const p = (i: number) => `$${r * 7 + i}`;
    return `(${p(1)}::uuid, ${p(2)}, ${p(3)}::int, ${p(4)}, ${p(5)}, ${p(6)}::timestamptz, ${p(7)}::bigint)`;
  });
  return `INSERT INTO bench_read.case_activity_baseline
      (id, status, notes, risk_level, last_actor, last_activity_at, last_position)
    VALUES ${values.join(',')}
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, notes = excluded.notes,
      risk_level = excluded.risk_level, last_actor = excluded.last_actor,
      last_activity_at = excluded.last_activity_at, last_position = excluded.last_position`;
}

async function baselineFold(pool: Pool, category: string, checkpointName: string): Promise<number> {
  await pool.query(
    `INSERT INTO bench_read.checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO UPDATE SET position = 0`,
    [checkpointName],
  );
  let from = 0;
  let events = 0;
  for (;;) {
    const page = await pool.query<{
      global_position: string;
      type: CaseEvent['type'];
      data: CaseEvent['data'];
      metadata: CaseEvent['metadata'];
    }>({ name: 'bench.fold_read', text: READ_CATEGORY_SQL, values: [category, from, PAGE] });
    if (page.rows.length === 0) return events;
    const keyed = page.rows.map((r) => ({
      type: r.type,
      data: r.data,
      metadata: r.metadata,
      globalPosition: Number(r.global_position),
    })) as unknown as CaseEvent[];
    const keys = [...new Set(keyed.map((e) => e.data.caseId))];
    const client: PoolClient = await pool.connect();
    try {
      await client.query('BEGIN');
      const stored = await client.query<BaselineRow>(
        'SELECT * FROM bench_read.case_activity_baseline WHERE id = ANY($1::uuid[])',
        [keys],
      );
      const after = new Map<string, CaseActivity | null>();
      for (const row of stored.rows) {
        after.set(row.id, {
          id: row.id,
          status: row.status,
          notes: row.notes,
          riskLevel: row.risk_level,
          lastActor: row.last_actor,
          lastActivityAt: row.last_activity_at,
          lastPosition: Number(row.last_position),
        });
      }
      for (const event of keyed) {
        after.set(event.data.caseId, evolve(after.get(event.data.caseId) ?? null, event));
      }
      const rows = [...after.values()].filter((r): r is CaseActivity => r !== null);
      if (rows.length > 0) {
        await client.query(
          upsertSql(rows.length),
          rows.flatMap((r) => [
            r.id,
            r.status,
            r.notes,
            r.riskLevel,
            r.lastActor,
            r.lastActivityAt,
            r.lastPosition,
          ]),
        );
      }
      const last = keyed[keyed.length - 1].globalPosition;
      await client.query('UPDATE bench_read.checkpoints SET position = $2 WHERE name = $1', [
        checkpointName,
        last,
      ]);
      await client.query('COMMIT');
      from = last + 1;
      events += keyed.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

// ------------------------------------------------------------------------------------------------

export async function projectionFigure(ctx: ProjectionFigureContext): Promise<Figure | null> {
  const { url, admin, progress } = ctx;
  const cases = Math.max(200, Math.round(4000 * ctx.scale));
  const warmupCases = Math.max(50, Math.round(300 * ctx.scale));
  await migrateProjections(url);
  await admin.query(`
    CREATE SCHEMA IF NOT EXISTS bench_read;
    ${READ_MODEL_DDL('case_activity')};
    ${READ_MODEL_DDL('case_activity_baseline')};
    CREATE TABLE IF NOT EXISTS bench_read.checkpoints (name text PRIMARY KEY, position bigint NOT NULL);`);

  const store = new PostgresEventStore({ connectionString: url, poolSize: LOAD_WRITERS });
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [CaseActivity],
    logging: false,
  });
  const pool = new PgPool({ connectionString: url, max: 4 });
  await dataSource.initialize();
  try {
    progress(
      `5. projection: appending ${cases * EVENTS_PER_CASE} events (${cases} cases of ${EVENTS_PER_CASE}) to ${CATEGORY}`,
    );
    await loadCases(ctx, store, WARMUP_CATEGORY, warmupCases);
    await loadCases(ctx, store, CATEGORY, cases);
    const total = cases * EVENTS_PER_CASE;
    await admin.query('ANALYZE event_store.events');
    await admin.query('CHECKPOINT').catch(() => undefined);

    let round = 0;
    const projectStore = async (category: string): Promise<{ events: number; ms: number }> => {
      await admin.query('TRUNCATE bench_read.case_activity');
      const head = await store.headPosition();
      const runner = new ProjectionRunner(
        store,
        dataSource,
        rowProjection<CaseActivity, CaseEvent>({
          name: `bench_case_activity_${round++}`,
          entity: CaseActivity,
          handles: HANDLES,
          categories: [category],
          keyOf: (event) => event.data.caseId,
          evolve,
        }),
        { batchSize: PAGE },
      );
      const start = performance.now();
      await runner.start();
      try {
        await runner.waitFor(head, 300_000);
      } finally {
        await runner.stop();
      }
      const ms = performance.now() - start;
      const { rows } = await admin.query<{ n: string }>(
        'SELECT count(*) AS n FROM bench_read.case_activity',
      );
      if (Number(rows[0].n) === 0) throw new Error('the projection wrote no rows');
      return { events: category === CATEGORY ? total : warmupCases * EVENTS_PER_CASE, ms };
    };
    const projectBaseline = async (category: string): Promise<{ events: number; ms: number }> => {
      await admin.query('TRUNCATE bench_read.case_activity_baseline');
      const start = performance.now();
      const events = await baselineFold(pool, category, `baseline_${round++}`);
      return { events, ms: performance.now() - start };
    };

    progress('5. projection: warming up');
    await projectStore(WARMUP_CATEGORY);
    await projectBaseline(WARMUP_CATEGORY);
    const totals = { store: { events: 0, ms: 0 }, baseline: { events: 0, ms: 0 } };
    const rounds: Array<{ side: string; eventsPerSecond: number; events: number; ms: number }> = [];
    for (let r = 0; r < 2; r++) {
      for (const side of r % 2
        ? (['baseline', 'store'] as const)
        : (['store', 'baseline'] as const)) {
        const sample =
          side === 'store' ? await projectStore(CATEGORY) : await projectBaseline(CATEGORY);
        totals[side].events += sample.events;
        totals[side].ms += sample.ms;
        const eventsPerSecond = (sample.events / sample.ms) * 1000;
        rounds.push({ side, eventsPerSecond, events: sample.events, ms: Math.round(sample.ms) });
        progress(
          `5. projection: round ${r + 1}/2 ${side.padEnd(8)} ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s`,
        );
      }
    }
    // Both read models must hold the same rows.
    const { rows: diff } = await admin.query<{ n: string }>(`
      SELECT count(*) AS n FROM (
        (SELECT id, status, notes, risk_level, last_actor, last_activity_at, last_position FROM bench_read.case_activity
         EXCEPT SELECT id, status, notes, risk_level, last_actor, last_activity_at, last_position FROM bench_read.case_activity_baseline)
        UNION ALL
        (SELECT id, status, notes, risk_level, last_actor, last_activity_at, last_position FROM bench_read.case_activity_baseline
         EXCEPT SELECT id, status, notes, risk_level, last_actor, last_activity_at, last_position FROM bench_read.case_activity)) d`);
    if (Number(diff[0].n) !== 0) throw new Error(`the two read models differ in ${diff[0].n} rows`);

    const value = (totals.store.events / totals.store.ms) * 1000;
    const baseline = (totals.baseline.events / totals.baseline.ms) * 1000;
    return {
      id: '5',
      figure: `projection catch-up into a TypeORM read model (pages of ${PAGE})`,
      unit: 'events/s',
      value,
      baseline,
      ratio: value / baseline,
      target: '≥ 10,000/s',
      pass: value >= 10_000,
      details: {
        events: total,
        cases,
        eventsPerCase: EVENTS_PER_CASE,
        batchSize: PAGE,
        readModelRows: cases,
        store:
          'ProjectionRunner + rowProjection (TypeORM), categories filter, checkpoint per batch',
        baseline:
          'pg: keyset SELECT by category, SELECT affected rows, same evolve, multi-row INSERT ... ON CONFLICT DO UPDATE + checkpoint UPDATE per page, one transaction',
        rounds,
      },
    };
  } finally {
    await store.close();
    await pool.end();
    await dataSource.destroy();
  }
}
