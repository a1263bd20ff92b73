// What was measured and where: the machine, PostgreSQL, and the commit (for the results).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { Pool } from 'pg';
import { REPO_ROOT } from './settings';

export async function machineInfo(sql: Pool) {
  const cpus = os.cpus();
  const value = async (query: string) => (await sql.query<{ v: string }>(query)).rows[0].v;
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    postgres: {
      version: (await value('SELECT version() AS v')).split(' on ')[0],
      server: process.env.HAVEN_BENCH_SERVER ?? 'unknown',
      fsync: await value(`SELECT current_setting('fsync') AS v`),
    },
  };
}

export type MachineInfo = Awaited<ReturnType<typeof machineInfo>>;

export function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
