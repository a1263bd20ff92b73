import type { EntityManager } from 'typeorm';
import { textArray, textOf } from '@haven/platform/database';
import {
  crossingIndices,
  type FigureSpec,
  type NewFact,
  type ReportModule,
} from './programme-module';

/**
 * Rollups of distinct subjects (ADR 19). A figure that counts distinct subjects of the facts that
 * occurred in a year is counted from `reports.subject_cells`: one row per subject and cell
 * (country, breakdown, value), with the earliest time a fact put the subject in that cell.
 *
 * A subject counts in a cell as of a date when some fact recorded by then put it there; facts are
 * only ever added, so the earliest such time is all `asOf` needs, and the rollup stays exact. A
 * report then counts rows rather than hashing every fact of the year into every grouping set.
 * Figures of latest states, or over every year up to the report's, keep counting the facts.
 */

export const UNIQUE_BENEFICIARIES: FigureSpec = {
  name: 'uniqueBeneficiaries',
  kind: '*',
  measure: 'subjects',
  breakdowns: ['programme'],
};

/** The breakdown number of a figure's own row: the subject in its country, whatever else. */
const WHOLE_FIGURE = -1;
/** A fact's subject when it has none: such facts still make their cell appear, counting 0. */
const NO_SUBJECT = '';
/** A breakdown's value when the fact did not record it. */
const UNKNOWN = 'UNKNOWN';
/**
 * Between the two values of a crossing's cell (its breakdown number comes after the figure's
 * breakdowns, in the order it declares its crossings). A control character: no value holds it.
 */
const PAIR = '\u001f';

/**
 * Whether a module's figure is counted from subject cells rather than from the facts (the unique
 * beneficiaries, which no module declares, always are).
 */
export function countedFromCells(figure: FigureSpec): boolean {
  return (
    figure.rollup === true &&
    figure.measure === 'subjects' &&
    (figure.period ?? 'year') === 'year' &&
    !figure.latest
  );
}

/** A batch's cells, by key, each kept with its earliest recording time. */
export type CellBatch = Map<string, [string, number, number, string, string, string, Date]>;

/** What a module's facts put in subject cells: its rolled-up figures', and its persons'. */
export function subjectCellsOf(module: ReportModule) {
  // Each rolled-up figure with its crossings' breakdown indices, worked out once, not per fact.
  type RolledUp = { figure: FigureSpec; pairs: Array<[number, number]> };
  const figuresByKind = new Map<string, RolledUp[]>();
  for (const figure of module.figures) {
    const pairs = crossingIndices(figure); // refuses a crossing of breakdowns the figure lacks
    if (figure.rollup && !countedFromCells(figure)) {
      throw new Error(
        `${module.programme}.${figure.name}: only distinct subjects in a year, not the latest, can be rolled up`,
      );
    }
    if (!figure.rollup) continue;
    figuresByKind.set(figure.kind, [...(figuresByKind.get(figure.kind) ?? []), { figure, pairs }]);
  }
  return {
    /** Adds a fact's cells to a batch's. */
    add(cells: CellBatch, fact: NewFact, recordedAt: Date): void {
      const year = Number(fact.occurredOn.slice(0, 4));
      const subject = fact.subjectId ?? NO_SUBJECT;
      const put = (figure: string, breakdown: number, value: string) => {
        const key = `${figure}\u0000${year}\u0000${breakdown}\u0000${value}\u0000${fact.country}\u0000${subject}`;
        const earlier = cells.get(key);
        if (!earlier || recordedAt < earlier[6]) {
          cells.set(key, [figure, year, breakdown, value, subject, fact.country, recordedAt]);
        }
      };
      for (const { figure, pairs } of figuresByKind.get(fact.kind) ?? []) {
        put(figure.name, WHOLE_FIGURE, '');
        const breakdowns = figure.breakdowns ?? [];
        const valueOf = (index: number) => fact.attributes?.[breakdowns[index]] ?? UNKNOWN;
        breakdowns.forEach((_, index) => put(figure.name, index, valueOf(index)));
        pairs.forEach(([first, second], index) =>
          put(figure.name, breakdowns.length + index, `${valueOf(first)}${PAIR}${valueOf(second)}`),
        );
      }
      // A person's cell in her programme: her count across programmes is read from these.
      if (fact.person) put(UNIQUE_BENEFICIARIES.name, 0, module.programme);
    },
  };
}

