// Figure 3: readAll through the whole log.
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { PostgresEventStore, type RecordedEvent } from '@haven/platform/event-store';
import { checkpoint, measurePair, type Sample } from './measuring';
import { int, progress, type Figure } from './output';
import { DATABASE_URL, ms } from './settings';

const READ_PAGE = 1000;

const READ_SQL = `SELECT global_position, event_id, stream_id, stream_category, stream_version, type,
  schema_version, data, metadata, recorded_at FROM event_store.events
  WHERE global_position >= $1 ORDER BY global_position LIMIT $2`;

export async function readAllFigure(admin: Pool): Promise<Figure> {
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
