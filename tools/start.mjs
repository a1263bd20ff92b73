// `npm start`: the whole system on one machine, with no setup. It starts PostgreSQL (embedded,
// data kept in .data/postgres; or DATABASE_URL), applies the migrations, then runs the five
// subgraphs and the gateway (tools/services.json) each as its own process, with prefixed logs,
// restarting one that crashes. Ctrl-C stops the services first, then PostgreSQL.
//
// Process layout, and why:
// - PostgreSQL runs under tools/postgres/serve.mjs and every service in a process group of its
//   own (`detached`), so Ctrl-C in the terminal reaches only this supervisor, which stops them in
//   order. (Otherwise each would get the terminal's SIGINT at once: PostgreSQL would shut down
//   under the services, and a Nest app that is already closing dies on a second signal.)
// - If this process dies without stopping them, their stdin pipes close and they stop themselves
//   (tools/supervisor/exit-with-parent.cjs; serve.mjs watches its stdin too): no orphans.
// - package.json runs this file with `exec`, so that `kill -INT <npm's pid>` reaches it: npm
//   forwards signals to its child, and without `exec` that child is a `sh -c` that swallows them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from './postgres/database.mjs';
import { startAnalyticsFeed } from './kafka/feed.mjs';
import { GATEWAY, SUBGRAPHS } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE = 'haven';
const STOP_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;
const STABLE_AFTER_MS = 30_000;
const FORCE_AFTER_MS = 2_000;
/** Everything `npm start` runs: the subgraphs, then the gateway. */
const SERVICES = [...SUBGRAPHS, GATEWAY];
const exitWithParent = path.join(root, 'tools/supervisor/exit-with-parent.cjs');
// HAVEN_LOG_FORMAT: `quiet` (the default: warnings, errors and one line per service state
// change), `full` (every line, readable) or `json` (the services' JSON lines as they are).
const LOG_FORMAT = process.env.HAVEN_LOG_FORMAT ?? 'quiet';
const rawLogs = LOG_FORMAT === 'json';
const quiet = LOG_FORMAT === 'quiet';

const log = (source, line) => process.stdout.write(`[${source}] ${line}\n`);
const children = new Map();
let database;
/** The analysts' feed: resolves with the Kafka broker (or KAFKA_BROKERS), or null when off. */
let feed = Promise.resolve(null);
let shuttingDown = false;
let stopRequestedAt = 0;

async function main() {
  const onSignal = (signal) => stop(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

  const services = SERVICES.filter((service) => {
    if (existsSync(path.join(root, service.main))) return true;
    log('haven', `${service.name}: ${service.main} does not exist yet, not started`);
    return false;
  });
  await checkPortsFree(services);

  // PostgreSQL and the gateway (which needs no database) start at once.
  database = startPostgres();
  // The broker's JVM starts while PostgreSQL and the services do.
  feed = startAnalyticsFeed({ root, log: (line) => log('kafka', line) });
  const gateway = services.find((service) => service.name === GATEWAY.name);
  const gatewayUrl = gateway && `http://127.0.0.1:${gateway.port}/`;
  if (gateway) {
    supervise(gateway, {});
    void waitLive(gateway).then((live) => {
      if (live) announce(gatewayUrl);
      else if (!shuttingDown)
        log('haven', `the gateway did not answer within ${START_TIMEOUT_MS / 1000} s`);
    });
  }
  const server = await database.ready;
  if (shuttingDown) return;
  const databaseUrl = process.env.DATABASE_URL ?? urlFor(server.url, DATABASE);
  if (server.embedded) {
    await ensureDatabase(server.url, DATABASE);
    log(
      'postgres',
      `embedded PostgreSQL on ${new URL(server.url).host}, data in ${path.relative(root, server.dataDir)}`,
    );
  } else {
    log('postgres', `using DATABASE_URL (${new URL(databaseUrl).host})`);
  }
  log('haven', `database ready after ${seconds()} (${redact(databaseUrl)})`);

  await run('migrate', ['-r', '@swc-node/register', 'tools/migrate.ts'], {
    DATABASE_URL: databaseUrl,
  });
  if (shuttingDown) return;

  const subgraphs = services.filter((service) => service !== gateway);
  for (const service of subgraphs) supervise(service, { DATABASE_URL: databaseUrl });
  log('haven', `starting ${subgraphs.map((service) => service.name).join(', ')}`);
  void feed.then((started) => {
    if (started && !shuttingDown)
      supervise(started.relay, { DATABASE_URL: databaseUrl, ...started.env });
  });
  const live = await Promise.all(subgraphs.map((service) => waitLive(service)));
  if (shuttingDown) return;
  const down = subgraphs.filter((_, index) => !live[index]).map((service) => service.name);
  log(
    'haven',
    down.length
      ? `not answering after ${START_TIMEOUT_MS / 1000} s: ${down.join(', ')} (their fields answer with SERVICE_UNAVAILABLE)`
      : `all ${subgraphs.length} subgraphs answer after ${seconds()}: Haven is ready${gatewayUrl ? ` at ${gatewayUrl}` : ''}. Ctrl-C stops it.`,
  );
}

/** The banner with the gateway's URLs, printed as soon as the gateway answers. */
function announce(url) {
  const lines = [
    `Haven's gateway answers after ${seconds()} (services still starting answer with an error).`,
    `  GraphQL IDE:  ${url}`,
    `  GraphQL API:  ${url}graphql`,
    `  Health:       ${url}health/ready`,
    `  A token:      npm run token -- --role admin   (IDE: Headers tab, {"Authorization": "Bearer <token>"})`,
  ];
  const width = Math.max(...lines.map((line) => line.length));
  log('haven', '─'.repeat(width));
  for (const line of lines) log('haven', line);
  log('haven', '─'.repeat(width));
}

/** Starts tools/postgres/serve.mjs in its own process group; `ready` resolves with its server. */
function startPostgres() {
  const child = spawn(process.execPath, ['tools/postgres/serve.mjs'], {
    cwd: root,
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  const ready = new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      child.stdout.off('data', onData);
      const message = JSON.parse(buffered.slice(0, newline));
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited early (code ${code})`)));
  });
  prefix(child.stderr, 'postgres');
  return {
    ready,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end(); // serve.mjs stops PostgreSQL and exits when its stdin closes
      const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function run(name, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefix(child.stdout, name);
    prefix(child.stderr, name);
    child.on('close', (code) =>
      code === 0 || shuttingDown
        ? resolve()
        : reject(new Error(`${name} exited with code ${code}`)),
    );
  });
}

function supervise(service, env, restarts = 0) {
  if (shuttingDown) return;
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', exitWithParent, service.main],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        APOLLO_TELEMETRY_DISABLED: '1',
        ...env,
        PORT: String(service.port),
      },
      // stdin stays open: its end tells the service that this supervisor is gone.
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.set(service.name, child);
  prefix(child.stdout, service.name);
  prefix(child.stderr, service.name);
  child.on('close', (code, signal) => {
    children.delete(service.name);
    if (shuttingDown) return;
    // A service that ran for a while before crashing starts over with a short delay.
    const attempt = Date.now() - started > STABLE_AFTER_MS ? 0 : restarts;
    const delay = Math.min(1000 * 2 ** attempt, 15_000);
    log(
      'haven',
      `${service.name} stopped (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
    );
    setTimeout(() => supervise(service, env, attempt + 1), delay);
  });
}

/** Polls a service's /health/live until it answers (true) or START_TIMEOUT_MS pass (false). */
async function waitLive(service) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!shuttingDown && Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health/live`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function checkPortsFree(services) {
  for (const service of services) {
    await new Promise((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', (error) =>
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `port ${service.port} (${service.name}) is already in use: is another \`npm start\` running?`
              : `cannot listen on port ${service.port} (${service.name}): ${error.message}`,
          ),
        ),
      );
      probe.listen(service.port, '127.0.0.1', () => probe.close(resolve));
    });
  }
}

