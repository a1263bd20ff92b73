// CPU time per request, by role (gateways, subgraphs, PostgreSQL), read from Linux's /proc: the
// machine's other load moves the latencies, not this.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

export type CpuRole = 'gateway' | 'subgraphs' | 'postgres';
export const CPU_ROLES: CpuRole[] = ['gateway', 'subgraphs', 'postgres'];

/** CPU seconds a process has used so far: Linux's /proc only (null elsewhere, or once it ended). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** PostgreSQL's postmaster and its backends (their parent is the postmaster). */
export function postgresPids(postmaster: number): number[] {
  const pids = [postmaster];
  for (const entry of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster)
        pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** The postmaster's process id (the parent of a backend), when it runs on this machine. */
export async function postmasterPid(url: string): Promise<number | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const stat = readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

type CpuSnapshot = Map<number, { role: CpuRole; seconds: number }>;

/**
 * What a slice cost in CPU, by role, whatever else ran on the machine meanwhile: the gateways'
 * processes, the subgraphs' (both sets: the idle ones cost next to nothing) and PostgreSQL's.
 */
export class CpuMeter {
  constructor(private readonly pids: () => Record<CpuRole, number[]>) {}

  snapshot(): CpuSnapshot {
    const snapshot: CpuSnapshot = new Map();
    for (const [role, pids] of Object.entries(this.pids()) as Array<[CpuRole, number[]]>) {
      for (const pid of pids) {
        const seconds = cpuSeconds(pid);
        if (seconds !== null) snapshot.set(pid, { role, seconds });
      }
    }
    return snapshot;
  }

  static since(before: CpuSnapshot, after: CpuSnapshot): Record<CpuRole, number> {
    const used = { gateway: 0, subgraphs: 0, postgres: 0 };
    for (const [pid, { role, seconds }] of after)
      used[role] += seconds - (before.get(pid)?.seconds ?? 0);
    return used;
  }
}
