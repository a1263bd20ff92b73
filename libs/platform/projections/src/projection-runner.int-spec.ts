import { randomUUID } from 'node:crypto';
import type { EventStore } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import type { DataSource } from 'typeorm';
import type { Projection } from './projection';
import { ProjectionError, ProjectionRunner, ProjectionTimeoutError } from './projection-runner';
import {
  appendCaseEvents,
  appendManyCases,
  appliedCounts,
  caseSummaries,
  counted,
  prepareDatabase,
  storedCheckpoint,
  summaries,
  type CaseEventSpec,
} from './test-support/fixtures';

// Each test gets its own database: the event log is append-only, so tests could not share one.
let db: TestDatabase;
let store: EventStore;
let dataSource: DataSource;
const runners: ProjectionRunner[] = [];

beforeEach(async () => {
  db = await createTestDatabase('projections');
  ({ store, dataSource } = await prepareDatabase(db.url));
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await store.close();
  await dataSource.destroy();
  await db.drop();
});

function runner(
  projection: Projection,
  options: ConstructorParameters<typeof ProjectionRunner>[3] = {},
) {
  const created = new ProjectionRunner(store, dataSource, projection, {
    pollIntervalMs: 50,
    onError: () => undefined,
    ...options,
  });
  runners.push(created);
  return created;
}

async function waitUntilSomeoneWaitsForALock(): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const rows: unknown[] = await dataSource.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [db.name],
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('Nobody waited for the lock.');
}

const last = (positions: number[]) => positions[positions.length - 1];

/** A case opened, noted twice, viewed (unhandled) and closed; then another case left open. */
function storyOf(a: string, b: string): CaseEventSpec[] {
  return [
    { type: 'CaseOpened', caseId: a },
    { type: 'NoteAdded', caseId: a, text: 'first' },
    { type: 'CaseViewed', caseId: a },
    { type: 'CaseOpened', caseId: b },
    { type: 'NoteAdded', caseId: a, text: 'second' },
    { type: 'CaseClosed', caseId: a },
    { type: 'CaseViewed', caseId: b },
  ];
}

