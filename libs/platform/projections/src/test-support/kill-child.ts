/**
 * The child process of the kill test: runs the counted case projection, slowed down, until the
 * parent SIGKILLs it. Run with `node -r @swc-node/register` from the repository root.
 */
import { PostgresEventStore } from '@haven/platform/event-store';
import { ProjectionRunner } from '../projection-runner';
import { caseSummaries, counted, openReadModel } from './fixtures';

async function main(): Promise<void> {
  const url = process.env.PROJECTION_CHILD_DATABASE_URL;
  if (!url) throw new Error('PROJECTION_CHILD_DATABASE_URL is not set.');
  const store = new PostgresEventStore({ connectionString: url });
  const dataSource = await openReadModel(url);
  const runner = new ProjectionRunner(
    store,
    dataSource,
    counted(caseSummaries(), { pauseMs: 20 }),
    {
      batchSize: 20,
      pollIntervalMs: 50,
    },
  );
  await runner.start();
  await runner.done;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
