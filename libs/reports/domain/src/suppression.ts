import { crossingParts } from '@haven/reports/contracts';

/**
 * Small-cell suppression for roles that see aggregates only (ADR 19). A figure is a table: its
 * total row, one row per value of each breakdown, and one per pair of values of each crossing
 * (`sex × ageGroup`), by country of operation and in total.
 *
 * Primary: a cell from 1 to k − 1 is hidden; a sum of few (money that persons or cases received)
 * is hidden when 1 to k − 1 subjects make it up, whatever its value. Secondary: every line a
 * reader could difference (a row across countries with its total; a breakdown's column with the
 * figure's total in that column; a crossing's cells for one value of one of its breakdowns, with
 * that value's row in that column) must hide no cell or at least two, so that no hidden value is
 * a margin minus the visible cells. Zero is shown: it reveals no one.
 */
export interface FigureLine {
  breakdown: string | null;
  key: string | null;
  byCountry: Record<string, number>;
  total: number;
  /** For a sum of few: how many subjects make up each cell; the cell is judged by it. */
  contributors?: { byCountry: Record<string, number>; total: number };
}

/** A line as shown: null where a value is suppressed. */
export interface ShownLine {
  breakdown: string | null;
  key: string | null;
  byCountry: Record<string, number | null>;
  total: number | null;
}

const TOTAL = '\u0000total';

export function suppressSmallCells(
  lines: readonly FigureLine[],
  countries: readonly string[],
  k: number,
): ShownLine[] {
  const columns = [...countries, TOTAL];
  const value = (row: number, column: string) =>
    column === TOTAL ? lines[row].total : (lines[row].byCountry[column] ?? 0);
  const hidden = new Set<string>();
  const id = (row: number, column: string) => `${row}\u0000${column}`;

  const few = (n: number) => n > 0 && n < k;
  lines.forEach(({ contributors }, row) => {
    for (const column of columns) {
      const small = contributors
        ? few(column === TOTAL ? contributors.total : (contributors.byCountry[column] ?? 0))
        : few(value(row, column));
      if (small) hidden.add(id(row, column));
    }
  });

  const differencable = linesOf(lines, columns);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of differencable) {
      const cells = [...line.parts, line.margin];
      const unknown = cells.filter(([row, column]) => hidden.has(id(row, column)));
      if (unknown.length !== 1) continue;
      const partner = cheapestPartner(line, hidden, value, id);
      if (partner) {
        hidden.add(id(...partner));
        changed = true;
      }
    }
  }

  return lines.map((line, row) => ({
    breakdown: line.breakdown,
    key: line.key,
    byCountry: Object.fromEntries(
      countries.map((country) => [
        country,
        hidden.has(id(row, country)) ? null : value(row, country),
      ]),
    ),
    total: hidden.has(id(row, TOTAL)) ? null : line.total,
  }));
}

type Cell = [row: number, column: string];

/** Cells that add up to a margin: knowing all but one, and the margin, gives the last. */
interface Differencable {
  parts: Cell[];
  margin: Cell;
}

/**
 * The lines of a table a reader can difference: each row (its countries and total), each
 * breakdown's column (its keys and the figure's total there), and each crossing's cells for one
 * value of one of its two breakdowns (with that value's own row in that column).
 */
function linesOf(lines: readonly FigureLine[], columns: readonly string[]): Differencable[] {
  const countries = columns.filter((column) => column !== TOTAL);
  const result: Differencable[] = lines.map((_, row) => ({
    parts: countries.map((column): Cell => [row, column]),
    margin: [row, TOTAL],
  }));
  const rowOf = new Map(lines.map((line, row) => [`${line.breakdown}\u0000${line.key}`, row]));
  // Rows that add up to one margin row: a breakdown's keys to the total; a crossing's pairs that
  // share one value to that value's row.
  const groups = new Map<number, number[]>();
  const addTo = (marginRow: number | undefined, row: number) => {
    if (marginRow === undefined) return;
    groups.set(marginRow, [...(groups.get(marginRow) ?? []), row]);
  };
  const totalRow = lines.findIndex((line) => line.breakdown === null);
  const byBreakdown = new Map<string, number[]>();
  lines.forEach((line, row) => {
    if (line.breakdown === null || line.key === null) return;
    const names = crossingParts(line.breakdown);
    const keys = crossingParts(line.key);
    if (names && keys) {
      addTo(rowOf.get(`${names[0]}\u0000${keys[0]}`), row);
      addTo(rowOf.get(`${names[1]}\u0000${keys[1]}`), row);
    } else {
      byBreakdown.set(line.breakdown, [...(byBreakdown.get(line.breakdown) ?? []), row]);
    }
  });
  const sums: Array<[rows: number[], marginRow: number]> = [...groups].map(([marginRow, rows]) => [
    rows,
    marginRow,
  ]);
  if (totalRow >= 0) for (const rows of byBreakdown.values()) sums.push([rows, totalRow]);
  for (const [rows, marginRow] of sums) {
    for (const column of columns) {
      result.push({ parts: rows.map((row): Cell => [row, column]), margin: [marginRow, column] });
    }
  }
  return result;
}

/**
 * The cell to hide beside a lone hidden one: the smallest visible value above zero among the
 * parts (least information lost), else a zero part, else the margin.
 */
function cheapestPartner(
  line: Differencable,
  hidden: ReadonlySet<string>,
  value: (row: number, column: string) => number,
  id: (row: number, column: string) => string,
): Cell | undefined {
  const visible = (cells: Cell[]) => cells.filter(([row, column]) => !hidden.has(id(row, column)));
  const rank = (cell: Cell) => (value(...cell) === 0 ? 1e15 : 0) + value(...cell);
  const parts = visible(line.parts).sort((a, b) => rank(a) - rank(b));
  return parts[0] ?? visible([line.margin])[0];
}