describe('ProjectionRunner', () => {
  it('given a stream mixing handled and unhandled types, applies only the handled ones and checkpoints the last position', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    const positions = await appendCaseEvents(store, storyOf(a, b));
    const projection = runner(counted(caseSummaries()), { batchSize: 3 });

    await projection.start();
    await projection.waitFor(last(positions));

    expect(await summaries(dataSource.manager)).toEqual([
      { id: a, status: 'closed', notes: 2, lastPosition: positions[5] },
      { id: b, status: 'open', notes: 0, lastPosition: positions[3] },
    ]);
    const applied = await appliedCounts(dataSource.manager);
    expect(applied.map((row) => row.type)).toEqual([
      'CaseOpened',
      'NoteAdded',
      'CaseOpened',
      'NoteAdded',
      'CaseClosed',
    ]);
    expect(applied.every((row) => row.times === 1)).toBe(true);
    // The batch of unhandled events at the end still moves the checkpoint.
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(last(positions));
  });

  it('while a batch is in flight, neither its rows nor its checkpoint are visible', async () => {
    const caseId = randomUUID();
    const first = await appendCaseEvents(store, [{ type: 'CaseOpened', caseId }]);
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    const inner = caseSummaries();
    const projection = runner({
      ...inner,
      async apply(events, manager) {
        await inner.apply(events, manager);
        if (events.some((event) => event.type === 'NoteAdded')) {
          entered();
          await gate;
        }
      },
    });
    await projection.start();
    await projection.waitFor(last(first));

    const second = await appendCaseEvents(store, [{ type: 'NoteAdded', caseId, text: 'x' }]);
    await inFlight;
    expect((await summaries(dataSource.manager))[0].notes).toBe(0);
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(last(first));

    release();
    await projection.waitFor(last(second));
    expect((await summaries(dataSource.manager))[0].notes).toBe(1);
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(last(second));
  });

  it('commits the rows and the checkpoint together: while the checkpoint cannot be written, no row of the batch is visible', async () => {
    const caseId = randomUUID();
    const projection = runner(caseSummaries());
    await projection.start();
    const first = await appendCaseEvents(store, [{ type: 'CaseOpened', caseId }]);
    await projection.waitFor(last(first));

    // Stopped while locking: an open transaction holds back the store's readers (its watermark).
    await projection.stop();
    const second = await appendCaseEvents(store, [{ type: 'NoteAdded', caseId, text: 'x' }]);
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    try {
      await blocker.startTransaction();
      await blocker.query('SELECT 1 FROM projections.checkpoints WHERE name = $1 FOR UPDATE', [
        'case_summaries',
      ]);
      await projection.start();
      await waitUntilSomeoneWaitsForALock();
      expect((await summaries(dataSource.manager))[0].notes).toBe(0);
      await blocker.commitTransaction();
      await projection.waitFor(last(second));
      expect((await summaries(dataSource.manager))[0].notes).toBe(1);
    } finally {
      await blocker.release();
    }
  });

  it('deletes the row when evolve returns null, whether it was stored before or created in the same batch', async () => {
    const [kept, erased, shortLived] = [randomUUID(), randomUUID(), randomUUID()];
    const projection = runner(caseSummaries());
    await projection.start();
    await projection.waitFor(
      last(
        await appendCaseEvents(store, [
          { type: 'CaseOpened', caseId: kept },
          { type: 'CaseOpened', caseId: erased },
        ]),
      ),
    );
    expect(await summaries(dataSource.manager)).toHaveLength(2);

    await projection.stop(); // so that the next three events arrive in one batch
    const positions = await appendCaseEvents(store, [
      { type: 'CaseErased', caseId: erased },
      { type: 'CaseOpened', caseId: shortLived },
      { type: 'CaseErased', caseId: shortLived },
    ]);
    await projection.start();
    await projection.waitFor(last(positions));

    expect((await summaries(dataSource.manager)).map((row) => row.id)).toEqual([kept]);
  });

  it('given a stopped runner, when a new one starts, then it continues from the checkpoint without re-applying', async () => {
    const before = await appendManyCases(store, 20, 3);
    const first = runner(counted(caseSummaries()), { batchSize: 7 });
    await first.start();
    await first.waitFor(last(before.positions));
    await first.stop();

    const after = await appendManyCases(store, 20, 3);
    const second = runner(counted(caseSummaries()), { batchSize: 7 });
    await second.start();
    await second.waitFor(last(after.positions));

    const applied = await appliedCounts(dataSource.manager);
    // Per case: opened, 3 notes, closed (the view is not handled).
    expect(applied).toHaveLength(40 * 5);
    expect(applied.filter((row) => row.times !== 1)).toEqual([]);
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(
      last(after.positions),
    );
    expect(await summaries(dataSource.manager)).toHaveLength(40);
  });

  it('rebuilds from zero to the same rows, discarding whatever the read model held', async () => {
    const { caseIds } = await appendManyCases(store, 30, 2);
    const positions = await appendCaseEvents(store, [{ type: 'CaseErased', caseId: caseIds[0] }]);
    const projection = runner(counted(caseSummaries()), { batchSize: 25 });
    await projection.start();
    await projection.waitFor(last(positions));
    const original = await summaries(dataSource.manager);
    expect(original).toHaveLength(29);

    // Damage the read model: a rebuild must not keep any of it.
    await dataSource.query(`UPDATE read_test.case_summaries SET status = 'tampered'`);
    await dataSource.query(`DELETE FROM read_test.case_summaries WHERE id = $1`, [original[0].id]);
    await dataSource.query(`INSERT INTO read_test.case_summaries VALUES ($1, 'stray', 0, 0)`, [
      randomUUID(),
    ]);

    await projection.rebuild();
    await projection.waitFor(last(positions));

    expect(await summaries(dataSource.manager)).toEqual(original);
    expect((await appliedCounts(dataSource.manager)).filter((row) => row.times !== 1)).toEqual([]);
    expect(projection.status()).toMatchObject({ state: 'running', checkpoint: last(positions) });
  });

  it('given a projection that starts from empty, empties its read model on its first start only, not when it resumes', async () => {
    const { caseIds } = await appendManyCases(store, 5, 1);
    // Rows left by the same read model under an earlier projection name.
    const stray = randomUUID();
    await dataSource.query(`INSERT INTO read_test.case_summaries VALUES ($1, 'stray', 0, 0)`, [
      stray,
    ]);
    const fromEmpty = { ...caseSummaries(), startsFromEmpty: true };
    const first = runner(fromEmpty);
    await first.start();
    await first.waitFor(await store.headPosition());
    const ids = (await summaries(dataSource.manager)).map((row) => row.id).sort();
    expect(ids).toEqual([...caseIds].sort());

    await first.stop();
    const resumedStray = randomUUID();
    await dataSource.query(`INSERT INTO read_test.case_summaries VALUES ($1, 'stray', 0, 0)`, [
      resumedStray,
    ]);
    const second = runner(fromEmpty);
    await second.start();
    // It has a checkpoint now: what the read model holds is kept.
    expect((await summaries(dataSource.manager)).map((row) => row.id)).toContain(resumedStray);
  });

  it('reports lag in positions and in the age of the oldest unprojected event, and none once caught up', async () => {
    const projection = runner(caseSummaries());
    const caseId = randomUUID();
    await appendCaseEvents(store, [{ type: 'CaseOpened', caseId }]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const newer = await appendCaseEvents(store, [
      { type: 'NoteAdded', caseId, text: 'a' },
      { type: 'CaseViewed', caseId },
    ]);

    const behind = await projection.lag();
    expect(behind.positions).toBe(last(newer)); // nothing projected yet: checkpoint 0
    expect(behind.seconds).toBeGreaterThanOrEqual(1);
    expect(behind.seconds).toBeLessThan(30);

    await projection.start();
    await projection.waitFor(last(newer));
    expect(await projection.lag()).toEqual({ positions: 0, seconds: 0 });

    await projection.stop();
    const more = await appendCaseEvents(store, [
      { type: 'CaseViewed', caseId },
      { type: 'CaseViewed', caseId },
    ]);
    const stopped = await projection.lag();
    expect(stopped.positions).toBe(last(more) - last(newer));
    expect(stopped.seconds).toBeLessThan(1);
  });

  it('with categories, events of other categories neither count as lag nor keep waitFor waiting', async () => {
    const projection = runner(caseSummaries({ categories: ['case'] }));
    const caseId = randomUUID();
    await projection.start();
    await projection.waitFor(last(await appendCaseEvents(store, [{ type: 'CaseOpened', caseId }])));

    const [elsewhere] = await appendCaseEvents(
      store,
      [{ type: 'CaseOpened', caseId: randomUUID() }],
      'other',
    );
    await projection.waitFor(elsewhere, 2000);
    expect(await projection.lag()).toEqual({ positions: 0, seconds: 0 });
    expect(await summaries(dataSource.manager)).toHaveLength(1);
  });

  it('with categories, waitFor a position past its last event returns once caught up, not on the next poll', async () => {
    const caseId = randomUUID();
    const [ours] = await appendCaseEvents(store, [{ type: 'CaseOpened', caseId }]);
    const [elsewhere] = await appendCaseEvents(
      store,
      [{ type: 'CaseOpened', caseId: randomUUID() }],
      'other',
    );
    // Polls an hour apart: only the subscription's catching up can tell waitFor it is done.
    const projection = runner(caseSummaries({ categories: ['case'] }), {
      pollIntervalMs: 3_600_000,
    });
    await projection.start();
    // Not a speed check: without the wake-up, waitFor would return after its own minute.
    const outcome = await Promise.race([
      projection.waitFor(elsewhere, 60_000).then(() => 'caught up'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 15_000).unref()),
    ]);
    expect(outcome).toBe('caught up');
    expect(projection.status()).toMatchObject({ live: true });
    expect(projection.status().checkpoint).toBeGreaterThanOrEqual(ours);
  });

  it('waits for a position to be projected (read your writes), and times out on one never written', async () => {
    const projection = runner(caseSummaries());
    await projection.start();
    const caseId = randomUUID();
    const [position] = await appendCaseEvents(store, [{ type: 'CaseOpened', caseId }]);

    await projection.waitFor(position, 5000);
    expect((await summaries(dataSource.manager)).map((row) => row.id)).toEqual([caseId]);
    expect(projection.status()).toMatchObject({
      state: 'running',
      checkpoint: position,
      live: true,
    });

    await expect(projection.waitFor(position + 1000, 200)).rejects.toBeInstanceOf(
      ProjectionTimeoutError,
    );
  });

  it('given a handler that throws mid-batch, writes nothing of the batch, keeps the checkpoint, stops with the error; a fixed handler then applies every event once', async () => {
    const first = await appendManyCases(store, 3, 1);
    const errors: ProjectionError[] = [];
    let broken = true;
    const projection = (poison: boolean) =>
      counted(
        caseSummaries({
          poison: poison
            ? (event) => broken && event.type === 'NoteAdded' && event.data.text === 'secret'
            : undefined,
        }),
      );
    const failing = runner(projection(true), {
      batchSize: 100,
      onError: (error) => errors.push(error),
    });
    await failing.start();
    await failing.waitFor(last(first.positions));
    const rowsBefore = await summaries(dataSource.manager);
    const appliedBefore = await appliedCounts(dataSource.manager);

    const caseId = randomUUID();
    const batch = await appendCaseEvents(store, [
      { type: 'CaseOpened', caseId },
      { type: 'NoteAdded', caseId, text: 'fine' },
      { type: 'NoteAdded', caseId, text: 'secret' },
      { type: 'CaseClosed', caseId },
    ]);

    await expect(failing.done).rejects.toBeInstanceOf(ProjectionError);
    await expect(failing.waitFor(last(batch), 1000)).rejects.toBeInstanceOf(ProjectionError);
    expect(errors).toHaveLength(1);
    expect(failing.status()).toMatchObject({ state: 'failed', checkpoint: last(first.positions) });
    // The message is safe to log: positions, no event data. The cause keeps the details.
    expect(errors[0].message).not.toContain('secret');
    expect((errors[0].cause as Error).message).toContain('secret');
    expect(errors[0]).toMatchObject({
      fromPosition: batch[0],
      toPosition: last(batch),
      checkpoint: last(first.positions),
    });
    expect(await summaries(dataSource.manager)).toEqual(rowsBefore);
    expect(await appliedCounts(dataSource.manager)).toEqual(appliedBefore);
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(
      last(first.positions),
    );

    broken = false;
    await failing.start();
    await failing.waitFor(last(batch));
    const applied = await appliedCounts(dataSource.manager);
    expect(applied).toHaveLength(3 * 3 + 4); // the view in each case is not handled
    expect(applied.filter((row) => row.times !== 1)).toEqual([]);
    expect((await summaries(dataSource.manager)).find((row) => row.id === caseId)).toMatchObject({
      status: 'closed',
      notes: 2,
    });
  });

  it('given two runners of the same projection, never applies an event twice', async () => {
    const a = runner(counted(caseSummaries()), { batchSize: 10 });
    const b = runner(counted(caseSummaries()), { batchSize: 10 });
    await Promise.all([a.start(), b.start()]);
    const { positions } = await appendManyCases(store, 40, 2);

    // One of them may stop on the moved checkpoint; the other carries on to the end.
    await Promise.any([a.waitFor(last(positions), 20_000), b.waitFor(last(positions), 20_000)]);
    const applied = await appliedCounts(dataSource.manager);
    expect(applied).toHaveLength(40 * 4);
    expect(applied.filter((row) => row.times !== 1)).toEqual([]);
  });
});
