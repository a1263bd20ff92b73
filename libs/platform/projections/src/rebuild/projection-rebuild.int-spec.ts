import { randomUUID } from 'node:crypto';
import type { EventStore } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import type { DataSource } from 'typeorm';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import {
  appendCaseEvents,
  appendManyCases,
  appliedCounts,
  CaseSummary,
  caseSummaries,
  counted,
  prepareDatabase,
  storedCheckpoint,
  summaries,
} from '../test-support/fixtures';
import { rebuildProjection, type RebuildProgress } from './projection-rebuild';

let db: TestDatabase;
let store: EventStore;
let dataSource: DataSource;

beforeEach(async () => {
  db = await createTestDatabase('projection_rebuild');
  ({ store, dataSource } = await prepareDatabase(db.url));
  await dataSource.query(
    'CREATE TABLE read_test.rebuilt (position bigint PRIMARY KEY, times int NOT NULL)',
  );
});

afterEach(async () => {
  await store.close();
  await dataSource.destroy();
  await db.drop();
});

/**
 * The rebuild's side of the projection: it counts each application in `read_test.rebuilt` and
 * can be held after its first batch has committed, so the test can look at the live rows meanwhile.
 */
function rebuiltCounted(inner: Projection, gate: Promise<void>, held: () => void): Projection {
  let batches = 0;
  return {
    ...inner,
    async apply(events, manager) {
      // Held as the second batch begins: the first one has committed.
      if (batches++ === 1) {
        held();
        await gate;
      }
      await manager.query(
        `INSERT INTO read_test.rebuilt (position, times) SELECT unnest($1::bigint[]), 1
         ON CONFLICT (position) DO UPDATE SET times = rebuilt.times + 1`,
        [events.map((event) => event.globalPosition)],
      );
      await inner.apply(events, manager);
    },
  };
}

