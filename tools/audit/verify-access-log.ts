// `DATABASE_URL=... npm run audit:verify-access-log -- --public-key KEY.pem [--json]`
//
// Checks, in the database, that no read of personal data was removed from or changed in the access
// log since its signed checkpoints: recomputes its hash chain from the entries, its Merkle root at
// every checkpoint, and the checkpoints' signatures and chain. Exit 0: verified; 1: problems, each
// naming the entry; 2: the command could not run.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { verifyAccessLog } from '@haven/platform/audit';

const USAGE =
  'Usage: DATABASE_URL=... npm run audit:verify-access-log -- --public-key KEY.pem [--json]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'public-key': { type: 'string' }, json: { type: 'boolean' } },
  });
  const url = process.env.DATABASE_URL;
  if (!url || !values['public-key']) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const report = await verifyAccessLog(pool, {
      publicKeyPem: readFileSync(values['public-key'], 'utf8'),
    });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (report.ok) {
      process.stdout.write(
        `VERIFIED access log: ${report.entries} entries chained, newest checkpoint at ${report.checkpointSize}\n`,
      );
    } else {
      process.stdout.write(`FAILED access log: ${report.problems.length} problem(s)\n`);
      for (const problem of report.problems) {
        process.stdout.write(`  ${problem.reason}: ${problem.message}\n`);
      }
    }
    return report.ok ? 0 : 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
