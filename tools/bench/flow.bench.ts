/**
 * `npm run bench:flow`: how soon after a network coordinator refers a case notification does
 * protection show the case it opens? Target: within 1 s at p99, through the gateway.
 *
 * The whole system runs as `npm start` runs it (startSystem: the subgraphs and the gateway as
 * processes, on the fresh database tools/bench/run.mjs provides). For each notification a
 * watchdog submits, a coordinator validates and refers; from the moment `referCaseNotification`
 * returns (the referral is committed), two pollers run side by side every ~10 ms until the case
 * is there: `protectionCaseForNotification` through the gateway as a protection officer, and a
 * SELECT on protection's read model (`protection.protection_cases` by source notification).
 *
 * Baseline, interleaved with the referrals in the same run: a plain read-your-write in the same
 * system, `registerBeneficiary` (it returns once protection's own read model shows the row),
 * timed from the moment it is sent until it returns with the row, and until the row is in
 * `protection.beneficiaries` (the same SQL poller). The referral's way is longer: networks
 * appends, protection's case opener follows the log and appends the opening, protection's
 * projection writes the row. For context, also: the referral's own round trip (it returns once
 * networks' read model shows it, so protection has often opened the case by then), and the whole
 * way from the referral sent to the case row.
 *
 * Two runs: one notification at a time, then HAVEN_BENCH_FLOW_N at HAVEN_BENCH_FLOW_CONCURRENCY.
 * Environment: HAVEN_BENCH_FLOW_N (200), HAVEN_BENCH_FLOW_CONCURRENCY (4),
 * HAVEN_BENCH_FLOW_SEQUENTIAL (50), HAVEN_BENCH_FLOW_WARMUP (10),
 * HAVEN_BENCH_FLOW_TIMEOUT_MS (10000: a case not there by then counts as never),
 * HAVEN_BENCH_FLOW_SERVICES (e.g. networks,protection; all five by default).
 * Results: bench/results/flow.json and flow-<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  migrate,
  startSystem,
  SUBGRAPHS,
  type System,
} from '../../apps/gateway/src/testing/system';

const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL;
const REPO_ROOT = path.resolve(__dirname, '../..');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number.`);
  return value;
}
const CONCURRENT_N = setting('HAVEN_BENCH_FLOW_N', 200);
const CONCURRENCY = Math.max(1, setting('HAVEN_BENCH_FLOW_CONCURRENCY', 4));
const SEQUENTIAL_N = setting('HAVEN_BENCH_FLOW_SEQUENTIAL', 50);
const WARMUP_N = setting('HAVEN_BENCH_FLOW_WARMUP', 10);
const TIMEOUT_MS = setting('HAVEN_BENCH_FLOW_TIMEOUT_MS', 10_000);
const SERVICES = process.env.HAVEN_BENCH_FLOW_SERVICES?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const POLL_MS = 10;
const TARGET_P99_MS = 1000;
const COUNTRIES = ['TH', 'LA', 'MM'] as const;
const PROVINCES: Record<(typeof COUNTRIES)[number], string> = {
  TH: 'Chiang Rai',
  LA: 'Bokeo',
  MM: 'Shan State',
};

const benchStarted = performance.now();
function progress(line: string): void {
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench:flow +${seconds}s] ${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------------------------
// Talking to Haven

class Client {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async request<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Data;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length || !body.data) {
      const [first] = body.errors ?? [];
      throw new Error(
        `HTTP ${response.status}: ${first?.extensions?.code ?? 'ERROR'}: ${first?.message ?? 'no data'}`,
      );
    }
    return body.data;
  }
}

const SUBMIT = `mutation Submit($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId status }
}`;
const VALIDATE = `mutation Validate($id: ID!) {
  validateCaseNotification(input: { notificationId: $id }) { status }
}`;
const REFER = `mutation Refer($id: ID!) {
  referCaseNotification(input: { notificationId: $id }) { status }
}`;
const CASE_FOR_NOTIFICATION = `query CaseFor($id: ID!) {
  protectionCaseForNotification(notificationId: $id) { id }
}`;
const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId beneficiary { id } }
}`;

interface Actors {
  watchdog: Client;
  coordinator: Client;
  officer: Client;
  sql: Pool;
}

/**
 * Calls `found` every POLL_MS (start to start; at once again when a call took longer) until it
 * answers true: the milliseconds from `since` to that answer, or null after TIMEOUT_MS.
 */
async function pollUntil(
  since: number,
  found: () => Promise<boolean>,
): Promise<{ ms: number | null; polls: number }> {
  let polls = 0;
  for (;;) {
    const started = performance.now();
    polls++;
    if (await found()) return { ms: performance.now() - since, polls };
    if (performance.now() - since > TIMEOUT_MS) return { ms: null, polls };
    await sleep(Math.max(0, POLL_MS - (performance.now() - started)));
  }
}