/** What the read model must hold after the whole log: computed from the events, not projected. */
async function expectedSummaries(): Promise<Array<Omit<CaseSummary, never>>> {
  const byId = new Map<string, CaseSummary>();
  for (let from = 1; ;) {
    const page = await store.readAll({ fromPosition: from, limit: 1000 });
    if (page.length === 0) break;
    for (const event of page) {
      const id = (event.data as { caseId: string }).caseId;
      const row = byId.get(id);
      const at = event.globalPosition;
      if (event.type === 'CaseOpened')
        byId.set(id, { id, status: 'open', notes: 0, lastPosition: at });
      if (event.type === 'NoteAdded' && row)
        byId.set(id, { ...row, notes: row.notes + 1, lastPosition: at });
      if (event.type === 'CaseClosed' && row)
        byId.set(id, { ...row, status: 'closed', lastPosition: at });
      if (event.type === 'CaseErased') byId.delete(id);
    }
    from = page[page.length - 1].globalPosition + 1;
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

it('during a rebuild the live rows keep answering; after the swap the new ones do, each event applied once', async () => {
  const live = new ProjectionRunner(store, dataSource, counted(caseSummaries()), {
    batchSize: 50,
    pollIntervalMs: 50,
  });
  const first = await appendManyCases(store, 40, 2);
  await live.start();
  try {
    await live.waitFor(first.positions[first.positions.length - 1]);
    // Mark the old rows, so that a read shows which generation answered it.
    await dataSource.query(`UPDATE read_test.case_summaries SET status = 'old-' || status`);
    const oldRows = await summaries(dataSource.manager);
    expect(oldRows).toHaveLength(40);

    let release!: () => void;
    let held!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holding = new Promise<void>((resolve) => (held = resolve));
    const phases: RebuildProgress['phase'][] = [];
    let appendedWhileSwapping: number[] = [];
    const rebuilding = rebuildProjection({
      store,
      url: db.url,
      entities: [CaseSummary],
      projection: rebuiltCounted(caseSummaries(), gate, held),
      batchSize: 30,
      onProgress: async (progress) => {
        if (phases[phases.length - 1] !== progress.phase) phases.push(progress.phase);
        // Events the live runner may apply before the swap's lock: the swap must catch up on them.
        if (progress.phase === 'swapping') {
          appendedWhileSwapping = await appendCaseEvents(store, [
            { type: 'NoteAdded', caseId: first.caseIds[1], text: 'late' },
          ]);
          await live.waitFor(appendedWhileSwapping[0]);
        }
      },
    });

    // The shadow holds one batch now; the service still answers with every old row.
    await holding;
    const [{ count: shadowRows }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM read_test_rebuild.case_summaries',
    );
    expect(shadowRows).toBeGreaterThan(0);
    expect(shadowRows).toBeLessThan(40);
    expect(await summaries(dataSource.manager)).toEqual(oldRows);

    // Events during the rebuild reach the old rows meanwhile.
    const newCase = randomUUID();
    const during = await appendCaseEvents(store, [
      { type: 'CaseOpened', caseId: newCase },
      { type: 'CaseErased', caseId: first.caseIds[0] },
    ]);
    await live.waitFor(during[1]);
    const meanwhile = await summaries(dataSource.manager);
    expect(meanwhile.map((row) => row.id)).toContain(newCase);
    expect(meanwhile.filter((row) => row.status.startsWith('old-'))).toHaveLength(39);

    release();
    const result = await rebuilding;
    expect(phases).toEqual(['building', 'swapping', 'done']);

    // After the swap: the new rows, none of the marked old ones, and the live runner carries on.
    const after = await appendCaseEvents(store, [
      { type: 'NoteAdded', caseId: newCase, text: 'after' },
    ]);
    await live.waitFor(after[0]);
    const rows = await summaries(dataSource.manager);
    expect(rows.filter((row) => row.status.startsWith('old-'))).toEqual([]);
    expect(rows).toEqual(await expectedSummaries());
    expect(result.position).toBeGreaterThanOrEqual(appendedWhileSwapping[0]);
    expect(live.status()).toMatchObject({ state: 'running' });

    // No event twice, none skipped: the rebuild applied each handled event up to the swap once,
    // the live runner each one after it once.
    const rebuilt: Array<{ position: string; times: number }> = await dataSource.query(
      'SELECT position, times FROM read_test.rebuilt ORDER BY position',
    );
    expect(rebuilt.every((row) => row.times === 1)).toBe(true);
    const handled = (await store.readAll({ limit: 10_000 })).filter(
      (event) => event.type !== 'CaseViewed',
    );
    expect(rebuilt.map((row) => Number(row.position))).toEqual(
      handled.filter((e) => e.globalPosition <= result.position).map((e) => e.globalPosition),
    );
    const liveAfterSwap = (await appliedCounts(dataSource.manager)).filter(
      (row) => row.position > result.position,
    );
    expect(liveAfterSwap.map((row) => row.position)).toEqual(after);
    expect(liveAfterSwap.every((row) => row.times === 1)).toBe(true);

    // Nothing of the rebuild is left behind.
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries#rebuild')).toBeNull();
    const [{ shadows }] = await dataSource.query(
      `SELECT count(*)::int AS shadows FROM pg_tables WHERE schemaname = 'read_test_rebuild'`,
    );
    expect(shadows).toBe(0);
  } finally {
    await live.stop();
  }
});

it('with the service stopped, the rebuild swaps in and moves the checkpoint to where it stands', async () => {
  const { positions } = await appendManyCases(store, 10, 1);
  await dataSource.query(`INSERT INTO read_test.case_summaries VALUES ($1, 'stray', 0, 0)`, [
    randomUUID(),
  ]);
  const result = await rebuildProjection({
    store,
    url: db.url,
    entities: [CaseSummary],
    projection: caseSummaries(),
    swapWaitMs: 0,
  });
  expect(result.position).toBe(positions[positions.length - 1]);
  expect(await summaries(dataSource.manager)).toEqual(await expectedSummaries());
  expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(result.position);
  // The primary key index keeps its name, as the migrations made it.
  const indexes: Array<{ indexname: string }> = await dataSource.query(
    `SELECT indexname FROM pg_indexes WHERE schemaname = 'read_test' AND tablename = 'case_summaries'`,
  );
  expect(indexes.map((row) => row.indexname)).toEqual(['case_summaries_pkey']);
});
