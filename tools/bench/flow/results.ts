// The end of a run: every run's text and the verdict on stdout, the same with every sample in
// bench/results/flow-<timestamp>.json and flow.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarise } from './report';
import { commit, type MachineInfo } from './run-info';
import {
  CONCURRENCY,
  CONCURRENT_N,
  POLL_MS,
  progress,
  RESULTS_DIR,
  SEQUENTIAL_N,
  TARGET_P99_MS,
  TIMEOUT_MS,
  WARMUP_N,
} from './settings';
import type { Run } from './workload';

export function reportResults({
  startedAt,
  machine,
  subgraphs,
  runs,
}: {
  startedAt: Date;
  machine: MachineInfo;
  /** The subgraphs that ran, by name. */
  subgraphs: string[];
  runs: Run[];
}): void {
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
      subgraphs,
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
}
