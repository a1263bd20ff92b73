// `npm start`: the whole system on one machine, with no setup. It starts PostgreSQL (embedded,
// data kept in .data/postgres; or DATABASE_URL), applies the migrations, then runs each service
// as its own process with prefixed logs, restarting one that crashes. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startDatabase } from './postgres/database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE = 'haven';
/** The services `npm start` runs: { name, script }. They arrive with the federated services. */
const SERVICES = [];

const log = (source, line) => process.stdout.write(`[${source}] ${line}\n`);
const children = new Map();
let shuttingDown = false;

async function main() {
  const started = Date.now();
  const server = await startDatabase({ persistent: true, name: 'postgres' });
  const databaseUrl = process.env.DATABASE_URL ?? server.urlFor(DATABASE);
  if (server.embedded) {
    await ensureDatabase(server.url, DATABASE);
    log(
      'postgres',
      `embedded PostgreSQL on ${new URL(server.url).host}, data in ${path.relative(root, server.dataDir)}`,
    );
  } else {
    log('postgres', `using DATABASE_URL (${new URL(databaseUrl).host})`);
  }

  await run('migrate', ['-r', '@swc-node/register', 'tools/migrate.ts'], {
    DATABASE_URL: databaseUrl,
  });

  for (const service of SERVICES) supervise(service, databaseUrl);
  const onSignal = (signal) => stop(signal, server);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  log('haven', `ready in ${Date.now() - started} ms. Database: ${redact(databaseUrl)}`);
  log(
    'haven',
    SERVICES.length
      ? 'services are starting'
      : 'no services yet: the event store and its database are ready',
  );
  log('haven', 'press Ctrl-C to stop');
  // Keep running until a signal arrives, even with no child processes.
  setInterval(() => {}, 1 << 30);
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function run(name, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefix(child, name);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} exited with code ${code}`)),
    );
  });
}

function supervise(service, databaseUrl, restarts = 0) {
  if (shuttingDown) return;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', service.script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  prefix(child, service.name);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (shuttingDown) return;
    const delay = Math.min(1000 * 2 ** restarts, 15_000);
    log(
      'haven',
      `${service.name} stopped (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
    );
    setTimeout(() => supervise(service, databaseUrl, restarts + 1), delay);
  });
}

function prefix(child, name) {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) log(name, line);
    });
  }
}

async function stop(signal, server) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('haven', `${signal}: stopping`);
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await server.stop();
  log('haven', 'stopped');
  process.exit(0);
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

main().catch((error) => {
  process.stderr.write(`\nHaven did not start: ${error.message}\n`);
  process.exit(1);
});
