// The end of a run: the table and its notes on stdout, the same with every detail in
// bench/results/event-store-<timestamp>.json and event-store-latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Payload } from './events';
import { int, printTable, progress, type Figure } from './output';
import { codeInfo, type MachineInfo } from './run-info';
import { REPO_ROOT, RESULTS_DIR, SCALE, SEED_EVENTS } from './settings';

export function reportResults(run: {
  startedAt: Date;
  machine: MachineInfo;
  payload: Payload;
  figures: Figure[];
}): void {
  const { startedAt, machine, payload, figures } = run;
  const finishedAt = new Date();
  const code = codeInfo();
  const notes = [
    `Both tables seeded with ${int(SEED_EVENTS)} events and ANALYZEd before each figure; ratio = store / baseline; rounds alternate store and baseline.`,
    ...(code.uncommittedUnderLibsPlatform.length > 0
      ? [
          `Measured an uncommitted working tree (libs/platform: ${code.uncommittedUnderLibsPlatform.length} changed files; source hash ${code.eventStoreSourceSha256}).`,
        ]
      : []),
    ...figures.flatMap((f) => f.notes ?? []),
  ];
  const table = printTable(figures);
  process.stdout.write(
    `\nEvent store benchmark (${machine.cpus} CPUs, ${machine.postgres.version.split(' on ')[0]}, fsync=${machine.postgres.fsync}, Node ${machine.node})\n\n${table}\n\n${notes.map((n) => `* ${n}`).join('\n')}\n\n`,
  );
  const report = {
    benchmark: 'event-store',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    scale: SCALE,
    seedEvents: SEED_EVENTS,
    code,
    notes,
    machine,
    payload,
    figures,
    table,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `event-store-${stamp}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(path.join(RESULTS_DIR, 'event-store-latest.json'), json);
  const missed = figures.filter((f) => f.pass === false).length;
  progress(
    `done in ${report.durationSeconds} s: ${missed ? `${missed} target(s) missed` : 'every target met'}; results in ${path.relative(REPO_ROOT, file)}`,
  );
}
