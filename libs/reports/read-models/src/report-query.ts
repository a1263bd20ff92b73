import { crossedName } from '@haven/reports/contracts';
import { crossingIndices, type FigureSpec, type ReportModule } from './programme-module';
import {
  countedFromCells,
  FIGURE_CELLS_SQL,
  groupedRowsOfCells,
  UNIQUE_BENEFICIARIES,
  UNIQUE_BENEFICIARIES_SQL,
} from './subject-cells';

export { UNIQUE_BENEFICIARIES } from './subject-cells';

/** What a report is asked for: a year, the countries of operation, and the log as of when. */
export interface ReportRequest {
  year: number;
  countries: readonly string[];
  asOf: Date;
}

/**
 * One line of a figure: its total (no breakdown), one value of one breakdown attribute, or a pair
 * of values of a crossing (`sex × ageGroup`, `FEMALE × MINOR`).
 */
export interface FigureRow {
  breakdown: string | null;
  key: string | null;
  byCountry: Record<string, number>;
  total: number;
  /** For a sum of few (`sumOfFew`): how many subjects make up each cell. */
  contributors?: { byCountry: Record<string, number>; total: number };
}

export interface FigureTable {
  programme: string;
  name: string;
  measure: FigureSpec['measure'];
  rows: FigureRow[];
}

