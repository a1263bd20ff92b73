import { crossedName, crossingParts } from '@haven/reports/contracts';
import type { FigureDefinition } from './report-figure-definitions';

// What the annual report must say about what an end-to-end test recorded, worked out here from
// the test's own list of what it recorded (never from the report's tables): facts as the test
// knows them, then each figure counted as the report defines it (ADR 19).

/** One thing the test recorded, as the report counts it. */
export interface ExpectedFact {
  programme: string;
  kind: string;
  country: string;
  /** YYYY-MM-DD: the day it occurred. */
  on: string;
  subject: string;
  person?: boolean;
  quantity?: number;
  /** For outcomes: only the last recorded per key counts. */
  stateKey?: string;
  attributes?: Record<string, string>;
}

export interface Line {
  programme: string;
  figure: string;
  breakdown: string | null;
  key: string | null;
  values: Array<number | null>;
  total: number | null;
}

/** The lines the report must have for `year` over `countries`, in no particular order. */
export function expectedLines(
  facts: readonly ExpectedFact[],
  figures: readonly FigureDefinition[],
  year: number,
  countries: readonly string[],
): Line[] {
  const lines: Line[] = [];
  for (const figure of figures) {
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    const sinceEver = figure.period === 'untilYearEnd' || figure.period === 'openInYear';
    let selected = facts.filter(
      (fact) =>
        fact.programme === figure.programme &&
        fact.kind === figure.kind &&
        (sinceEver || fact.on >= yearStart) &&
        fact.on <= yearEnd &&
        countries.includes(fact.country),
    );
    if (figure.latest || figure.period === 'openInYear') {
      const last = new Map<string, ExpectedFact>();
      for (const fact of facts.filter((f) => f.on <= yearEnd))
        if (fact.stateKey && fact.kind === figure.kind) last.set(fact.stateKey, fact);
      selected = selected.filter((fact) => last.get(fact.stateKey!) === fact);
    }
    if (figure.period === 'openInYear') {
      // Open at the year's end, or closed during it: active in the year; new if opened in it.
      const derived = figure.newOrOngoing;
      selected = selected
        .filter((fact) => fact.attributes?.state === 'OPEN' || fact.on >= yearStart)
        .map((fact) =>
          derived
            ? {
                ...fact,
                attributes: {
                  ...fact.attributes,
                  [derived]: fact.attributes?.openedYear === String(year) ? 'NEW' : 'ONGOING',
                },
              }
            : fact,
        );
    }
    const quantities = (chosen: ExpectedFact[]) => chosen.map((fact) => fact.quantity ?? 1);
    const measure = (chosen: ExpectedFact[]): number => {
      const values = quantities(chosen);
      switch (figure.measure) {
        case 'facts':
          return chosen.length;
        case 'subjects':
          return new Set(chosen.map((fact) => fact.subject)).size;
        case 'sum':
          return values.reduce((sum, value) => sum + value, 0);
        case 'average': {
          // Each subject once, at her smallest quantity.
          const bySubject = new Map<string, number>();
          for (const fact of chosen) {
            const value = fact.quantity ?? 1;
            bySubject.set(fact.subject, Math.min(value, bySubject.get(fact.subject) ?? value));
          }
          const each = [...bySubject.values()];
          return each.length
            ? Math.round((each.reduce((a, b) => a + b, 0) / each.length) * 10) / 10
            : 0;
        }
        case 'minimum':
          return values.length ? Math.min(...values) : 0;
        case 'maximum':
          return values.length ? Math.max(...values) : 0;
      }
    };
    const line = (breakdown: string | null, key: string | null, chosen: ExpectedFact[]): Line => ({
      programme: figure.programme,
      figure: figure.name,
      breakdown,
      key,
      values: countries.map((country) =>
        measure(chosen.filter((fact) => fact.country === country)),
      ),
      total: measure(chosen),
    });
    lines.push(line(null, null, selected));
    const valueOf = (fact: ExpectedFact, breakdown: string) =>
      fact.attributes?.[breakdown] ?? 'UNKNOWN';
    for (const breakdown of figure.breakdowns ?? []) {
      const keys = [...new Set(selected.map((fact) => valueOf(fact, breakdown)))];
      for (const key of keys) {
        lines.push(
          line(
            breakdown,
            key,
            selected.filter((fact) => valueOf(fact, breakdown) === key),
          ),
        );
      }
    }
    for (const [first, second] of figure.crossings ?? []) {
      const keyOf = (fact: ExpectedFact) =>
        crossedName(valueOf(fact, first), valueOf(fact, second));
      for (const key of new Set(selected.map(keyOf))) {
        lines.push(
          line(
            crossedName(first, second),
            key,
            selected.filter((fact) => keyOf(fact) === key),
          ),
        );
      }
    }
  }
  // Beneficiaries across programmes, each once, and by programme.
  const persons = facts.filter(
    (fact) =>
      fact.person &&
      fact.on >= `${year}-01-01` &&
      fact.on <= `${year}-12-31` &&
      countries.includes(fact.country),
  );
  const distinct = (chosen: ExpectedFact[]) => new Set(chosen.map((fact) => fact.subject)).size;
  const unique = (key: string | null, chosen: ExpectedFact[]): Line => ({
    programme: 'all',
    figure: 'uniqueBeneficiaries',
    breakdown: key === null ? null : 'programme',
    key,
    values: countries.map((country) => distinct(chosen.filter((fact) => fact.country === country))),
    total: distinct(chosen),
  });
  lines.push(unique(null, persons));
  for (const programme of new Set(persons.map((fact) => fact.programme))) {
    lines.push(
      unique(
        programme,
        persons.filter((fact) => fact.programme === programme),
      ),
    );
  }
  return lines;
}

