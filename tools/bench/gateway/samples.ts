// A path's responses over its slices, and the figures made of them.
import { cannon, type Case } from './load';
import { CPU_ROLES, CpuMeter, type CpuRole } from './cpu';

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time per answered request, by role (see CpuMeter). */
  cpuMsPerRequest: Record<CpuRole | 'total', number>;
}

/** The responses of one path, over all its slices (or those of one round). */
export class Samples {
  readonly latencies: number[] = [];
  seconds = 0;
  errors = 0;
  readonly cpu: Record<CpuRole, number> = { gateway: 0, subgraphs: 0, postgres: 0 };

  add(other: Samples): this {
    this.latencies.push(...other.latencies);
    this.seconds += other.seconds;
    this.errors += other.errors;
    for (const role of CPU_ROLES) this.cpu[role] += other.cpu[role];
    return this;
  }

  figures(): Measured {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    // Nearest rank.
    const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
    const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;
    const perRequest = (seconds: number) => round((seconds * 1000) / sorted.length, 2);
    return {
      requestsPerSecond: round(sorted.length / this.seconds),
      p50: round(at(0.5)),
      p99: round(at(0.99)),
      errors: this.errors,
      cpuMsPerRequest: {
        gateway: perRequest(this.cpu.gateway),
        subgraphs: perRequest(this.cpu.subgraphs),
        postgres: perRequest(this.cpu.postgres),
        total: perRequest(this.cpu.gateway + this.cpu.subgraphs + this.cpu.postgres),
      },
    };
  }
}

/** One slice of load on a path, its responses and CPU added to `into`. */
export async function slice(
  c: Case,
  seconds: number,
  into: Samples,
  meter: CpuMeter,
): Promise<void> {
  const before = meter.snapshot();
  const result = await cannon(c, seconds, (ms) => into.latencies.push(ms));
  const used = CpuMeter.since(before, meter.snapshot());
  into.seconds += seconds;
  into.errors += result.errors + result.non2xx + result.timeouts;
  for (const role of CPU_ROLES) into.cpu[role] += used[role];
}
