import { crossedName, crossingParts } from '@haven/reports/contracts';
import { suppressSmallCells, type FigureLine, type ShownLine } from './suppression';

const COUNTRIES = ['TH', 'LA', 'MM'];

function line(breakdown: string | null, key: string | null, values: number[]): FigureLine {
  return {
    breakdown,
    key,
    byCountry: Object.fromEntries(COUNTRIES.map((country, i) => [country, values[i]])),
    total: values.reduce((a, b) => a + b, 0),
  };
}

/**
 * What a reader can work out by differencing: in any line (a row with its total, or a
 * breakdown's column with the figure's total there) with exactly one hidden cell, that cell is
 * the margin minus the visible cells. Returns the cells so recovered.
 */
function recoverByDifferencing(
  shown: ShownLine[],
): Array<{ row: number; column: string; value: number }> {
  const recovered: Array<{ row: number; column: string; value: number }> = [];
  const cell = (row: number, column: string) =>
    column === 'TOTAL' ? shown[row].total : shown[row].byCountry[column];
  // Rows: the countries add up to the total.
  shown.forEach((_, row) => {
    const hidden = COUNTRIES.filter((c) => cell(row, c) === null);
    const total = cell(row, 'TOTAL');
    if (hidden.length === 1 && total !== null) {
      const visible = COUNTRIES.filter((c) => c !== hidden[0]).reduce(
        (s, c) => s + (cell(row, c) ?? 0),
        0,
      );
      recovered.push({ row, column: hidden[0], value: total - visible });
    }
    if (hidden.length === 0 && total === null) {
      recovered.push({
        row,
        column: 'TOTAL',
        value: COUNTRIES.reduce((s, c) => s + (cell(row, c) ?? 0), 0),
      });
    }
  });
  // Columns: a breakdown's keys add up to the figure's total row; a crossing's pairs that share
  // one value add up to that value's row.
  const sums: Array<[rows: number[], marginRow: number]> = [];
  const breakdowns = [
    ...new Set(shown.map((l) => l.breakdown).filter((b) => b !== null && !crossingParts(b))),
  ];
  for (const breakdown of breakdowns) {
    sums.push([shown.flatMap((l, i) => (l.breakdown === breakdown ? [i] : [])), 0]);
  }
  shown.forEach((margin, marginRow) => {
    if (margin.breakdown === null || crossingParts(margin.breakdown)) return;
    for (const side of [0, 1]) {
      const rows = shown.flatMap((l, i) => {
        const names = l.breakdown && crossingParts(l.breakdown);
        const keys = l.key && crossingParts(l.key);
        return names && keys && names[side] === margin.breakdown && keys[side] === margin.key
          ? [i]
          : [];
      });
      if (rows.length > 0) sums.push([rows, marginRow]);
    }
  });
  for (const [rows, marginRow] of sums) {
    for (const column of [...COUNTRIES, 'TOTAL']) {
      const margin = cell(marginRow, column);
      const hidden = rows.filter((row) => cell(row, column) === null);
      if (hidden.length === 1 && margin !== null) {
        const visible = rows
          .filter((r) => r !== hidden[0])
          .reduce((s, r) => s + (cell(r, column) ?? 0), 0);
        recovered.push({ row: hidden[0], column, value: margin - visible });
      }
    }
  }
  return recovered;
}

