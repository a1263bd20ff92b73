/**
 * `npm run bench:report`: the annual report at scale.
 *
 * 1. Loads a realistic data set through the event store (report/report-data.ts): the programmes'
 *    integration events over 2016–2020, by default 1,500,000 events (ten times the alliance's
 *    2020 volume over five years); HAVEN_BENCH_REPORT_EVENTS sets another size.
 * 2. Rebuilds every read model (report/catch-up.ts): the report's fact projections, then each
 *    programme's own (networks, protection, empowerment, legal, relief; not with
 *    HAVEN_BENCH_REPORT_PROGRAMMES=0). Each projection is run by a ProjectionRunner from position
 *    0, and its events/s printed beside the projection runner's baseline measured in the same run
 *    (figure 5 of the event-store benchmark: a rowProjection catching up).
 *    Target: each ≥ 50% of the baseline.
 * 3. Starts the reports service and the gateway (as `npm start` runs them) and measures
 *    programmeReport for 2019, all countries, through the gateway as an admin: p50 and p99 of
 *    HAVEN_BENCH_REPORT_RUNS (40) runs, beside the same figures by hand-written SQL on the same
 *    tables (one GROUP BY per figure, in parallel), interleaved in the same run.
 *    Targets: p99 ≤ 1 s and ≤ 2× the SQL's p99.
 * 4. Prints the peak memory (VmHWM) of the reports service, the gateway and this process.
 * Results: bench/results/report-<timestamp>.json and report-latest.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import {
  countedFromCells,
  REPORT_MODULES,
  REPORTS_ENTITIES,
  REPORTS_PROJECTIONS,
  REPORTS_UPCASTERS,
  UNIQUE_BENEFICIARIES,
  type FigureSpec,
} from '@haven/reports/read-models';
import { migrate, startSystem, SUBGRAPHS } from '../../apps/gateway/src/testing/system';
import { PROGRAMME_REPORT_DOCUMENT } from '../../apps/gateway/src/reports/report-client';
import { projectionFigure } from './projection-figure';
import { catchUpEach, PROGRAMME_READ_MODELS, type CaughtUp } from './report/catch-up';
import { EVENTS_PER_UNIT, load } from './report/report-data';

const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL;
const RESULTS_DIR = path.resolve(__dirname, '../../bench/results');
const TARGET_EVENTS = Number(process.env.HAVEN_BENCH_REPORT_EVENTS ?? 1_500_000);
const RUNS = Number(process.env.HAVEN_BENCH_REPORT_RUNS ?? 40);
// HAVEN_BENCH_REPORT_PROGRAMMES=0 measures the report's read models only (a quicker run).
const PROGRAMME_READ_MODELS_TOO = process.env.HAVEN_BENCH_REPORT_PROGRAMMES !== '0';
const YEAR = 2019;
const progress = (line: string) => process.stderr.write(`[bench:report] ${line}\n`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const peakKb = (pid: number | undefined) => {
  if (!pid) return null;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : null;
};

async function main(): Promise<void> {
  if (!DATABASE_URL)
    throw new Error('Run through `npm run bench:report` (HAVEN_BENCH_DATABASE_URL).');
  progress('migrating');
  await migrate(DATABASE_URL);
  const admin = new Pool({ connectionString: DATABASE_URL, max: 10 });

  // The projection runner's baseline, measured first in this run.
  progress('baseline: the projection runner catching up a rowProjection (figure 5)');
  let counter = 0;
  const baselineFigure = await projectionFigure({
    url: DATABASE_URL,
    admin,
    progress,
    scale: 1,
    makeEvent: (seq, extra) =>
      ({
        type: 'CaseNoteAdded',
        data: { caseId: '', risk: { level: 'LOW' }, seq, ...extra },
        metadata: {
          actorId: 'bench',
          role: 'admin',
          organisationId: null,
          correlationId: `c${counter++}`,
          causationId: null,
          occurredAt: new Date().toISOString(),
        },
      }) as NewEvent,
  });
  const baseline = baselineFigure?.value ?? NaN;
  progress(`baseline: ${Math.round(baseline).toLocaleString('en-US')} events/s`);

  const units = Math.max(1, Math.round(TARGET_EVENTS / EVENTS_PER_UNIT));
  const store = new PostgresEventStore({
    connectionString: DATABASE_URL,
    poolSize: 16,
    upcasters: REPORTS_UPCASTERS,
  });
  const started = performance.now();
  const loaded = await load(store, units, 16, progress);
  const loadSeconds = (performance.now() - started) / 1000;
  progress(`loaded ${loaded.toLocaleString('en-US')} events in ${loadSeconds.toFixed(0)} s`);
  await admin.query('ANALYZE event_store.events');

  // Catch each read model up from position 0: the report's, then every programme's own.
  const projections: CaughtUp[] = await catchUpEach(
    DATABASE_URL,
    admin,
    {
      service: 'reports',
      entities: REPORTS_ENTITIES,
      projections: REPORTS_PROJECTIONS,
      upcasters: REPORTS_UPCASTERS,
      // The facts of every module share one table; REPORTS_PROJECTIONS follow REPORT_MODULES.
      rowsOf: async (projection, pool) => {
        const module = REPORT_MODULES[REPORTS_PROJECTIONS.indexOf(projection)];
        // Its rows: the facts, and the subject cells they fill (ADR 19, rollups).
        const { rows } = await pool.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM reports.facts WHERE programme = $1)
                + (SELECT count(*) FROM reports.subject_cells WHERE programme = $1) AS n`,
          [module.programme],
        );
        return Number(rows[0].n);
      },
    },
    baseline,
    progress,
  );
  if (PROGRAMME_READ_MODELS_TOO) {
    for (const set of PROGRAMME_READ_MODELS) {
      projections.push(...(await catchUpEach(DATABASE_URL, admin, set, baseline, progress)));
    }
  }
  await store.close();
  // Autovacuum keeps an installation's fact table visible to index-only scans (its insert scale
  // factor is 1%, ADR 19), and its subject cells; the benchmark writes years of facts in minutes,
  // so it vacuums once.
  await admin.query('VACUUM (ANALYZE) reports.facts, reports.subject_cells');

  // The report through the gateway, beside hand-written SQL on the same tables.
  progress('starting the reports service and the gateway');
  const system = await startSystem({
    databaseUrl: DATABASE_URL,
    subgraphs: SUBGRAPHS.filter((s) => s.name === 'reports'),
  });
  const result: Record<string, unknown> = {};
  // The hand-written SQL gets the work memory the reports service gives each figure.
  const sqlPool = new Pool({
    connectionString: DATABASE_URL,
    max: 10,
    // As the reports service runs each figure (ADR 19).
    options: '-c work_mem=64MB -c max_parallel_workers_per_gather=0',
  });
  try {
    const token = await system.token({ role: 'admin', subject: 'bench-admin' });
    const viaGateway = async () => {
      const t0 = performance.now();
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: PROGRAMME_REPORT_DOCUMENT, variables: { year: YEAR } }),
      });
      const body = (await response.json()) as {
        data?: { programmeReport?: { lines: unknown[] } };
        errors?: unknown;
      };
      if (!body.data?.programmeReport)
        throw new Error(`the report failed: ${JSON.stringify(body.errors)}`);
      return performance.now() - t0;
    };
    const bySql = async () => {
      const t0 = performance.now();
      await Promise.all(handWrittenSql().map(([sql, params]) => sqlPool.query(sql, params)));
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) {
      await viaGateway();
      await bySql();
    }
    const gateway: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2) {
        sql.push(await bySql());
        gateway.push(await viaGateway());
      } else {
        gateway.push(await viaGateway());
        sql.push(await bySql());
      }
    }
    const p = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    const report = p(gateway);
    const handWritten = p(sql);
    result.report = {
      ...report,
      runs: RUNS,
      year: YEAR,
      ratioP99: report.p99 / handWritten.p99,
      targets: { p99: report.p99 <= 1000, vsSql: report.p99 <= 2 * handWritten.p99 },
    };
    result.handWrittenSql = handWritten;
    result.peakMemoryKb = {
      reportsService: peakKb(system.subgraphs.reports.pid),
      gateway: peakKb(system.gateway.pid),
      bench: process.resourceUsage().maxRSS,
    };
    progress(
      `report through the gateway: p50 ${report.p50.toFixed(0)} ms, p99 ${report.p99.toFixed(0)} ms`,
    );
    progress(
      `hand-written SQL:           p50 ${handWritten.p50.toFixed(0)} ms, p99 ${handWritten.p99.toFixed(0)} ms (ratio p99 ${(report.p99 / handWritten.p99).toFixed(2)}×)`,
    );
  } finally {
    await system.stop();
    await sqlPool.end();
    await admin.end();
  }

  const summary = {
    benchmark: 'report',
    at: new Date().toISOString(),
    events: loaded,
    units,
    loadSeconds,
    baseline: { figure: baselineFigure?.figure, eventsPerSecond: baseline },
    projections,
    ...result,
  };
  printTable(summary as never);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, `report-${summary.at.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(path.join(RESULTS_DIR, 'report-latest.json'), json);
}

/** The same figures as programmeReport, by one plain GROUP BY per figure and breakdown. */
function handWrittenSql(): Array<[string, unknown[]]> {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const measure = {
    facts: 'count(*)',
    subjects: 'count(DISTINCT subject_id)',
    sum: 'sum(quantity)',
    average: 'avg(quantity)',
    minimum: 'min(quantity)',
    maximum: 'max(quantity)',
  };
  const queries: Array<[string, unknown[]]> = [];
  // Rolled-up figures read their subject cells, as programmeReport does (ADR 19): each row is one
  // subject in one cell of one country. The unique beneficiaries keep only the programme's cells,
  // so their own line is the distinct subjects of every programme's.
  const where = 'programme = ANY($1) AND figure = $2 AND year = $3';
  const fromCells = (programmes: string[], figure: FigureSpec) => {
    const params = [programmes, figure.name, YEAR];
    for (const byCountry of [true, false]) {
      const country = byCountry ? 'country' : "'all'";
      queries.push([
        `SELECT breakdown, value, ${country}, count(DISTINCT subject_id) FROM reports.subject_cells WHERE ${where} GROUP BY 1, 2, 3`,
        params,
      ]);
      if (figure === UNIQUE_BENEFICIARIES) {
        queries.push([
          `SELECT ${country}, count(DISTINCT subject_id) FROM reports.subject_cells WHERE ${where} GROUP BY 1`,
          params,
        ]);
      }
    }
  };
  for (const module of REPORT_MODULES) {
    for (const figure of module.figures) {
      if (countedFromCells(figure)) {
        fromCells([module.programme], figure);
        continue;
      }
      const sinceEver = figure.period === 'untilYearEnd' || figure.period === 'openInYear';
      const start = sinceEver ? '1900-01-01' : from;
      const latest = figure.latest
        ? `AND NOT EXISTS (SELECT 1 FROM reports.facts l WHERE l.state_key = f.state_key AND l.occurred_on <= '${to}' AND l.position > f.position)`
        : '';
      const open =
        figure.period === 'openInYear'
          ? `AND (attributes->>'state' = 'OPEN' OR occurred_on >= '${from}')`
          : '';
      const keyOf = (column: string | null) =>
        figure.period === 'openInYear' && column === figure.newOrOngoing
          ? `CASE WHEN attributes->>'openedYear' = '${YEAR}' THEN 'NEW' ELSE 'ONGOING' END`
          : column
            ? `attributes->>'${column}'`
            : `''`;
      // Each breakdown, then each crossing (its two attributes as one key).
      const keys = [
        ...[null, ...(figure.breakdowns ?? [])].map(keyOf),
        ...(figure.crossings ?? []).map(
          ([first, second]) => `(${keyOf(first)}) || ' × ' || (${keyOf(second)})`,
        ),
      ];
      for (const key of keys) {
        for (const byCountry of [true, false]) {
          const where = `programme = $1 AND kind = $2 AND occurred_on BETWEEN $3 AND $4 ${latest} ${open}`;
          const column = byCountry ? 'country' : "'all'";
          queries.push([
            figure.measure === 'average'
              ? // Each subject once, at her smallest quantity (as programmeReport averages).
                `SELECT c, key, avg(q) AS value FROM (SELECT ${column} AS c, ${key} AS key,
                   subject_id, min(quantity) AS q FROM reports.facts f WHERE ${where}
                   GROUP BY 1, 2, 3) s GROUP BY 1, 2`
              : `SELECT ${column}, ${key} AS key, ${measure[figure.measure]} AS value
               ${figure.sumOfFew ? ', count(DISTINCT subject_id) AS contributors' : ''}
               FROM reports.facts f WHERE ${where} GROUP BY 1, 2`,
            [module.programme, figure.kind, start, to],
          ]);
        }
      }
    }
  }
  fromCells(
    REPORT_MODULES.map((module) => module.programme),
    UNIQUE_BENEFICIARIES,
  );
  return queries;
}

