/**
 * How a report line names a crossed breakdown (ADR 19, crossed breakdowns): a cell of two
 * attributes at once, such as female minors, is the line `breakdown: "sex × ageGroup"`,
 * `key: "FEMALE × MINOR"`. The parts are in the order the figure declares them.
 */
export const CROSSING = ' × ';

/** The breakdown (or key) of a crossed line, from its two parts. */
export function crossedName(first: string, second: string): string {
  return `${first}${CROSSING}${second}`;
}

/** The two parts of a crossed breakdown or key; null for a single one. */
export function crossingParts(name: string): [string, string] | null {
  const at = name.indexOf(CROSSING);
  return at < 0 ? null : [name.slice(0, at), name.slice(at + CROSSING.length)];
}