/** Runs SQL (the DataSource's `query`, or a pg client's rows). */
export type Query = (sql: string, parameters: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Every figure of every module, and the unique beneficiaries across programmes. */
export async function computeReport(
  query: Query,
  modules: readonly ReportModule[],
  request: ReportRequest,
): Promise<FigureTable[]> {
  const work = modules.flatMap((module) =>
    module.figures.map((figure) =>
      countedFromCells(figure)
        ? computeFigureFromCells(query, [module.programme], figure, request)
        : computeFigure(query, module.programme, figure, request),
    ),
  );
  work.push(
    computeFigureFromCells(
      query,
      modules.map((module) => module.programme),
      UNIQUE_BENEFICIARIES,
      request,
    ),
  );
  return Promise.all(work);
}

/** A figure from its subject cells (ADR 19, rollups): `programmes` is all for the unique. */
async function computeFigureFromCells(
  query: Query,
  programmes: readonly string[],
  figure: FigureSpec,
  request: ReportRequest,
): Promise<FigureTable> {
  const unique = figure === UNIQUE_BENEFICIARIES;
  const rows = await query(unique ? UNIQUE_BENEFICIARIES_SQL : FIGURE_CELLS_SQL, [
    unique ? programmes : programmes[0],
    figure.name,
    request.year,
    request.asOf,
    request.countries,
  ]);
  return tableOf(unique ? 'all' : programmes[0], figure, request, groupedRowsOfCells(rows, figure));
}

const MEASURES: Record<FigureSpec['measure'], string> = {
  facts: 'count(*)',
  subjects: 'count(DISTINCT subject_id)',
  sum: 'coalesce(sum(quantity), 0)',
  average: 'coalesce(round(avg(quantity), 1), 0)',
  minimum: 'coalesce(min(quantity), 0)',
  maximum: 'coalesce(max(quantity), 0)',
};

/** The first and last day a figure counts, in the year or up to its end. */
function period(figure: FigureSpec, year: number): [string, string] {
  const sinceEver = figure.period === 'untilYearEnd' || figure.period === 'openInYear';
  return [sinceEver ? '1900-01-01' : `${year}-01-01`, `${year}-12-31`];
}

/** How a breakdown reads a fact: its attribute, or for `newOrOngoing`, NEW or ONGOING. */
function breakdownSql(figure: FigureSpec, name: string, year: number): string {
  if (figure.period === 'openInYear' && name === figure.newOrOngoing) {
    // The year is a validated integer, never a client's text.
    return `(CASE WHEN attributes->>'openedYear' = '${Math.trunc(year)}' THEN 'NEW' ELSE 'ONGOING' END)`;
  }
  // Breakdown names come from the modules' code, never from a request: safe to quote in SQL. A
  // fact that did not record the attribute counts under UNKNOWN, with those that recorded so.
  return `coalesce(attributes->>'${name}', 'UNKNOWN')`;
}

export async function computeFigure(
  query: Query,
  programme: string,
  figure: FigureSpec,
  request: ReportRequest,
): Promise<FigureTable> {
  const breakdowns = figure.breakdowns ?? [];
  const [from, to] = period(figure, request.year);
  const attribute = (index: number) => breakdownSql(figure, breakdowns[index], request.year);
  const pairs = crossingIndices(figure);
  const sets = ['(country)', '()'];
  breakdowns.forEach((_, index) =>
    sets.push(`(country, ${attribute(index)})`, `(${attribute(index)})`),
  );
  for (const [first, second] of pairs) {
    sets.push(
      `(country, ${attribute(first)}, ${attribute(second)})`,
      `(${attribute(first)}, ${attribute(second)})`,
    );
  }
  const latest =
    figure.latest || figure.period === 'openInYear'
      ? `AND NOT EXISTS (SELECT 1 FROM reports.facts later
         WHERE later.state_key = f.state_key AND later.recorded_at <= $5
           AND later.occurred_on <= $4 AND later.position > f.position)`
      : '';
  const openInYear =
    figure.period === 'openInYear'
      ? `AND (attributes->>'state' = 'OPEN' OR occurred_on >= '${Math.trunc(request.year)}-01-01')`
      : '';
  const filters = `programme = $1 AND kind = $2 AND occurred_on BETWEEN $3 AND $4
        AND recorded_at <= $5 AND country = ANY($6) ${latest} ${openInYear}`;
  const rows = await query(
    figure.measure === 'subjects' || figure.measure === 'average'
      ? perSubjectSql(
          breakdowns.map((_, i) => attribute(i)),
          pairs,
          filters,
          figure.measure,
        )
      : `SELECT country, GROUPING(country) AS all_countries,
            ${breakdowns.map((_, i) => `${attribute(i)} AS b${i}, GROUPING(${attribute(i)}) AS g${i},`).join('\n')}
            ${MEASURES[figure.measure]} AS value
            ${figure.sumOfFew ? ', count(DISTINCT subject_id) AS contributors' : ''}
       FROM reports.facts f
      WHERE ${filters}
      GROUP BY GROUPING SETS (${sets.join(', ')})`,
    [programme, figure.kind, from, to, request.asOf, request.countries],
  );
  return tableOf(programme, figure, request, rows);
}

/**
 * A measure of subjects for every grouping set, in two hashed passes: the distinct (grouping set,
 * subject) pairs (for an average, each with its smallest quantity), then per set the count of
 * subjects, or the average of those quantities (each subject once). Written as
 * `count(DISTINCT …)` with GROUPING SETS, PostgreSQL sorts the facts once per set, and again
 * within each group, which made the figures over a year's services the report's slowest (ADR 19).
 * A group whose facts have no subject still appears, with 0.
 */
function perSubjectSql(
  attributes: readonly string[],
  pairs: ReadonlyArray<readonly [number, number]>,
  filters: string,
  measure: 'subjects' | 'average',
): string {
  const sets = ['(country, subject_id)', '(subject_id)'];
  attributes.forEach((attribute) =>
    sets.push(`(country, ${attribute}, subject_id)`, `(${attribute}, subject_id)`),
  );
  for (const [first, second] of pairs) {
    const both = `${attributes[first]}, ${attributes[second]}`;
    sets.push(`(country, ${both}, subject_id)`, `(${both}, subject_id)`);
  }
  const columns = ['country', 'all_countries', ...attributes.flatMap((_, i) => [`b${i}`, `g${i}`])];
  const inner = [
    'country',
    'GROUPING(country) AS all_countries',
    'subject_id',
    ...(measure === 'average' ? ['min(quantity) AS quantity'] : []),
    ...attributes.flatMap((attribute, i) => [
      `${attribute} AS b${i}`,
      `GROUPING(${attribute}) AS g${i}`,
    ]),
  ];
  const outer = measure === 'average' ? MEASURES.average : 'count(subject_id)';
  return `SELECT ${columns.join(', ')}, ${outer} AS value
    FROM (SELECT ${inner.join(', ')}
            FROM reports.facts f
           WHERE ${filters}
           GROUP BY GROUPING SETS (${sets.join(', ')})) pairs
   GROUP BY ${columns.join(', ')}`;
}

/**
 * The rows SQL grouped, as a table: the total row first, then each breakdown's keys, then each
 * crossing's pairs of keys, sorted. A row's grouped breakdowns (its `g<i>` at 0) say which line
 * it is: none, the total; one, that breakdown; two, their crossing.
 */
function tableOf(
  programme: string,
  figure: FigureSpec,
  request: ReportRequest,
  rows: Array<Record<string, unknown>>,
): FigureTable {
  const breakdowns = figure.breakdowns ?? [];
  const pairs = crossingIndices(figure);
  const order = [
    ...breakdowns,
    ...pairs.map(([first, second]) => crossedName(breakdowns[first], breakdowns[second])),
  ];
  const lines = new Map<string, FigureRow>();
  const zeros = () => Object.fromEntries(request.countries.map((country) => [country, 0]));
  const line = (breakdown: string | null, key: string | null): FigureRow => {
    const id = `${breakdown}\u0000${key}`;
    let found = lines.get(id);
    if (!found) {
      found = { breakdown, key, byCountry: zeros(), total: 0 };
      if (figure.sumOfFew) found.contributors = { byCountry: zeros(), total: 0 };
      lines.set(id, found);
    }
    return found;
  };
  line(null, null);
  const keyOf = (row: Record<string, unknown>, index: number) =>
    String(row[`b${index}`] ?? 'UNKNOWN');
  for (const row of rows) {
    const grouped = breakdowns.flatMap((_, i) => (Number(row[`g${i}`]) === 0 ? [i] : []));
    let target: FigureRow;
    if (grouped.length === 0) target = line(null, null);
    else if (grouped.length === 1) target = line(breakdowns[grouped[0]], keyOf(row, grouped[0]));
    else {
      // Named in the order the figure declares the crossing; every row grouping two comes from one.
      const [first, second] = pairs.find((pair) => pair.every((i) => grouped.includes(i))) ?? [
        grouped[0],
        grouped[1],
      ];
      target = line(
        crossedName(breakdowns[first], breakdowns[second]),
        crossedName(keyOf(row, first), keyOf(row, second)),
      );
    }
    const value = Number(row.value);
    const contributors = Number(row.contributors ?? 0);
    if (Number(row.all_countries) === 1) {
      target.total = value;
      if (target.contributors) target.contributors.total = contributors;
    } else {
      target.byCountry[String(row.country)] = value;
      if (target.contributors) target.contributors.byCountry[String(row.country)] = contributors;
    }
  }
  const [total, ...rest] = [...lines.values()];
  rest.sort(
    (a, b) =>
      order.indexOf(a.breakdown ?? '') - order.indexOf(b.breakdown ?? '') ||
      String(a.key).localeCompare(String(b.key)),
  );
  return { programme, name: figure.name, measure: figure.measure, rows: [total, ...rest] };
}
