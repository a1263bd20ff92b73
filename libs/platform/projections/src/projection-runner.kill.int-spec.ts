import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import type { DataSource } from 'typeorm';
import { ProjectionRunner } from './projection-runner';
import {
  appendManyCases,
  appliedCounts,
  caseSummaries,
  counted,
  prepareDatabase,
  storedCheckpoint,
  summaries,
} from './test-support/fixtures';

const repoRoot = path.resolve(__dirname, '../../../..');
const childScript = path.join(__dirname, 'test-support/kill-child.ts');

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('projections_kill');
});

afterAll(async () => {
  await db.drop();
});

async function batchInFlight(dataSource: DataSource, database: string): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    `SELECT 1 FROM pg_stat_activity
      WHERE datname = $1 AND pid <> pg_backend_pid() AND state = 'active'
        AND query LIKE 'SELECT pg_sleep%'`,
    [database],
  );
  return rows.length > 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('given a runner process killed mid-way, when a runner restarts, then every event is applied exactly once and the checkpoint is the last position', async () => {
  const { store, dataSource } = await prepareDatabase(db.url);
  try {
    const cases = 600; // 5 events each (the view unhandled): 3,000 events, 2,400 applied
    const { positions } = await appendManyCases(store, cases, 2);
    const lastPosition = positions[positions.length - 1];

    const child = spawn(process.execPath, ['-r', '@swc-node/register', childScript], {
      cwd: repoRoot,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json'),
        PROJECTION_CHILD_DATABASE_URL: db.url,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );

    // Kill it once it has committed some batches, well before the end, while a batch has written
    // its counters but not committed (it pauses in pg_sleep there).
    const deadline = Date.now() + 30_000;
    for (;;) {
      const checkpoint = (await storedCheckpoint(dataSource.manager, 'case_summaries')) ?? 0;
      if (checkpoint >= lastPosition / 4 && (await batchInFlight(dataSource, db.name))) break;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`The child made no progress (checkpoint ${checkpoint}): ${stderr}`);
      }
      await sleep(5);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Committed batches are there in full, the one in flight not at all.
    const killedAt = (await storedCheckpoint(dataSource.manager, 'case_summaries')) ?? 0;
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(lastPosition);
    const appliedAtKill = await appliedCounts(dataSource.manager);
    expect(appliedAtKill.length).toBeGreaterThan(0);
    expect(appliedAtKill.every((row) => row.position <= killedAt)).toBe(true);

    const runner = new ProjectionRunner(store, dataSource, counted(caseSummaries()), {
      batchSize: 200,
      pollIntervalMs: 50,
    });
    await runner.start();
    try {
      await runner.waitFor(lastPosition, 30_000);
    } finally {
      await runner.stop();
    }

    const applied = await appliedCounts(dataSource.manager);
    expect(applied).toHaveLength(cases * 4);
    expect(applied.filter((row) => row.times !== 1)).toEqual([]);
    expect(await storedCheckpoint(dataSource.manager, 'case_summaries')).toBe(lastPosition);
    const rows = await summaries(dataSource.manager);
    expect(rows).toHaveLength(cases);
    expect(rows.every((row) => row.status === 'closed' && row.notes === 2)).toBe(true);
  } finally {
    await store.close();
    await dataSource.destroy();
  }
});