interface ReferralSample {
  /** Referral returned → the gateway returns the case. */
  gateway: number | null;
  gatewayPolls: number;
  /** Referral returned → the row is in protection.protection_cases. */
  sql: number | null;
  sqlPolls: number;
  /** The referral mutation itself, sent → returned. */
  referRoundTrip: number;
  /** Referral sent → the row is in protection.protection_cases (the whole way, as an upper bound). */
  sentToRow: number | null;
}

async function referral(actors: Actors, i: number): Promise<ReferralSample> {
  const country = COUNTRIES[i % COUNTRIES.length];
  const { submitCaseNotification } = await actors.watchdog.request<{
    submitCaseNotification: { notificationId: string };
  }>(SUBMIT, {
    input: {
      id: randomUUID(),
      formOfExploitation: 'SEX_TRAFFICKING',
      country,
      province: PROVINCES[country],
      possibleVictims: 1 + (i % 3),
      minors: i % 2,
    },
  });
  const id = submitCaseNotification.notificationId;
  await actors.coordinator.request(VALIDATE, { id });
  const caseRowExists = async () =>
    (
      await actors.sql.query(
        'SELECT 1 FROM protection.protection_cases WHERE source_notification_id = $1',
        [id],
      )
    ).rowCount === 1;
  const sent = performance.now();
  const wholeWay = pollUntil(sent, caseRowExists);
  await actors.coordinator.request(REFER, { id });
  const returned = performance.now();
  const [gateway, sql, sentToRow] = await Promise.all([
    pollUntil(returned, async () => {
      const data = await actors.officer.request<{
        protectionCaseForNotification: { id: string } | null;
      }>(CASE_FOR_NOTIFICATION, { id });
      return data.protectionCaseForNotification !== null;
    }),
    pollUntil(returned, caseRowExists),
    wholeWay,
  ]);
  return {
    gateway: gateway.ms,
    gatewayPolls: gateway.polls,
    sql: sql.ms,
    sqlPolls: sql.polls,
    referRoundTrip: returned - sent,
    sentToRow: sentToRow.ms,
  };
}

interface BaselineSample {
  /** registerBeneficiary sent → returned with the row read back. */
  gateway: number | null;
  /** registerBeneficiary sent → the row is in protection.beneficiaries. */
  sql: number | null;
}

async function baseline(actors: Actors, i: number): Promise<BaselineSample> {
  const id = randomUUID();
  const sent = performance.now();
  const [gateway, sql] = await Promise.all([
    actors.officer
      .request<{ registerBeneficiary: { beneficiary: { id: string } | null } }>(REGISTER, {
        input: { id, country: COUNTRIES[i % COUNTRIES.length], sex: 'FEMALE', minor: i % 2 === 0 },
      })
      .then((data) => (data.registerBeneficiary.beneficiary ? performance.now() - sent : null)),
    pollUntil(
      sent,
      async () =>
        (await actors.sql.query('SELECT 1 FROM protection.beneficiaries WHERE id = $1', [id]))
          .rowCount === 1,
    ),
  ]);
  return { gateway, sql: sql.ms };
}

// ------------------------------------------------------------------------------------------------
// Runs and statistics

interface Stats {
  n: number;
  /** Samples that never got there within the timeout (they count as infinitely slow). */
  timeouts: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles; a timed-out sample is Infinity. */
function stats(samples: Array<number | null>): Stats {
  const sorted = samples.map((s) => s ?? Infinity).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  const finite = sorted.filter(Number.isFinite);
  return {
    n: sorted.length,
    timeouts: sorted.length - finite.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: finite.reduce((sum, v) => sum + v, 0) / (finite.length || 1),
  };
}

interface Run {
  name: string;
  concurrency: number;
  n: number;
  seconds: number;
  referrals: ReferralSample[];
  baselines: BaselineSample[];
}

/**
 * `n` referrals and `n` baseline writes, `concurrency` at a time; each worker alternates which
 * of the two comes first, so that a burst of noise hits both alike.
 */
async function run(actors: Actors, name: string, n: number, concurrency: number): Promise<Run> {
  const referrals: ReferralSample[] = [];
  const baselines: BaselineSample[] = [];
  const started = performance.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        if (i % 2 === 0) {
          referrals.push(await referral(actors, i));
          baselines.push(await baseline(actors, i));
        } else {
          baselines.push(await baseline(actors, i));
          referrals.push(await referral(actors, i));
        }
        if (++done % 25 === 0) progress(`${name}: ${done}/${n}`);
      }
    }),
  );
  return {
    name,
    concurrency,
    n,
    seconds: (performance.now() - started) / 1000,
    referrals,
    baselines,
  };
}