function prefix(stream, name) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) {
      if (rawLogs) log(name, line);
      else if (!quiet || !routine(line)) log(name, readable(line));
    }
  });
}

// What a service logs as it starts, in quiet mode left out: Nest wiring its modules and routes.
const ROUTINE_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

/** An info line that says nothing about a service's state (quiet mode leaves it out). */
function routine(line) {
  if (!line.startsWith('{')) return /^\s/.test(line); // a continuation of a multi-line entry
  try {
    const { level, context, msg, res } = JSON.parse(line);
    if (typeof level === 'number' && level >= 40) return false;
    // A request served (pino-http's line per request: a seed makes thousands).
    if (res !== undefined || msg === 'request completed') return true;
    return ROUTINE_CONTEXTS.has(context) || /successfully loaded schema/.test(msg ?? '');
  } catch {
    return false;
  }
}

/** A pino JSON line as `level message key=value …` (HAVEN_LOG_FORMAT=json keeps the JSON). */
function readable(line) {
  if (!line.startsWith('{')) return line;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const { level, msg, time, pid: _pid, hostname: _host, service: _service, ...rest } = entry;
  const label = typeof level === 'number' ? (PINO_LEVELS[level] ?? level) : level;
  const at = typeof time === 'number' ? new Date(time).toISOString().slice(11, 19) : undefined;
  const fields = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [at, label, msg, ...fields].filter((part) => part !== undefined).join(' ');
}
const PINO_LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

async function stop(signal) {
  if (shuttingDown) {
    // Ctrl-C in a terminal signals npm and this process at once, and npm forwards its signal
    // too: a second signal within a moment is the same Ctrl-C. A later one means "hurry".
    if (Date.now() - stopRequestedAt < FORCE_AFTER_MS) return;
    log('haven', `${signal} again: killing the services that are still stopping`);
    for (const child of children.values()) child.kill('SIGKILL');
    return;
  }
  stopRequestedAt = Date.now();
  log('haven', `${signal}: stopping the services, then PostgreSQL (Ctrl-C again to hurry)`);
  await shutdown();
  log('haven', 'stopped');
  process.exit(0);
}

/** Stops the services (SIGTERM, SIGKILL after STOP_TIMEOUT_MS), then PostgreSQL. */
async function shutdown() {
  shuttingDown = true;
  await Promise.all(
    [...children.entries()].map(
      ([name, child]) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            log('haven', `${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
            child.kill('SIGKILL');
          }, STOP_TIMEOUT_MS);
          child.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await Promise.all([database?.stop(), feed.then((started) => started?.stop())]);
}

function urlFor(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function seconds() {
  return `${process.uptime().toFixed(1)} s`;
}

main().catch(async (error) => {
  if (shuttingDown) return; // a signal arrived while starting: stop() finishes the job
  process.stderr.write(`\nHaven did not start: ${error.message}\n`);
  await shutdown().catch(() => {});
  process.exit(1);
});