function printTable(summary: {
  events: number;
  baseline: { eventsPerSecond: number };
  projections: CaughtUp[];
  report?: {
    p50: number;
    p99: number;
    ratioP99: number;
    targets: { p99: boolean; vsSql: boolean };
  };
  handWrittenSql?: { p50: number; p99: number };
  peakMemoryKb?: Record<string, number | null>;
}): void {
  const lines = [
    `report benchmark: ${summary.events.toLocaleString('en-US')} events`,
    `  projection runner baseline (rowProjection): ${Math.round(summary.baseline.eventsPerSecond).toLocaleString('en-US')} events/s, 0.10 rows/event`,
    ...summary.projections.map(
      (p) =>
        `  ${`${p.service}/${p.name}`.padEnd(56)} ${p.pass === null ? '   no events in the data set' : `${Math.round(p.eventsPerSecond).toLocaleString('en-US').padStart(8)} events/s ${`${(p.ratio * 100).toFixed(0)}%`.padStart(5)} of baseline  ${p.pass ? 'PASS' : 'MISS'} (≥ 50%)  ${p.rowsPerEvent === null ? '' : `${p.rowsPerEvent.toFixed(2)} rows/event`}`}`,
    ),
  ];
  if (summary.report && summary.handWrittenSql) {
    lines.push(
      `  programmeReport via gateway   p50 ${summary.report.p50.toFixed(0)} ms  p99 ${summary.report.p99.toFixed(0)} ms  ${summary.report.targets.p99 ? 'PASS' : 'MISS'} (≤ 1000 ms)`,
      `  hand-written SQL              p50 ${summary.handWrittenSql.p50.toFixed(0)} ms  p99 ${summary.handWrittenSql.p99.toFixed(0)} ms  ratio ${summary.report.ratioP99.toFixed(2)}×  ${summary.report.targets.vsSql ? 'PASS' : 'MISS'} (≤ 2×)`,
      `  peak memory (VmHWM): ${Object.entries(summary.peakMemoryKb ?? {})
        .map(([name, kb]) => `${name} ${kb === null ? '?' : `${Math.round(kb / 1024)} MB`}`)
        .join(', ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