// Cells per INSERT: large enough to amortise the round trip, small enough to bound memory.
const CELLS_PER_INSERT = 10_000;

/** Writes a batch's cells; a cell already there keeps the earlier of the two times. */
export async function writeSubjectCells(
  manager: EntityManager,
  programme: string,
  cells: CellBatch,
): Promise<void> {
  const rows = [...cells.values()];
  for (let start = 0; start < rows.length; start += CELLS_PER_INSERT) {
    const chunk = rows.slice(start, start + CELLS_PER_INSERT);
    await manager.query(
      `INSERT INTO reports.subject_cells (programme, figure, year, breakdown, value, subject_id,
         country, recorded_at)
       SELECT $1, figure, year::smallint, breakdown::smallint, value, subject_id, country,
              recorded_at::timestamptz
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[])
           AS cell (figure, year, breakdown, value, subject_id, country, recorded_at)
       ON CONFLICT (programme, figure, year, breakdown, value, subject_id, country)
       DO UPDATE SET recorded_at = EXCLUDED.recorded_at
        WHERE EXCLUDED.recorded_at < reports.subject_cells.recorded_at`,
      // Binary text arrays, cast in the statement: nothing to escape or unquote.
      [
        programme,
        ...Array.from({ length: 7 }, (_, index) =>
          textArray(chunk.map((row) => textOf(row[index]))),
        ),
      ],
    );
  }
}

const FILTERS = `figure = $2 AND year = $3 AND recorded_at <= $4 AND country = ANY($5)`;

/**
 * A rolled-up figure's distinct subjects per cell, in each country and across them. In a country,
 * each row is one subject of the cell. Across countries a subject counts once: the key keeps a
 * cell's subjects in order, so that pass is a walk down the index, not a hash table.
 * Parameters: programme, figure, year, asOf, countries. Rows: breakdown, value, country, subjects.
 */
export const FIGURE_CELLS_SQL = `
  SELECT breakdown, value, country, count(NULLIF(subject_id, '')) AS subjects
    FROM reports.subject_cells WHERE programme = $1 AND ${FILTERS}
   GROUP BY breakdown, value, country
  UNION ALL
  SELECT breakdown, value, NULL, count(NULLIF(subject_id, ''))
    FROM (SELECT DISTINCT breakdown, value, subject_id
            FROM reports.subject_cells WHERE programme = $1 AND ${FILTERS}) cells
   GROUP BY breakdown, value`;

/**
 * The unique beneficiaries: each person's cells in her programmes, counted per programme and in
 * total, in each country and across them, a person once in each. The figure's own line
 * (breakdown -1) counts the same rows without their programme. Parameters: programmes, then as
 * `FIGURE_CELLS_SQL`.
 */
export const UNIQUE_BENEFICIARIES_SQL = `
  SELECT CASE WHEN value IS NULL THEN ${WHOLE_FIGURE} ELSE 0 END AS breakdown, value, country,
         count(NULLIF(subject_id, '')) AS subjects
    FROM (SELECT value, country, subject_id
            FROM reports.subject_cells WHERE programme = ANY($1) AND ${FILTERS}
           GROUP BY GROUPING SETS ((value, country, subject_id), (value, subject_id),
             (country, subject_id), (subject_id))) pairs
   GROUP BY value, country`;

/** The rows of the cells' SQL, shaped as the facts' grouped rows that `tableOf` reads. */
export function groupedRowsOfCells(
  rows: Array<Record<string, unknown>>,
  figure: FigureSpec,
): Array<Record<string, unknown>> {
  const single = figure.breakdowns?.length ?? 0;
  const pairs = crossingIndices(figure);
  return rows.map((row) => {
    const breakdown = Number(row.breakdown);
    const grouped: Record<string, unknown> = {};
    if (breakdown >= single) {
      const [first, second] = pairs[breakdown - single];
      const [firstValue, secondValue] = String(row.value).split(PAIR);
      Object.assign(grouped, { [`b${first}`]: firstValue, [`g${first}`]: 0 });
      Object.assign(grouped, { [`b${second}`]: secondValue, [`g${second}`]: 0 });
    } else if (breakdown !== WHOLE_FIGURE) {
      Object.assign(grouped, { [`b${breakdown}`]: row.value, [`g${breakdown}`]: 0 });
    }
    return {
      country: row.country,
      all_countries: row.country === null ? 1 : 0,
      value: row.subjects,
      ...grouped,
    };
  });
}
