/**
 * `npm run bench:flow`: how soon after a network coordinator refers a case notification does
 * protection show the case it opens? Target: within 1 s at p99, through the gateway.
 *
 * The whole system runs as `npm start` runs it (startSystem: the subgraphs and the gateway as
 * processes, on the fresh database tools/bench/run.mjs provides). For each notification a
 * watchdog submits, a coordinator validates and refers; from the moment `referCaseNotification`
 * returns (the referral is committed), two pollers run side by side every ~10 ms until the case
 * is there: `protectionCaseForNotification` through the gateway as a protection officer, and a
 * SELECT on protection's read model (`protection.protection_cases` by source notification).
 *
 * Baseline, interleaved with the referrals in the same run: a plain read-your-write in the same
 * system, `registerBeneficiary` (it returns once protection's own read model shows the row),
 * timed from the moment it is sent until it returns with the row, and until the row is in
 * `protection.beneficiaries` (the same SQL poller). The referral's way is longer: networks
 * appends, protection's case opener follows the log and appends the opening, protection's
 * projection writes the row. For context, also: the referral's own round trip (it returns once
 * networks' read model shows it, so protection has often opened the case by then), and the whole
 * way from the referral sent to the case row.
 *
 * Two runs: one notification at a time, then HAVEN_BENCH_FLOW_N at HAVEN_BENCH_FLOW_CONCURRENCY.
 * Environment: HAVEN_BENCH_FLOW_N (200), HAVEN_BENCH_FLOW_CONCURRENCY (4),
 * HAVEN_BENCH_FLOW_SEQUENTIAL (50), HAVEN_BENCH_FLOW_WARMUP (10),
 * HAVEN_BENCH_FLOW_TIMEOUT_MS (10000: a case not there by then counts as never),
 * HAVEN_BENCH_FLOW_SERVICES (e.g. networks,protection; all five by default).
 * Results: bench/results/flow.json and flow-<timestamp>.json.
 *
 * The parts, in flow/: settings.ts, actors.ts (who talks to Haven), workload.ts (what is timed,
 * and the runs), report.ts (statistics and text), run-info.ts and results.ts.
 */
import { Pool } from 'pg';
import {
  migrate,
  startSystem,
  SUBGRAPHS,
  type System,
} from '../../apps/gateway/src/testing/system';
import { actorsOf } from './flow/actors';
import { reportResults } from './flow/results';
import { machineInfo } from './flow/run-info';
import {
  CONCURRENCY,
  CONCURRENT_N,
  DATABASE_URL,
  progress,
  SEQUENTIAL_N,
  SERVICES,
  WARMUP_N,
} from './flow/settings';
import { run, type Run } from './flow/workload';

let system: System | undefined;

async function main(): Promise<void> {
  if (!DATABASE_URL) {
    throw new Error('HAVEN_BENCH_DATABASE_URL is not set: run this through `npm run bench:flow`.');
  }
  const startedAt = new Date();
  const sql = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY * 2 + 2 });
  sql.on('error', () => undefined);
  try {
    const machine = await machineInfo(sql);
    progress('migrating');
    await migrate(DATABASE_URL);
    const services = SERVICES;
    const subgraphs = services?.length
      ? SUBGRAPHS.filter((entry) => services.includes(entry.name))
      : SUBGRAPHS;
    progress(`starting ${subgraphs.map((s) => s.name).join(', ')} and the gateway`);
    system = await startSystem({ databaseUrl: DATABASE_URL, subgraphs });
    const actors = await actorsOf(system, sql);

    if (WARMUP_N) {
      progress(`warming up: ${WARMUP_N} referrals and writes (not measured)`);
      await run(actors, 'warm-up', WARMUP_N, Math.min(CONCURRENCY, WARMUP_N));
    }
    const runs: Run[] = [];
    if (SEQUENTIAL_N) {
      progress(`sequential: ${SEQUENTIAL_N} referrals, one at a time`);
      runs.push(await run(actors, 'sequential', SEQUENTIAL_N, 1));
    }
    if (CONCURRENT_N) {
      progress(`concurrent: ${CONCURRENT_N} referrals, ${CONCURRENCY} at a time`);
      runs.push(await run(actors, 'concurrent', CONCURRENT_N, CONCURRENCY));
    }

    reportResults({ startedAt, machine, subgraphs: subgraphs.map((s) => s.name), runs });
  } finally {
    await system?.stop();
    await sql.end();
  }
}

// Stop the services before leaving (they would also stop themselves once this process is gone).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n[bench:flow] ${signal}: stopping\n`);
    void (system?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  });
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `[bench:flow] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