// ------------------------------------------------------------------------------------------------
// Report

const msText = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'timeout');
const ratioText = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

function summarise(result: Run) {
  const figures = {
    referralToCaseThroughGateway: stats(result.referrals.map((s) => s.gateway)),
    referralToCaseRow: stats(result.referrals.map((s) => s.sql)),
    baselineRegisterThroughGateway: stats(result.baselines.map((s) => s.gateway)),
    baselineRegisterToRow: stats(result.baselines.map((s) => s.sql)),
    referRoundTrip: stats(result.referrals.map((s) => s.referRoundTrip)),
    referralSentToCaseRow: stats(result.referrals.map((s) => s.sentToRow)),
  };
  const ratios = {
    gatewayP50:
      figures.referralToCaseThroughGateway.p50 / figures.baselineRegisterThroughGateway.p50,
    gatewayP99:
      figures.referralToCaseThroughGateway.p99 / figures.baselineRegisterThroughGateway.p99,
    sqlP50: figures.referralToCaseRow.p50 / figures.baselineRegisterToRow.p50,
    sqlP99: figures.referralToCaseRow.p99 / figures.baselineRegisterToRow.p99,
  };
  const pass = {
    gateway: figures.referralToCaseThroughGateway.p99 <= TARGET_P99_MS,
    sql: figures.referralToCaseRow.p99 <= TARGET_P99_MS,
  };
  const polls = result.referrals.map((s) => s.gatewayPolls);
  const sqlPolls = result.referrals.map((s) => s.sqlPolls);
  const firstPoll = (counts: number[]) => counts.filter((p) => p === 1).length;
  const table = formatTable([
    ['figure', 'n', 'p50', 'p95', 'p99', 'max'],
    ...(
      [
        ['referral returned → case through the gateway', figures.referralToCaseThroughGateway],
        ['referral returned → case row in protection (SQL)', figures.referralToCaseRow],
        [
          'baseline: registerBeneficiary sent → returned with its row',
          figures.baselineRegisterThroughGateway,
        ],
        ['baseline: registerBeneficiary sent → row (SQL)', figures.baselineRegisterToRow],
        ['(context) referCaseNotification round trip', figures.referRoundTrip],
        ['(context) referral sent → case row (SQL)', figures.referralSentToCaseRow],
      ] as Array<[string, Stats]>
    ).map(([label, s]) => [
      label,
      String(s.n - s.timeouts) + (s.timeouts ? ` (+${s.timeouts} timed out)` : ''),
      msText(s.p50),
      msText(s.p95),
      msText(s.p99),
      msText(s.max),
    ]),
  ]);
  const text = [
    `${result.name}: ${result.n} referrals and ${result.n} baseline writes, ${result.concurrency} at a time, in ${result.seconds.toFixed(1)} s`,
    '',
    table,
    '',
    `ratio to the baseline, through the gateway: p50 ${ratioText(figures.referralToCaseThroughGateway.p50, figures.baselineRegisterThroughGateway.p50)}, p99 ${ratioText(figures.referralToCaseThroughGateway.p99, figures.baselineRegisterThroughGateway.p99)}; in SQL: p50 ${ratioText(figures.referralToCaseRow.p50, figures.baselineRegisterToRow.p50)}, p99 ${ratioText(figures.referralToCaseRow.p99, figures.baselineRegisterToRow.p99)}`,
    `polls per referral: through the gateway median ${stats(polls).p50}, max ${stats(polls).max}; in SQL median ${stats(sqlPolls).p50}, max ${stats(sqlPolls).max}`,
    `the case was there at the first poll after the referral returned: through the gateway ${firstPoll(polls)}/${polls.length}, in SQL ${firstPoll(sqlPolls)}/${sqlPolls.length}`,
    `target p99 ≤ ${TARGET_P99_MS} ms: through the gateway ${pass.gateway ? 'PASS' : 'MISS'} (${msText(figures.referralToCaseThroughGateway.p99)}), in SQL ${pass.sql ? 'PASS' : 'MISS'} (${msText(figures.referralToCaseRow.p99)})`,
  ].join('\n');
  return { figures, ratios, pass, text };
}

function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

