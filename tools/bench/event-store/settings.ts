// The event store benchmark's settings: the database tools/bench/run.mjs made, the environment's
// knobs (HAVEN_BENCH_SCALE, HAVEN_BENCH_ONLY) and the workload's shape, shared by every figure.
import path from 'node:path';

export const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL;
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');
/** Scales every measuring window (e.g. HAVEN_BENCH_SCALE=0.3 for a quick smoke run). */
export const SCALE = Number(process.env.HAVEN_BENCH_SCALE ?? 1) || 1;
/** Runs only these figures, e.g. HAVEN_BENCH_ONLY=1b,3 (for investigating one figure). */
const ONLY = process.env.HAVEN_BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
export const selected = (id: string) =>
  !ONLY?.length || ONLY.some((o) => id === o || id.startsWith(o));
export const ms = (n: number) => Math.max(200, Math.round(n * SCALE));

export const STREAM_CATEGORY = 'protection_case';
/** Single-event appends open a new stream every this many events. */
export const SINGLE_STREAM_LENGTH = 50;
/** History in both tables before the first figure. */
export const SEED_EVENTS = Math.round(50_000 * SCALE);
export const BATCH_SIZE = 100;
