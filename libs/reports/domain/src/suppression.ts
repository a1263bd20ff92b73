/**
 * Small-cell suppression for roles that see aggregates only (ADR 19). A figure is a table: its
 * total row and one row per value of each breakdown, by country of operation and in total.
 *
 * Primary: a cell from 1 to k − 1 is hidden. Secondary: every line a reader could difference (a
 * row across countries with its total; a breakdown's column with the figure's total in that
 * column) must hide no cell or at least two, so that no hidden value is a margin minus the
 * visible cells. Zero is shown: it reveals no one.
 */
export interface FigureLine {
  breakdown: string | null;
  key: string | null;
  byCountry: Record<string, number>;
  total: number;
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

  lines.forEach((_, row) => {
    for (const column of columns) {
      const v = value(row, column);
      if (v > 0 && v < k) hidden.add(id(row, column));
    }
  });

  const differencable = linesOf(lines, columns);
  const totalRow = lines.findIndex((line) => line.breakdown === null);
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of differencable) {
      const unknown = cells.filter(([row, column]) => hidden.has(id(row, column)));
      if (unknown.length !== 1) continue;
      const partner = cheapestPartner(cells, hidden, value, id, totalRow);
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

/** The lines of a table a reader can difference: each row, and each breakdown's columns. */
function linesOf(lines: readonly FigureLine[], columns: readonly string[]): Cell[][] {
  const result: Cell[][] = lines.map((_, row) => columns.map((column): Cell => [row, column]));
  const groups = new Map<string, number[]>();
  lines.forEach((line, row) => {
    if (line.breakdown === null) return;
    groups.set(line.breakdown, [...(groups.get(line.breakdown) ?? []), row]);
  });
  const totalRow = lines.findIndex((line) => line.breakdown === null);
  for (const rows of groups.values()) {
    for (const column of columns) {
      const cells = rows.map((row): Cell => [row, column]);
      if (totalRow >= 0) cells.push([totalRow, column]);
      result.push(cells);
    }
  }
  return result;
}

/**
 * The cell to hide beside a lone hidden one: the smallest visible value above zero among the
 * inner cells (least information lost), else an inner zero, else a margin.
 */
function cheapestPartner(
  cells: readonly Cell[],
  hidden: ReadonlySet<string>,
  value: (row: number, column: string) => number,
  id: (row: number, column: string) => string,
  totalRow: number,
): Cell | undefined {
  const visible = cells.filter(([row, column]) => !hidden.has(id(row, column)));
  const isMargin = ([row, column]: Cell) => column === TOTAL || row === totalRow;
  const rank = (cell: Cell) => {
    const v = value(...cell);
    return (isMargin(cell) ? 2 : v === 0 ? 1 : 0) * 1e15 + v;
  };
  return [...visible].sort((a, b) => rank(a) - rank(b))[0];
}