async function machineInfo(sql: Pool) {
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

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

// ------------------------------------------------------------------------------------------------

let system: System | undefined;

async function main(): Promise<void> {
  if (!DATABASE_URL) {
    throw new Error('HAVEN_BENCH_DATABASE_URL is not set: run this through `npm run bench:flow`.');
  }
  const startedAt = new Date();
  const sql = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY * 2 + 2 });
  sql.on('error', () => undefined);
  try {
    const machine = await machineInfo(sql);
    progress('migrating');
    await migrate(DATABASE_URL);
    const subgraphs = SERVICES?.length
      ? SUBGRAPHS.filter((entry) => SERVICES.includes(entry.name))
      : SUBGRAPHS;
    progress(`starting ${subgraphs.map((s) => s.name).join(', ')} and the gateway`);
    system = await startSystem({ databaseUrl: DATABASE_URL, subgraphs });
    const countries = [...COUNTRIES];
    const coordinator = new Client(
      system.gatewayUrl,
      await system.token({ role: 'network_coordinator', countries, subject: 'bench-coordinator' }),
    );
    // A watchdog's token is bound to its record: its subject is a registered watchdog's id.
    const watchdogId = randomUUID();
    await coordinator.request(
      'mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { watchdogId } }',
      {
        input: {
          id: watchdogId,
          kind: 'INDIVIDUAL',
          country: countries[0],
          joinedOn: '2020-01-01',
          trained: true,
        },
      },
    );
    const actors: Actors = {
      watchdog: new Client(
        system.gatewayUrl,
        await system.token({ role: 'watchdog', subject: watchdogId }),
      ),
      coordinator,
      officer: new Client(
        system.gatewayUrl,
        await system.token({ role: 'protection_officer', countries, subject: 'bench-officer' }),
      ),
      sql,
    };

    if (WARMUP_N) {
      progress(`warming up: ${WARMUP_N} referrals and writes (not measured)`);
      await run(actors, 'warm-up', WARMUP_N, Math.min(CONCURRENCY, WARMUP_N));
    }
    const runs: Run[] = [];
    if (SEQUENTIAL_N) {
      progress(`sequential: ${SEQUENTIAL_N} referrals, one at a time`);
      runs.push(await run(actors, 'sequential', SEQUENTIAL_N, 1));
    }
    if (CONCURRENT_N) {
      progress(`concurrent: ${CONCURRENT_N} referrals, ${CONCURRENCY} at a time`);
      runs.push(await run(actors, 'concurrent', CONCURRENT_N, CONCURRENCY));
    }

    const summaries = runs.map((r) => ({ run: r, ...summarise(r) }));
    const passed = summaries.every((s) => s.pass.gateway && s.pass.sql);
    const header =
      `Referral → case in protection's read model (${machine.cpus} CPUs, ` +
      `${machine.postgres.version}, fsync=${machine.postgres.fsync}, Node ${machine.node}; ` +
      `${subgraphs.length} subgraphs and the gateway; polls every ${POLL_MS} ms)`;
    const verdict = `target "a referral from notification to case appears in protection's read model within ${TARGET_P99_MS / 1000} s at p99": ${passed ? 'PASS' : 'MISS'}`;
    process.stdout.write(
      `\n${header}\n\n${summaries.map((s) => s.text).join('\n\n')}\n\n${verdict}\n\n`,
    );

    const finishedAt = new Date();
    const report = {
      benchmark: 'flow',
      target: `p99 ≤ ${TARGET_P99_MS} ms from referCaseNotification's response to the case in protection's read model`,
      pass: passed,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      commit: commit(),
      settings: {
        sequential: SEQUENTIAL_N,
        concurrent: CONCURRENT_N,
        concurrency: CONCURRENCY,
        warmup: WARMUP_N,
        pollMs: POLL_MS,
        timeoutMs: TIMEOUT_MS,
        subgraphs: subgraphs.map((s) => s.name),
      },
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
      runs: summaries.map((s) => ({
        name: s.run.name,
        n: s.run.n,
        concurrency: s.run.concurrency,
        seconds: Number(s.run.seconds.toFixed(1)),
        figures: s.figures,
        ratios: s.ratios,
        pass: s.pass,
        samples: {
          referrals: s.run.referrals,
          baselines: s.run.baselines,
        },
      })),
      text: summaries.map((s) => s.text),
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const json = `${JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(2)) : v), 2)}\n`;
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    writeFileSync(path.join(RESULTS_DIR, `flow-${stamp}.json`), json);
    writeFileSync(path.join(RESULTS_DIR, 'flow.json'), json);
    progress(`done in ${report.durationSeconds} s; results in bench/results/flow.json`);
  } finally {
    await system?.stop();
    await sql.end();
  }
}

// Stop the services before leaving (they would also stop themselves once this process is gone).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n[bench:flow] ${signal}: stopping\n`);
    void (system?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  });
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `[bench:flow] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
