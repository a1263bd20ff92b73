/**
 * The tree follower of `npm run bench:audit`'s append figure, in a process of its own: in Haven
 * it runs in the audit service, apart from the services that append, so it must not share the
 * appenders' event loop here either. Started by audit.bench.ts with the database's URL and the
 * signing key; prints `ready` once caught up and following, and stops on SIGTERM.
 */
import { createPrivateKey } from 'node:crypto';
import { Pool } from 'pg';
import { Ed25519Signer, EVENT_STORE_LEAVES, TreeFollower } from '@haven/platform/audit';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.HAVEN_BENCH_DATABASE_URL, max: 2 });
  const key = process.env.HAVEN_BENCH_AUDIT_KEY;
  if (!key) throw new Error('HAVEN_BENCH_AUDIT_KEY is not set: audit.bench.ts starts this.');
  const follower = new TreeFollower(
    pool,
    EVENT_STORE_LEAVES,
    new Ed25519Signer(createPrivateKey(key)),
    {
      checkpointEveryLeaves: 1000,
    },
  );
  await follower.catchUp(); // start level: the tree has caught up with the log
  follower.start();
  process.once('SIGTERM', () => {
    void follower
      .stop()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `audit follower: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
