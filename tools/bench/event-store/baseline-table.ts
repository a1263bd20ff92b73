// Baseline: the same row shape in a table LIKE event_store.events INCLUDING ALL (same columns,
// constraints and indexes, no trigger), written by plain INSERTs through pg.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { NewEvent } from '@haven/platform/event-store';
import { BATCH_SIZE, STREAM_CATEGORY } from './settings';

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

export function baselineValues(event: NewEvent, stream: string, version: number): unknown[] {
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
export class RowShape {
  readonly insertOne: string;
  readonly insertBatch: string;
  readonly insertNotify: string;

  constructor(readonly columns: string[]) {
    const unknown = columns.filter((c) => !(c in COLUMN_VALUES));
    if (unknown.length > 0) {
      throw new Error(
        `event_store.events has column(s) ${unknown.join(', ')} that tools/bench/event-store/baseline-table.ts ` +
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

/** Creates the baseline table (the event store's must exist) and reads its row shape. */
export async function createBaselineTable(admin: Pool): Promise<RowShape> {
  await admin.query(`
      CREATE SCHEMA IF NOT EXISTS bench;
      CREATE TABLE bench.events_baseline (LIKE event_store.events INCLUDING ALL);
      CREATE SEQUENCE bench.baseline_position AS bigint CACHE 1;`);
  return RowShape.of(admin);
}

/**
 * Gives both tables the same history before anything is measured: SEED_EVENTS events of the same
 * shape (streams of 10), so that indexes have realistic depth and the planner real statistics.
 * Written with one INSERT ... SELECT each (not through the store: it is only history, and the
 * store's hash chain of these seed streams is not checked by anything here).
 */
export async function seed(admin: Pool, shape: RowShape, events: number): Promise<void> {
  await admin.query(shape.seedSql('event_store.events', 'event_store.global_position'), [events]);
  await admin.query(shape.seedSql('bench.events_baseline', 'bench.baseline_position'), [events]);
}
