// The flow benchmark's settings: the database tools/bench/run.mjs made, the environment's knobs
// (HAVEN_BENCH_FLOW_*), the target, and progress lines on stderr.
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL;
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number.`);
  return value;
}
export const CONCURRENT_N = setting('HAVEN_BENCH_FLOW_N', 200);
export const CONCURRENCY = Math.max(1, setting('HAVEN_BENCH_FLOW_CONCURRENCY', 4));
export const SEQUENTIAL_N = setting('HAVEN_BENCH_FLOW_SEQUENTIAL', 50);
export const WARMUP_N = setting('HAVEN_BENCH_FLOW_WARMUP', 10);
export const TIMEOUT_MS = setting('HAVEN_BENCH_FLOW_TIMEOUT_MS', 10_000);
export const SERVICES = process.env.HAVEN_BENCH_FLOW_SERVICES?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
export const POLL_MS = 10;
export const TARGET_P99_MS = 1000;
export const COUNTRIES = ['TH', 'LA', 'MM'] as const;

const benchStarted = performance.now();
export function progress(line: string): void {
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench:flow +${seconds}s] ${line}\n`);
}