describe('small-cell suppression', () => {
  // Persons protected by nationality, as in the 2020 report: 3 Cambodians hide among many.
  const persons = [
    line(null, null, [40, 60, 25]),
    line('nationality', 'KH', [3, 0, 0]),
    line('nationality', 'LA', [20, 60, 0]),
    line('nationality', 'TH', [17, 0, 0]),
    line('nationality', 'MM', [0, 0, 25]),
  ];

  it('hides every cell from 1 to k − 1, and shows zeros and large cells', () => {
    const shown = suppressSmallCells(persons, COUNTRIES, 11);
    expect(shown[1].byCountry.TH).toBeNull();
    expect(shown[1].total).toBeNull();
    expect(shown[1].byCountry.LA).toBe(0);
    expect(shown[2].byCountry.LA).toBe(60);
    expect(shown[4].byCountry.MM).toBe(25);
  });

  it('without secondary suppression the 3 would be recovered: 40 − 20 − 17', () => {
    // The attack works on primary suppression alone, so the test below can fail.
    const primaryOnly: ShownLine[] = persons.map((l) => ({
      ...l,
      byCountry: Object.fromEntries(
        Object.entries(l.byCountry).map(([c, v]) => [c, v > 0 && v < 11 ? null : v]),
      ),
      total: l.total > 0 && l.total < 11 ? null : l.total,
    }));
    expect(recoverByDifferencing(primaryOnly)).toContainEqual({ row: 1, column: 'TH', value: 3 });
  });

  it('hides enough further cells that differencing recovers nothing', () => {
    const shown = suppressSmallCells(persons, COUNTRIES, 11);
    expect(recoverByDifferencing(shown)).toEqual([]);
    // The partner cell chosen is the smallest that closes the gap: Thai nationals in Thailand.
    expect(shown[3].byCountry.TH).toBeNull();
  });

  it('hides a sum of few by how many make it up, not by its value, and differencing recovers none', () => {
    // Compensation approved, in satang, by source: the offender paid one case in Myanmar.
    const withContributors = (l: FigureLine, cases: number[]): FigureLine => ({
      ...l,
      contributors: {
        byCountry: Object.fromEntries(COUNTRIES.map((country, i) => [country, cases[i]])),
        total: cases.reduce((a, b) => a + b, 0),
      },
    });
    const compensation = [
      withContributors(line(null, null, [62_360_000, 0, 3_000_000]), [20, 0, 1]),
      withContributors(line('source', 'STATE_FUND', [33_360_000, 0, 0]), [12, 0, 0]),
      withContributors(line('source', 'OFFENDER', [29_000_000, 0, 3_000_000]), [8, 0, 1]),
    ];
    const shown = suppressSmallCells(compensation, COUNTRIES, 11);
    // One case's 30,000 THB is hidden, though far above k; so is what would give it away.
    expect(shown[2].byCountry.MM).toBeNull();
    expect(shown[0].byCountry.MM).toBeNull();
    // Eight cases are fewer than k: their sum is hidden too, and with it the state fund's twelve
    // (else 62,360,000 − 33,360,000 gives it).
    expect(shown[2].byCountry.TH).toBeNull();
    expect(shown[1].byCountry.TH).toBeNull();
    expect(recoverByDifferencing(shown)).toEqual([]);
    // Judged by its value alone, as a count is, nothing would have been hidden.
    const byValue = suppressSmallCells(
      compensation.map(({ contributors: _contributors, ...l }) => l),
      COUNTRIES,
      11,
    );
    expect(byValue[2].byCountry.MM).toBe(3_000_000);
  });

  it('holds for many random tables and any k', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const keys = 1 + random(5);
      const rows = Array.from({ length: keys }, (_, i) =>
        line(
          'b',
          `k${i}`,
          COUNTRIES.map(() => (random(3) === 0 ? 0 : random(30))),
        ),
      );
      const totals = COUNTRIES.map((_, c) =>
        rows.reduce((s, r) => s + r.byCountry[COUNTRIES[c]], 0),
      );
      const table = [line(null, null, totals), ...rows];
      const k = 2 + random(15);
      const shown = suppressSmallCells(table, COUNTRIES, k);
      expect(recoverByDifferencing(shown)).toEqual([]);
      shown.forEach((l, i) =>
        COUNTRIES.forEach((c) => {
          const v = table[i].byCountry[c];
          if (v > 0 && v < k) expect(l.byCountry[c]).toBeNull();
        }),
      );
    }
  });

  describe('with a crossing', () => {
    // Legal's beneficiaries by sex and by minor or adult, and crossed: 4 boys among many.
    const sex = crossedName('sex', 'ageGroup');
    const beneficiaries = [
      line(null, null, [76, 16, 0]),
      line('sex', 'FEMALE', [70, 14, 0]),
      line('sex', 'MALE', [6, 2, 0]),
      line('ageGroup', 'ADULT', [38, 16, 0]),
      line('ageGroup', 'MINOR', [38, 0, 0]),
      line(sex, crossedName('FEMALE', 'ADULT'), [36, 14, 0]),
      line(sex, crossedName('FEMALE', 'MINOR'), [34, 0, 0]),
      line(sex, crossedName('MALE', 'ADULT'), [2, 2, 0]),
      line(sex, crossedName('MALE', 'MINOR'), [4, 0, 0]),
    ];

    it('without differencing the crossing, 4 boys would be recovered: 38 − 34', () => {
      // Primary and secondary suppression of the single breakdowns only: the crossing's lines
      // are left out of the table, then put back as they were suppressed alone.
      const singles = beneficiaries.slice(0, 5);
      const shownSingles = suppressSmallCells(singles, COUNTRIES, 11);
      const crossedAlone = beneficiaries.slice(5).map((l) => ({
        ...l,
        byCountry: Object.fromEntries(
          Object.entries(l.byCountry).map(([c, v]) => [c, v > 0 && v < 11 ? null : v]),
        ),
        total: l.total > 0 && l.total < 11 ? null : l.total,
      }));
      expect(recoverByDifferencing([...shownSingles, ...crossedAlone])).toContainEqual({
        row: 8,
        column: 'TH',
        value: 4,
      });
    });

    it('hides enough cells of the crossing that differencing recovers nothing', () => {
      const shown = suppressSmallCells(beneficiaries, COUNTRIES, 11);
      expect(shown[8].byCountry.TH).toBeNull();
      expect(recoverByDifferencing(shown)).toEqual([]);
    });

    it('holds for many random crossed tables and any k', () => {
      let seed = 11;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (let run = 0; run < 300; run++) {
        const firstKeys = Array.from({ length: 1 + random(3) }, (_, i) => `a${i}`);
        const secondKeys = Array.from({ length: 1 + random(3) }, (_, i) => `b${i}`);
        const cells = firstKeys.flatMap((a) =>
          secondKeys.map((b) => ({
            a,
            b,
            values: COUNTRIES.map(() => (random(3) === 0 ? 0 : random(30))),
          })),
        );
        const sumOf = (chosen: typeof cells) =>
          COUNTRIES.map((_, c) => chosen.reduce((s, x) => s + x.values[c], 0));
        const table = [
          line(null, null, sumOf(cells)),
          ...firstKeys.map((a) => line('x', a, sumOf(cells.filter((x) => x.a === a)))),
          ...secondKeys.map((b) => line('y', b, sumOf(cells.filter((x) => x.b === b)))),
          ...cells.map((x) => line(crossedName('x', 'y'), crossedName(x.a, x.b), x.values)),
        ];
        const k = 2 + random(15);
        const shown = suppressSmallCells(table, COUNTRIES, k);
        expect(recoverByDifferencing(shown)).toEqual([]);
      }
    });
  });
});
