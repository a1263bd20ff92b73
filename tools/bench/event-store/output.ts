// What the event store benchmark prints: progress lines on stderr, and the table of figures.
import { performance } from 'node:perf_hooks';

const benchStarted = performance.now();

export function progress(line: string): void {
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench +${seconds}s] ${line}\n`);
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const pct = (r: number) => `${(r * 100).toFixed(0)}%`;

export interface Figure {
  id: string;
  figure: string;
  unit: 'events/s' | 'ms';
  value: number;
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  target: string;
  /** null: informational, no target. */
  pass: boolean | null;
  details: Record<string, unknown>;
  /** Printed under the table (e.g. events a subscriber never received). */
  notes?: string[];
}

function formatValue(f: Figure, v: number | null): string {
  if (v === null) return '—';
  return f.unit === 'ms' ? `${v.toFixed(1)} ms` : `${int(v)}/s`;
}

function formatRatio(f: Figure): string {
  if (f.ratio === null) return '—';
  return f.unit === 'ms' ? `${f.ratio.toFixed(2)}×` : pct(f.ratio);
}

export function printTable(figures: Figure[]): string {
  const rows = [
    ['#', 'figure', 'value', 'baseline', 'ratio', 'target', 'result'],
    ...figures.map((f) => [
      f.id,
      f.figure,
      formatValue(f, f.value),
      formatValue(f, f.baseline),
      formatRatio(f),
      f.target,
      f.pass === null ? 'info' : f.pass ? 'PASS' : 'MISS',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const right = new Set([2, 3, 4]);
  const line = (r: string[]) =>
    r
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ');
  const separator = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), separator, ...rows.slice(1).map(line)].join('\n');
}
