/**
 * `npm run bench:start`: how long a cold `npm start` takes before the gateway answers.
 *
 * Each run is a first start: a fresh PostgreSQL data folder (initdb included), fresh keys and a
 * fresh database, migrations, five subgraphs and the gateway, exactly as `npm start` does it
 * (tools/start.mjs, in a process of its own). Measured from the moment start.mjs is spawned:
 *   - the gateway answers (`/health/live`: the URL `npm start` prints works);
 *   - a federated query answers through it with every subgraph's field (`*Status` of all five).
 * Baseline, in the same run: a fresh embedded PostgreSQL alone (initdb and start), the floor
 * that every cold start pays. Target: the gateway answers within 20 s.
 *
 * Needs the ports of `npm start` (4000–4005) free. HAVEN_BENCH_RUNS (2): cold starts measured.
 * Results: bench/results/start-<timestamp>.json and start-latest.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startDatabase } from '../postgres/database.mjs';
import { GATEWAY as REGISTERED_GATEWAY, SUBGRAPHS as REGISTERED_SUBGRAPHS } from '../services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const RESULTS_DIR = path.join(ROOT, 'bench/results');
const RUNS = Math.max(1, Number(process.env.HAVEN_BENCH_RUNS ?? 2));
const TARGET_S = 20;
const GIVE_UP_MS = 90_000;
const GATEWAY = `http://127.0.0.1:${REGISTERED_GATEWAY.port}`;
const SUBGRAPHS = REGISTERED_SUBGRAPHS.map((subgraph) => subgraph.name);
const QUERY = `{ ${SUBGRAPHS.map((name) => `${name}Status { service }`).join(' ')} }`;

const started = performance.now();
const progress = (line) =>
  process.stderr.write(
    `[bench +${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}\n`,
  );
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh embedded PostgreSQL, started and stopped: seconds until it accepts connections. */
async function postgresAlone(dataDir) {
  const t0 = performance.now();
  const server = await startDatabase({ dataDir, persistent: true });
  const seconds = (performance.now() - t0) / 1000;
  await server.stop();
  return seconds;
}

async function answers(url, init) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  } catch {
    return null;
  }
}

/** Runs `npm start`'s supervisor on a fresh data folder and keys, and times it. */
async function coldStart(run, scratch) {
  const keysDir = path.join(scratch, `keys-${run}`);
  // A token from this run's development issuer (its keys are made here, before the start).
  const token = execFileSync(
    process.execPath,
    ['-r', require.resolve('@swc-node/register'), 'tools/token.ts', '--role', 'admin'],
    {
      cwd: ROOT,
      env: { ...process.env, HAVEN_KEYS_DIR: keysDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ).trim();
  const postgresName = path.relative(path.join(ROOT, '.data'), path.join(scratch, `pg-${run}`));
  const env = {
    ...process.env,
    HAVEN_KEYS_DIR: keysDir,
    HAVEN_POSTGRES_NAME: postgresName,
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL; // cold means the embedded PostgreSQL, made from nothing
  const output = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, ['tools/start.mjs'], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const remember = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const fail = (why) =>
    new Error(`${why}\n--- npm start's last output ---\n${output.join('').slice(-4000)}`);

  try {
    let gatewayAnswersS = NaN;
    let federatedQueryS = NaN;
    while (performance.now() - t0 < GIVE_UP_MS) {
      if (child.exitCode !== null) throw fail(`npm start exited (code ${child.exitCode})`);
      if (Number.isNaN(gatewayAnswersS)) {
        const live = await answers(`${GATEWAY}/health/live`);
        if (live?.ok) {
          gatewayAnswersS = (performance.now() - t0) / 1000;
          progress(`run ${run}: the gateway answers after ${gatewayAnswersS.toFixed(1)} s`);
        }
      } else {
        const response = await answers(`${GATEWAY}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = await response?.json().catch(() => null);
        if (body?.data && !body.errors && SUBGRAPHS.every((s) => body.data?.[`${s}Status`])) {
          federatedQueryS = (performance.now() - t0) / 1000;
          progress(
            `run ${run}: a query over all five subgraphs answers after ${federatedQueryS.toFixed(1)} s`,
          );
          break;
        }
      }
      await sleep(100);
    }
    if (Number.isNaN(federatedQueryS))
      throw fail(`the system did not answer within ${GIVE_UP_MS / 1000} s`);
    const stopping = performance.now();
    child.kill('SIGINT');
    const code = await Promise.race([exited, sleep(30_000).then(() => 'timeout')]);
    if (code === 'timeout') throw fail('npm start did not stop within 30 s of Ctrl-C');
    return { gatewayAnswersS, federatedQueryS, stopS: (performance.now() - stopping) / 1000 };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

async function main() {
  const dataRoot = path.join(ROOT, '.data/tmp');
  mkdirSync(dataRoot, { recursive: true });
  const scratch = mkdtempSync(path.join(dataRoot, 'bench-start-'));
  chmodSync(scratch, 0o755); // PostgreSQL, run as its own OS user under root, must enter it
  try {
    progress(`${RUNS} cold start(s) of npm start, each on a fresh data folder and fresh keys`);
    const baselines = [];
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const baseline = await postgresAlone(path.join(scratch, `baseline-${run}`));
      baselines.push(baseline);
      progress(
        `run ${run}: a fresh PostgreSQL alone accepts connections after ${baseline.toFixed(1)} s`,
      );
      runs.push(await coldStart(run, scratch));
    }
    const worst = (pick) => Math.max(...runs.map(pick));
    const baseline = Math.max(...baselines);
    const gateway = worst((r) => r.gatewayAnswersS);
    const federated = worst((r) => r.federatedQueryS);
    const figures = [
      { figure: 'cold npm start: the gateway answers', seconds: gateway, target: TARGET_S },
      { figure: 'cold npm start: a query over all five subgraphs answers', seconds: federated },
      { figure: 'baseline: a fresh embedded PostgreSQL alone', seconds: baseline },
    ];
    const rows = figures.map((f) => [
      f.figure,
      `${f.seconds.toFixed(1)} s`,
      f.figure.startsWith('baseline') ? '' : `${(f.seconds / baseline).toFixed(1)}× baseline`,
      f.target ? `≤ ${f.target} s: ${f.seconds <= f.target ? 'PASS' : 'MISS'}` : '',
    ]);
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    process.stdout.write(
      `\nCold start (${os.cpus().length} CPUs, worst of ${RUNS} run(s))\n\n` +
        rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n') +
        '\n\n',
    );
    const result = {
      benchmark: 'start',
      date: new Date().toISOString(),
      cpus: os.cpus().length,
      runs,
      baselinesS: baselines,
      gatewayAnswersS: gateway,
      federatedQueryS: federated,
      target: { gatewayAnswersS: TARGET_S, pass: gateway <= TARGET_S },
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const stamp = result.date.replace(/[:.]/g, '-');
    writeFileSync(path.join(RESULTS_DIR, `start-${stamp}.json`), JSON.stringify(result, null, 2));
    writeFileSync(path.join(RESULTS_DIR, 'start-latest.json'), JSON.stringify(result, null, 2));
    progress(`results in bench/results/start-${stamp}.json`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
