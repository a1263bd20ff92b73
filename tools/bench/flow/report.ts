// A run's statistics and its text: the table of figures, the ratios to the baseline, the polls
// and the verdict against the target.
import type { Run } from './workload';
import { TARGET_P99_MS } from './settings';

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

const msText = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'timeout');
const ratioText = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

export function summarise(result: Run) {
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
