/**
 * `npm run bench:audit` (tools/bench/run.mjs starts a fresh PostgreSQL database and passes its
 * URL in HAVEN_BENCH_DATABASE_URL). Each figure beside a baseline measured in the same run:
 *
 * 1. Verifying an export of N events (hash chains, Merkle roots, signatures) vs Node's crypto
 *    SHA-256 over the same bytes: the file read line by line and each line hashed once. Target:
 *    ≥ 50%. The verifier is `verifyExportFile` with its default workers (one per core, running
 *    the bundled standalone verifier, as auditors do; their start is timed too); the same in this
 *    thread alone, and the CPU time per event of each (all threads), are printed beside it. (A
 *    single streaming hash over the whole file is printed too, for scale.)
 * 2. Append throughput with the tree follower keeping the tree and signing checkpoints (every
 *    1,000 leaves; in a process of its own, as the audit service runs it) vs without it: 8 pairs
 *    of rounds, off-on then on-off. Target: on ≥ 95% of off.
 * 3. Proof sizes at 1,000 and 1,000,000 leaves: inclusion, consistency (half → full), and the
 *    compact range proof of an export. Target: O(log n), i.e. at most 2·⌈log2 n⌉ hashes.
 * 4. A blue/green rebuild of protection's read models (tools/bench/rebuild-figure.ts, what
 *    `projections:rebuild -- --service protection` runs) vs the projection runner's catch-up from
 *    zero of the same projections over the same log. Target: ≥ 50%.
 *
 * HAVEN_BENCH_AUDIT_EVENTS: events in the exported log (default 1,000,000; e.g. 100000 for a quick
 * run). HAVEN_BENCH_AUDIT_REBUILD_EVENTS: events of the data set protection's read models are
 * rebuilt from (default: as many as HAVEN_BENCH_AUDIT_EVENTS). HAVEN_BENCH_AUDIT_ROUND_SECONDS: seconds per append round (default 10).
 * Results: bench/results/audit-<timestamp>.json and audit-latest.json.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Pool } from 'pg';
import {
  compactRangeProof,
  consistencyProof,
  Ed25519Signer,
  EVENT_STORE_LEAVES,
  defaultWorkers,
  exportEventLog,
  inclusionProof,
  leafHash,
  MemoryTree,
  migrateAudit,
  TreeFollower,
  verifyExportFile,
} from '@haven/platform/audit';
import { migrateEventStore, PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import { rebuildFigure } from './rebuild-figure';

const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL;
const EVENTS = Number(process.env.HAVEN_BENCH_AUDIT_EVENTS ?? 1_000_000);
const REBUILD_EVENTS = Number(process.env.HAVEN_BENCH_AUDIT_REBUILD_EVENTS ?? EVENTS);
// Pairs of append rounds: the machine's noise moves single rounds by several percent.
const APPEND_PAIRS = 8;
const ROUND_MS = Number(process.env.HAVEN_BENCH_AUDIT_ROUND_SECONDS ?? 10) * 1000;
const REPO_ROOT = path.resolve(__dirname, '../..');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

const progress = (line: string) => process.stderr.write(`[bench:audit] ${line}\n`);
const int = (n: number) => Math.round(n).toLocaleString('en-GB');

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineName: string | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  notes?: string[];
}

function event(n: number): NewEvent {
  return {
    type: 'CaseNoteRecorded',
    data: {
      n,
      note: `pii:v1:${createHash('sha256').update(String(n)).digest('base64url')}`,
      country: 'TH',
    },
    metadata: {
      actorId: 'bench',
      role: 'protection_officer',
      organisationId: null,
      correlationId: `c-${n}`,
      causationId: null,
      occurredAt: '2026-12-01T10:00:00.000Z',
    },
  };
}

/** N events in batches of 100, over N/10 streams, by 4 writers. */
async function seed(store: PostgresEventStore, total: number): Promise<void> {
  let next = 0;
  const started = Date.now();
  const writer = async () => {
    for (;;) {
      const first = next;
      next += 100;
      if (first >= total) return;
      const count = Math.min(100, total - first);
      const stream = `benchcase-${Math.floor(first / 10) % Math.max(1, total / 10)}`;
      await store.append(
        stream,
        Array.from({ length: count }, (_, i) => event(first + i)),
        'any',
      );
      if ((first / 100) % 1000 === 0)
        progress(
          `  seeded ${int(first)} events (${int(first / ((Date.now() - started) / 1000 || 1))}/s)`,
        );
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
}

async function verifyFigure(
  pool: Pool,
  signer: Ed25519Signer,
): Promise<{ figure: Figure; wholeFile: number }> {
  const file = path.join(tmpdir(), `haven-audit-bench-${process.pid}.jsonl`);
  progress('exporting the log');
  const out = createWriteStream(file);
  for await (const line of exportEventLog(pool, {
    publicKeyPem: signer.publicKeyPem,
    keyId: signer.keyId,
  })) {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const bytes = statSync(file).size;
  progress(`export: ${int(bytes / 1e6)} MB; timing the verifier and the baselines (3 rounds each)`);
  const lines = async (each: (line: string) => void) => {
    for await (const line of createInterface({
      input: createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    }))
      each(line);
  };
  // Wall time, and CPU time of every thread of this process (workers included).
  const time = async (work: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await work();
    const used = process.cpuUsage(cpu);
    return {
      wall: Number(process.hrtime.bigint() - started) / 1e9,
      cpu: (used.user + used.system) / 1e6,
    };
  };
  // Workers run the standalone verifier, bundled as `npm run audit:bundle-verifier` does: what
  // an auditor runs, and it starts in tens of milliseconds where TypeScript sources need seconds.
  progress('bundling the standalone verifier for the workers');
  execFileSync('npm', ['run', '-s', 'audit:bundle-verifier'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const workerScript = path.join(REPO_ROOT, 'dist', 'haven-audit-verify.cjs');
  const workers = defaultWorkers();
  const verify = (count: number) => async () => {
    const report = await verifyExportFile(file, {
      publicKeyPem: signer.publicKeyPem,
      workers: count,
      workerScript,
    });
    if (!report.ok)
      throw new Error(`the export did not verify: ${JSON.stringify(report.problems[0])}`);
    events = report.events;
  };
  type Run = { wall: number; cpu: number };
  const verifyRuns: Run[] = [];
  const singleRuns: Run[] = [];
  const baseRuns: Run[] = [];
  const wholeRuns: Run[] = [];
  let events = 0;
  for (let round = 0; round < 3; round++) {
    baseRuns.push(await time(() => lines((line) => createHash('sha256').update(line).digest())));
    verifyRuns.push(await time(verify(workers)));
    singleRuns.push(await time(verify(0)));
    wholeRuns.push(
      await time(async () => {
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
        hash.digest();
      }),
    );
  }
  rmSync(file, { force: true });
  const best = (runs: Run[]) => Math.min(...runs.map((r) => r.wall));
  const cpuPerEvent = (runs: Run[]) => (Math.min(...runs.map((r) => r.cpu)) / events) * 1e6;
  const verifyRate = events / best(verifyRuns);
  const singleRate = events / best(singleRuns);
  const baseRate = events / best(baseRuns);
  const ratio = verifyRate / baseRate;
  const µs = (n: number) => n.toFixed(1);
  return {
    figure: {
      name: `verify an export of ${int(events)} events (${int(bytes / 1e6)} MB), ${workers} workers`,
      value: Math.round(verifyRate),
      unit: 'events/s',
      baseline: Math.round(baseRate),
      baselineName: 'SHA-256 of each line of the same file (Node crypto)',
      ratio: Number(ratio.toFixed(3)),
      target: '≥ 0.50',
      pass: ratio >= 0.5,
      notes: [
        `Verifier with ${workers} worker threads (${availableParallelism()} cores): ${int(verifyRate)} events/s, ${µs(cpuPerEvent(verifyRuns))} µs of CPU per event (all threads). In one thread: ${int(singleRate)} events/s (ratio ${(singleRate / baseRate).toFixed(3)}), ${µs(cpuPerEvent(singleRuns))} µs of CPU per event. Baseline: ${µs(cpuPerEvent(baseRuns))} µs of CPU per line. Wall times, best of 3: ${[verifyRuns, singleRuns, baseRuns].map((runs) => runs.map((r) => r.wall.toFixed(2)).join('/')).join(' s; ')} s (workers; one thread; baseline).`,
        `One streaming SHA-256 over the whole file: ${int(bytes / best(wholeRuns) / 1e6)} MB/s, i.e. ${int(events / best(wholeRuns))} events/s (verifier at ${(verifyRate / (events / best(wholeRuns))).toFixed(2)} of it).`,
      ],
    },
    wholeFile: events / best(wholeRuns),
  };
}

/** Appends by 8 writers of single events for `ms`; returns events/s. */
async function appendRound(store: PostgresEventStore, ms: number, offset: number): Promise<number> {
  const until = Date.now() + ms;
  let appended = 0;
  const writer = async (w: number) => {
    for (let i = 0; Date.now() < until; i++) {
      await store.append(`benchload-${offset}-${w}-${i % 50}`, [event(i)], 'any');
      appended++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  return appended / ((Date.now() - started) / 1000);
}

async function appendFigure(
  pool: Pool,
  store: PostgresEventStore,
  privateKeyPem: string,
): Promise<Figure> {
  const treeSize = async () => {
    const { rows } = await pool.query<{ size: string }>(
      `SELECT size FROM audit.tree_state WHERE log = 'event_store'`,
    );
    return Number(rows[0]?.size ?? 0);
  };
  const off: number[] = [];
  const on: number[] = [];
  const timedRound = async (round: number, tree: boolean, slot: number) => {
    progress(`append round ${round + 1}/${APPEND_PAIRS}: tree ${tree ? 'on' : 'off'}`);
    if (!tree) return off.push(await appendRound(store, ROUND_MS, slot));
    // The follower runs in a process of its own, as the audit service runs it (audit-follower.ts).
    const follower = spawn(
      process.execPath,
      ['-r', require.resolve('@swc-node/register'), path.join(__dirname, 'audit-follower.ts')],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, HAVEN_BENCH_AUDIT_KEY: privateKeyPem },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = once(follower, 'exit');
    let ready = false;
    for await (const line of createInterface({ input: follower.stdout })) {
      if ((ready = line === 'ready')) break;
    }
    if (!ready) throw new Error(`the tree follower's process ended before it was ready`);
    const before = await treeSize();
    on.push(await appendRound(store, ROUND_MS, slot));
    follower.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    if (code !== 0) throw new Error(`the tree follower's process ended with code ${code}`);
    if ((await treeSize()) <= before) throw new Error('the tree follower kept no leaves');
  };
  // Off, on, on, off, ...: appends slow down as the log grows, and this order gives neither
  // side the earlier rounds.
  for (let round = 0; round < APPEND_PAIRS; round++) {
    const order = round % 2 ? [true, false] : [false, true];
    for (const [i, tree] of order.entries()) await timedRound(round, tree, round * 2 + i);
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    return Number.isInteger(middle)
      ? (sorted[middle - 1] + sorted[middle]) / 2
      : sorted[Math.floor(middle)];
  };
  const ratio = median(on) / median(off);
  return {
    name: 'append throughput, 8 writers of single events, tree and checkpoints on',
    value: Math.round(median(on)),
    unit: 'events/s',
    baseline: Math.round(median(off)),
    baselineName: 'the same, tree follower off',
    ratio: Number(ratio.toFixed(3)),
    target: '≥ 0.95',
    pass: ratio >= 0.95,
    notes: [
      `Rounds of ${ROUND_MS / 1000} s, in the order off, on, on, off, off, on, …; medians of ${APPEND_PAIRS}. Off: ${off.map(int).join(', ')}; on: ${on.map(int).join(', ')}.`,
    ],
  };
}

function proofFigures(): Figure[] {
  const figures: Figure[] = [];
  for (const n of [1_000, 1_000_000]) {
    const tree = new MemoryTree();
    for (let i = 0; i < n; i++) tree.append(leafHash(Buffer.from(String(i))));
    const bound = 2 * Math.ceil(Math.log2(n));
    const inclusion = Math.max(
      ...[0, Math.floor(n / 3), n - 1].map((i) => inclusionProof(i, n, tree).length),
    );
    const consistency = consistencyProof(Math.floor(n / 2) + 1, n, tree).length;
    const range = compactRangeProof(Math.floor(n / 3), Math.floor(n / 3) + 100, n, tree);
    const rangeHashes = range.left.length + range.right.length;
    for (const [kind, hashes] of [
      ['inclusion proof', inclusion],
      ['consistency proof (n/2+1 → n)', consistency],
      ['range proof of 100 events', rangeHashes],
    ] as const) {
      figures.push({
        name: `${kind} at ${int(n)} leaves`,
        value: hashes,
        unit: `hashes (${hashes * 32} bytes)`,
        baseline: Math.ceil(Math.log2(n)),
        baselineName: '⌈log2 n⌉',
        ratio: Number((hashes / Math.ceil(Math.log2(n))).toFixed(2)),
        target: `≤ ${bound} hashes`,
        pass: hashes <= bound,
      });
    }
  }
  return figures;
}

async function main(): Promise<void> {
  if (!DATABASE_URL)
    throw new Error('HAVEN_BENCH_DATABASE_URL is not set: run this through `npm run bench:audit`.');
  const startedAt = new Date();
  await migrateEventStore(DATABASE_URL);
  await migrateAudit(DATABASE_URL);
  const pool = new Pool({ connectionString: DATABASE_URL, max: 4 });
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, poolSize: 16 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = new Ed25519Signer(privateKey);
  const figures: Figure[] = [];
  try {
    progress(`proof sizes at 1,000 and 1,000,000 leaves`);
    figures.push(...proofFigures());
    progress(`seeding ${int(EVENTS)} events`);
    await seed(store, EVENTS);
    progress('building the tree over them');
    const follower = new TreeFollower(pool, EVENT_STORE_LEAVES, signer, {
      checkpointEveryLeaves: 100_000,
    });
    const treeStarted = Date.now();
    await follower.catchUp();
    await follower.stop();
    const treeRate = EVENTS / ((Date.now() - treeStarted) / 1000);
    progress(`tree built at ${int(treeRate)} leaves/s`);
    figures.push((await verifyFigure(pool, signer)).figure);
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    figures.push(await appendFigure(pool, store, pem));
    const rebuilt = await rebuildFigure(DATABASE_URL, pool, REBUILD_EVENTS, progress);
    const rebuildRatio = rebuilt.rebuild / rebuilt.baseline;
    figures.push({
      name: `blue/green rebuild of protection's read models from ${int(rebuilt.events)} events`,
      value: Math.round(rebuilt.rebuild),
      unit: 'events/s',
      baseline: Math.round(rebuilt.baseline),
      baselineName: 'the projection runner catching up from zero, same projections',
      ratio: Number(rebuildRatio.toFixed(3)),
      target: '≥ 0.50',
      pass: rebuildRatio >= 0.5,
      notes: [
        `Rebuild rounds: ${rebuilt.rounds.map((r) => `${r.side} ${int(r.eventsPerSecond)}/s`).join(', ')}, over protection's ${rebuilt.perProjection.length} projections, one after the other, reading a log of every programme's events (the report benchmark's data set) appended for the figure.`,
        `Last rebuild, by projection: ${rebuilt.perProjection.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(', ')}. Rows rebuilt: ${Object.entries(
          rebuilt.rows,
        )
          .map(([table, n]) => `${table} ${int(n)}`)
          .join(', ')}.`,
      ],
    });
    const width = Math.max(...figures.map((f) => f.name.length));
    const table = figures
      .map(
        (f) =>
          `${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit}` +
          (f.baseline != null ? `  vs ${f.baseline} (${f.baselineName})  ratio ${f.ratio}` : '') +
          `  target ${f.target}: ${f.pass == null ? 'n/a' : f.pass ? 'met' : 'MISSED'}`,
      )
      .join('\n');
    const notes = [
      `Tree built from scratch over ${int(EVENTS)} events at ${int(treeRate)} leaves/s.`,
      ...figures.flatMap((f) => f.notes ?? []),
    ];
    process.stdout.write(
      `\nAudit benchmark (${cpus().length} CPUs, Node ${process.versions.node})\n\n${table}\n\n${notes.map((n) => `* ${n}`).join('\n')}\n\n`,
    );
    const finishedAt = new Date();
    const report = {
      benchmark: 'audit',
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      events: EVENTS,
      cpus: cpus().length,
      node: process.versions.node,
      figures,
      notes,
      table,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    const json = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(path.join(RESULTS_DIR, `audit-${stamp}.json`), json);
    writeFileSync(path.join(RESULTS_DIR, 'audit-latest.json'), json);
    progress(`done in ${report.durationSeconds} s; results in bench/results/audit-${stamp}.json`);
  } finally {
    await store.close();
    await pool.end();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