/** A line's identity, to compare two sets of lines. */
export const lineId = (line: Line) =>
  `${line.programme}.${line.figure}.${line.breakdown ?? '-'}.${line.key ?? '-'}`;

/**
 * What a reader of a suppressed report could work out by differencing: in a row (countries and
 * total), a breakdown's column (its keys and the figure's total there) or a crossing's column for
 * one value (its pairs with that value, and that value's line there) with exactly one hidden
 * value and a visible margin, the hidden one. Returns the values so recovered.
 */
export function recoverByDifferencing(
  lines: readonly Line[],
): Array<{ line: string; column: number; value: number }> {
  const recovered: Array<{ line: string; column: number; value: number }> = [];
  const figures = new Map<string, Line[]>();
  for (const line of lines) {
    const id = `${line.programme}.${line.figure}`;
    figures.set(id, [...(figures.get(id) ?? []), line]);
  }
  for (const group of figures.values()) {
    for (const line of group) {
      const hidden = line.values.flatMap((value, i) => (value === null ? [i] : []));
      if (hidden.length === 1 && line.total !== null) {
        const visible = line.values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
        recovered.push({ line: lineId(line), column: hidden[0], value: line.total - visible });
      }
    }
    // Lines that add up to a margin line: a breakdown's keys to the total; a crossing's pairs
    // that share one value to that value's own line.
    const total = group.find((line) => line.breakdown === null)!;
    const sums: Array<[parts: Line[], margin: Line]> = [];
    for (const breakdown of new Set(
      group.map((line) => line.breakdown).filter((b) => b !== null),
    )) {
      sums.push([group.filter((line) => line.breakdown === breakdown), total]);
    }
    for (const margin of group) {
      if (margin.breakdown === null || crossingParts(margin.breakdown)) continue;
      for (const side of [0, 1]) {
        const parts = group.filter(
          (line) =>
            crossingParts(line.breakdown ?? '')?.[side] === margin.breakdown &&
            crossingParts(line.key ?? '')?.[side] === margin.key,
        );
        if (parts.length > 0) sums.push([parts, margin]);
      }
    }
    for (const [parts, margin] of sums) {
      for (const column of [...total.values.keys(), -1]) {
        const at = (line: Line) => (column === -1 ? line.total : line.values[column]);
        const hidden = parts.filter((line) => at(line) === null);
        if (hidden.length === 1 && at(margin) !== null) {
          const visible = parts.reduce<number>((sum, line) => sum + (at(line) ?? 0), 0);
          recovered.push({ line: lineId(hidden[0]), column, value: at(margin)! - visible });
        }
      }
    }
  }
  return recovered;
}
