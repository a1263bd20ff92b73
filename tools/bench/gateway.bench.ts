/**
 * `npm run bench:gateway`: one federated query that touches three subgraphs (protection owns the
 * beneficiaries, networks and legal add a field each), under autocannon at a fixed concurrency,
 * on the same data (beneficiaries with personal details), in the same run:
 *
 *   - what the security checks cost: through Haven's gateway with the checks on (a bearer token,
 *     signed identities, field policies) and off (HAVEN_SECURITY_CHECKS=off on every process),
 *     the query with and without `personalDetails` (decrypted, and logged before it is returned,
 *     either way);
 *   - the gateway's overhead: the query without personal details with the checks on, against
 *     each subgraph answering the same directly (the beneficiary page, then each extension's
 *     `_entities` for the same ids, with a signed identity), judged against the slowest;
 *   - a peer: @graphql-hive/gateway serving the same supergraph in front of the subgraphs with
 *     the checks off (it cannot authenticate Haven's way), against Haven's gateway with the checks
 *     off, so that both do the same work.
 *
 * The paths take turns in short slices, so that the load of a shared machine weighs on all alike.
 * Two sets of processes (five subgraphs and a gateway each, checks on and checks off) run side
 * by side on the same database, each process alone, as `npm start` runs them. The second set
 * starts once the data is in, so that only one runner of each projection ever has events to
 * project. Every process runs with NODE_ENV=development, as the checks cannot be turned off in
 * production, and with keys of this run (a throw-away HAVEN_KEYS_DIR).
 *
 * Started by tools/bench/run.mjs, which provides the database (HAVEN_BENCH_DATABASE_URL).
 * HAVEN_BENCH_SECONDS (10): seconds per path and round; HAVEN_BENCH_ROUNDS (2): rounds of the
 * gateway's paths (the others get one round's time); HAVEN_BENCH_SLICE_SECONDS (2);
 * HAVEN_BENCH_CONNECTIONS (16).
 *
 * The parts, in gateway/: settings.ts, services.ts (the processes), data.ts (the beneficiaries
 * and windows), paths.ts (what is measured), load.ts (requests and autocannon), cpu.ts and
 * samples.ts (the figures of a path), measure.ts (the turns) and results.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDevKeys, mintDevToken } from '@haven/platform/security';
import { migrate } from '../../apps/gateway/src/testing/system';
import { listWindows, registerBeneficiaries } from './gateway/data';
import { measurePaths } from './gateway/measure';
import { checkPaths, measuredPaths, readerHeaders, type Endpoints } from './gateway/paths';
import { reportResults } from './gateway/results';
import { commonEnv, hiveGateway, serviceSet } from './gateway/services';
import { DATABASE_URL, log, PAGE, WINDOWS } from './gateway/settings';

async function main(): Promise<void> {
  if (!DATABASE_URL)
    throw new Error('Run through `npm run bench:gateway`, which provides the database.');
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'haven-bench-keys-'));
  const keys = ensureDevKeys(keysDir);
  const common = commonEnv(keysDir);
  const on = serviceSet('on', 14_000, common);
  const off = serviceSet('off', 14_010, common);
  const hive = hiveGateway(common, off.subgraphEnv);
  const all = [...on.subgraphs, on.gateway, ...off.subgraphs, off.gateway, hive];
  try {
    log('migrating');
    await migrate(DATABASE_URL);
    log('starting the subgraphs with the checks on, both gateways and the peer');
    await Promise.all([...on.subgraphs, on.gateway, off.gateway, hive].map((s) => s.start()));

    const endpoints: Endpoints = {
      checksOn: `${on.gateway.origin}/graphql`,
      checksOff: `${off.gateway.origin}/graphql`,
      subgraphs: on.urls,
      hive: `${hive.origin}/graphql`,
    };
    const count = PAGE + WINDOWS - 1;
    log(`registering ${count} beneficiaries with personal details through the gateway`);
    const admin = await mintDevToken(keys, { role: 'admin', subject: 'bench-admin' });
    await registerBeneficiaries(endpoints.checksOn, admin, count);
    log('starting the subgraphs with the checks off');
    await Promise.all(off.subgraphs.map((s) => s.start()));

    const headers = await readerHeaders(keys);
    const windows = await listWindows(endpoints.checksOn, admin, count);
    const paths = measuredPaths(endpoints, windows, headers);
    await checkPaths(paths, endpoints, windows.pages[0]);

    const measurements = await measurePaths(paths, {
      gateways: [on.gateway, off.gateway, hive],
      subgraphs: [...on.subgraphs, ...off.subgraphs],
    });
    reportResults(paths, measurements, common.NODE_ENV);
  } finally {
    await Promise.all(all.map((service) => service.stop()));
    rmSync(keysDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench:gateway failed: ${error.message}`);
  process.exit(1);
});
