// The gateway benchmark's settings: the database tools/bench/run.mjs made, the environment's knobs,
// the data's shape and who the measured requests come from.
import type { Principal } from '@haven/platform/security';

export const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
export const DURATION_S = Number(process.env.HAVEN_BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.HAVEN_BENCH_CONNECTIONS ?? 16);
export const ROUNDS = Math.max(1, Number(process.env.HAVEN_BENCH_ROUNDS ?? 2));
export const SLICE_S = Math.min(DURATION_S, Number(process.env.HAVEN_BENCH_SLICE_SECONDS ?? 2));
export const PAGE = 20;
/**
 * Each request asks for one of this many windows of PAGE beneficiaries (window k starts at the
 * k-th), in turn, on every path: no two requests in flight are the same, as with real clients.
 * (One request repeated on every connection would measure Hive Gateway's merging of identical
 * subgraph calls in flight, which Haven's gateway must not do: see docs/adr/0008.)
 */
export const WINDOWS = 64;
export const COUNTRIES = ['TH', 'LA', 'MM'];
export const SECURITY_TARGET = 1.15;

/** Who the measured requests come from: a caseworker who may read personal data, everywhere seeded. */
export const READER: Principal = {
  subject: 'bench-officer',
  role: 'protection_officer',
  countries: COUNTRIES,
  organisationId: 'alliance',
};

const started = Date.now();
export const log = (line: string) =>
  process.stderr.write(`[bench:gateway +${Math.round((Date.now() - started) / 1000)} s] ${line}\n`);
