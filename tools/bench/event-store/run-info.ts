// What was measured and where: the machine, PostgreSQL's settings, and the code (for the results).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { REPO_ROOT } from './settings';

export async function machineInfo(admin: Pool) {
  const setting = async (name: string) =>
    (await admin.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0].v;
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: {
      version: (await admin.query<{ v: string }>('SELECT version() AS v')).rows[0].v,
      server: process.env.HAVEN_BENCH_SERVER ?? 'unknown',
      fsync: await setting('fsync'),
      synchronous_commit: await setting('synchronous_commit'),
      wal_sync_method: await setting('wal_sync_method'),
      shared_buffers: await setting('shared_buffers'),
      max_connections: await setting('max_connections'),
    },
  };
}

export type MachineInfo = Awaited<ReturnType<typeof machineInfo>>;

/** Which code was measured: the commit, and the files under libs/platform changed since. */
export function codeInfo() {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  // The store's SQL and adapter as they were when measured (the working tree may be uncommitted).
  const sources = createHash('sha256');
  const storeDir = path.join(REPO_ROOT, 'libs/platform/event-store/src');
  for (const file of readdirSync(storeDir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.ts') && !/spec\.ts$/.test(file)) {
      sources.update(file).update(readFileSync(path.join(storeDir, file)));
    }
  }
  const eventStoreSourceSha256 = sources.digest('hex').slice(0, 16);
  try {
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedUnderLibsPlatform: git('status', '--porcelain', '--', 'libs/platform')
        .split('\n')
        .filter(Boolean),
      eventStoreSourceSha256,
    };
  } catch {
    return {
      commit: 'unknown (not a git checkout)',
      uncommittedUnderLibsPlatform: [],
      eventStoreSourceSha256,
    };
  }
}
