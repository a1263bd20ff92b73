import type { RecordedEvent } from '@haven/platform/event-store';

/**
 * One programme's share of the annual report: which integration events it reads, the facts it
 * keeps from them (each dated by the day it occurred), and the figures it publishes. Adding a
 * programme to the report is one such module in `modules/`, listed in `modules/index.ts`.
 */
export interface ReportModule {
  /** Stable: it names the programme in the report and keys the projection's checkpoint. */
  readonly programme: string;
  /**
   * Raised when the facts the module derives change meaning: the projection then takes a new
   * name, and its facts are derived afresh from the log (the old ones are removed first).
   */
  readonly revision?: number;
  readonly categories: readonly string[];
  readonly handles: readonly string[];
  /** The subjects (earlier facts' context) an event needs; loaded before its batch is applied. */
  reads(event: RecordedEvent): readonly string[];
  /** The facts an event adds. It may note a subject for later events (`subjects.set`). */
  factsOf(event: RecordedEvent, subjects: SubjectBook): NewFact[];
  readonly figures: readonly FigureSpec[];
}

/** What a module remembers about a notification, a case or a person, between events. */
export type SubjectAttributes = Record<string, string | number | boolean | null>;

export interface SubjectBook {
  get(key: string): SubjectAttributes | undefined;
  set(key: string, attributes: SubjectAttributes): void;
}

/** A fact to count: never an identity, only the coarse attributes of ADR 21. */
export interface NewFact {
  kind: string;
  /** The country of operation (TH, LA, MM, VN, OTHER). */
  country: string;
  /** YYYY-MM-DD: the day it occurred. */
  occurredOn: string;
  /** What it is about (an operation, a place, a notification, a person's random id). */
  subjectId?: string | null;
  /** The subject is a beneficiary (counted once across programmes). */
  person?: boolean;
  /** Facts with the same key replace one another: only the latest recorded counts. */
  stateKey?: string | null;
  /** What `sum` adds (participants, reach, an amount in minor units); 1 by default. */
  quantity?: number;
  /** Breakdown attributes, as the figures name them. */
  attributes?: Record<string, string>;
}

/**
 * A figure of the report: the facts of one kind, in the year (or up to its end), counted as
 * facts, as distinct subjects, or summed; in total and by each breakdown attribute.
 */
export interface FigureSpec {
  name: string;
  kind: string;
  /**
   * facts (counted), subjects (distinct), sum of quantities; average, minimum or maximum of
   * quantities (ages): these are not additive, and aggregate-only roles never see them (ADR 19).
   * An average counts each subject once, at her smallest quantity in the cell (her age at her
   * first fact of the year), so a person served ten times weighs as much as one served once.
   */
  measure: 'facts' | 'subjects' | 'sum' | 'average' | 'minimum' | 'maximum';
  /**
   * A sum of what persons or cases received (compensation, relief, grants): a cell of few
   * subjects may be one person's amount, so aggregate-only roles see it only when k subjects
   * make it up (ADR 19, sums of few). Counts of people, trainings' participants and the like are
   * suppressed by their value as every count is.
   */
  sumOfFew?: 'hidden';
  breakdowns?: readonly string[];
  /**
   * Pairs of breakdowns also counted together (ADR 19, crossed breakdowns), for the cells the
   * alliance publishes of two attributes at once (female minors, male students). Each is one line
   * per pair of values, named `a × b`; both must be among `breakdowns`.
   */
  crossings?: ReadonlyArray<readonly [string, string]>;
  /**
   * `year` (default): occurred in the year; `untilYearEnd`: on or before its last day;
   * `openInYear`: the facts are states of a subject (attribute `state`, OPEN or CLOSED, with
   * `latest`), counted when the latest state by the year's end is OPEN, or CLOSED within the
   * year. A case opened years ago and still open counts every year.
   */
  period?: 'year' | 'untilYearEnd' | 'openInYear';
  /**
   * Under `openInYear`, a breakdown derived rather than read: NEW when the fact's attribute
   * `openedYear` is the report's year, ONGOING otherwise (legal's active cases).
   */
  newOrOngoing?: string;
  /** Only the latest recorded fact of each state key counts (e.g. a notification's outcome). */
  latest?: boolean;
  /**
   * Distinct subjects in the year, kept per cell by the projection as it writes the facts (ADR 19,
   * rollups), for the figures over the most facts: the report then counts cells instead of
   * grouping a year of facts. Each fact writes a row per breakdown more, so it is for the few
   * figures where grouping the facts costs most. Only for `subjects` in a `year`, never `latest`.
   */
  rollup?: boolean;
}

/** The day of an ISO instant (UTC). */
export function dayOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** A breakdown value: the attribute, or UNKNOWN when it was not recorded. */
export function known(value: unknown): string {
  return value === null || value === undefined || value === '' ? 'UNKNOWN' : String(value);
}

/**
 * A figure's crossings as pairs of breakdown indices, in the order it declares them. A crossing
 * that names no breakdown of the figure is a mistake in a module, refused when the report is built.
 */
export function crossingIndices(figure: FigureSpec): Array<[number, number]> {
  const breakdowns = figure.breakdowns ?? [];
  return (figure.crossings ?? []).map(([first, second]) => {
    const pair: [number, number] = [breakdowns.indexOf(first), breakdowns.indexOf(second)];
    if (pair[0] < 0 || pair[1] < 0 || pair[0] === pair[1]) {
      throw new Error(`${figure.name}: crossing ${first} × ${second} needs two of its breakdowns`);
    }
    return pair;
  });
}
