import { runMigrations } from '@haven/platform/database';
import { crossedName } from '@haven/reports/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import { createTestDatabase, seededRandom, type TestDatabase } from '@haven/platform/testing';
import { DataSource } from 'typeorm';
import { factProjection } from './fact-projection';
import { REPORTS_MIGRATIONS } from './index';
import type { FigureSpec, NewFact, ReportModule } from './programme-module';
import { computeReport, type FigureTable, type Query, type ReportRequest } from './report-query';
import { UNIQUE_BENEFICIARIES } from './subject-cells';

// Two programmes whose events carry their facts as they are: the figures cover every shape the
// rollups serve (breakdowns or none, crossed, persons across programmes), and the same distinct
// subjects grouped from the facts, which must agree with them.
const testModule = (programme: string): ReportModule => ({
  programme,
  categories: [programme],
  handles: ['Happened'],
  reads: () => [],
  factsOf: (event) => (event.data as unknown as { facts: NewFact[] }).facts,
  figures: [
    {
      name: 'served',
      kind: 'served',
      measure: 'subjects',
      breakdowns: ['setting', 'minor'],
      crossings: [['setting', 'minor']],
      rollup: true,
    },
    {
      name: 'servedGrouped',
      kind: 'served',
      measure: 'subjects',
      breakdowns: ['setting', 'minor'],
      // Declared the other way round: its lines are named in this order.
      crossings: [['minor', 'setting']],
    },
    { name: 'helped', kind: 'helped', measure: 'subjects', rollup: true },
    { name: 'helpedFacts', kind: 'helped', measure: 'facts', breakdowns: ['setting'] },
  ],
});
const MODULES = [testModule('alpha'), testModule('beta')];

const COUNTRIES = ['TH', 'LA', 'MM'];
const DAYS = ['2019-12-31', '2020-01-01', '2020-06-15', '2020-12-31', '2021-01-01'];
const RECORDED_FROM = Date.UTC(2020, 0, 1);
const RECORDED_SPAN = 400 * 86_400_000;

/** Events in log order, recorded at times that do not follow it (clock skew, late batches). */
function events(stream: string, count: number, random: () => number): RecordedEvent[] {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: count }, (_, index) => {
    const facts: NewFact[] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const kind = pick(['served', 'helped', 'elsewhere']);
      const attributes: Record<string, string> = {};
      if (random() < 0.8) attributes.setting = pick(['SHELTER', 'COMMUNITY', 'UNKNOWN']);
      if (random() < 0.9) attributes.minor = pick(['MINOR', 'ADULT']);
      return {
        kind,
        country: pick(COUNTRIES),
        occurredOn: pick(DAYS),
        subjectId: random() < 0.05 ? null : `person-${Math.floor(random() * 40)}`,
        person: kind !== 'helped' && random() < 0.7,
        attributes,
      };
    });
    return {
      eventId: `${stream}-${index}`,
      globalPosition: index + 1,
      recordedAt: new Date(RECORDED_FROM + Math.floor(random() * RECORDED_SPAN)),
      type: 'Happened',
      data: { facts },
    } as unknown as RecordedEvent;
  });
}

/** A fact as the projection saw it. */
interface Seen {
  programme: string;
  fact: NewFact;
  recordedAt: Date;
}

const factsOf = (events: readonly RecordedEvent[], programme: string): Seen[] =>
  events.flatMap((event) =>
    (event.data as unknown as { facts: NewFact[] }).facts.map((fact) => ({
      programme,
      fact,
      recordedAt: event.recordedAt,
    })),
  );

type Lines = Record<string, { byCountry: Record<string, number>; total: number }>;

/**
 * What a figure of distinct subjects should read, worked out here from the facts themselves: per
 * line (the figure, or a breakdown's value) and country, the subjects of the facts of its kind
 * that occurred in the year and were recorded by asOf. A line with facts but no subject reads 0.
 */
function expectedLines(seen: readonly Seen[], figure: FigureSpec, request: ReportRequest): Lines {
  const unique = figure === UNIQUE_BENEFICIARIES;
  const counted = seen.filter(
    ({ fact, recordedAt }) =>
      (unique ? fact.person : fact.kind === figure.kind) &&
      fact.occurredOn.startsWith(`${request.year}-`) &&
      recordedAt <= request.asOf &&
      request.countries.includes(fact.country),
  );
  const subjects = new Map<string, Set<string>>();
  const add = (line: string, country: string, subject: string | null | undefined) => {
    const cell = `${line}\u0000${country}`;
    if (!subjects.has(cell)) subjects.set(cell, new Set());
    if (subject) subjects.get(cell)!.add(subject);
  };
  add('', '*', null);
  for (const { programme, fact } of counted) {
    const value = (name: string) => (unique ? programme : (fact.attributes?.[name] ?? 'UNKNOWN'));
    const lines = [
      '',
      ...(figure.breakdowns ?? []).map((name) => `${name}=${value(name)}`),
      ...(figure.crossings ?? []).map(
        ([first, second]) =>
          `${crossedName(first, second)}=${crossedName(value(first), value(second))}`,
      ),
    ];
    for (const line of lines)
      for (const country of [fact.country, '*']) add(line, country, fact.subjectId);
  }
  const lines: Lines = {};
  for (const [cell, found] of subjects) {
    const [line, country] = cell.split('\u0000');
    lines[line] ??= {
      byCountry: Object.fromEntries(request.countries.map((code) => [code, 0])),
      total: 0,
    };
    if (country === '*') lines[line].total = found.size;
    else lines[line].byCountry[country] = found.size;
  }
  return lines;
}

const linesOf = (table: FigureTable): Lines =>
  Object.fromEntries(
    table.rows.map((row) => [
      row.breakdown === null ? '' : `${row.breakdown}=${row.key}`,
      { byCountry: row.byCountry, total: row.total },
    ]),
  );

describe('subject cells (ADR 19, rollups)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let query: Query;
  const projections = MODULES.map(factProjection);

  const applyInBatches = async (all: RecordedEvent[], programme: number, batch: number) => {
    for (let start = 0; start < all.length; start += batch) {
      await dataSource.transaction((manager) =>
        projections[programme].apply(all.slice(start, start + batch), manager),
      );
    }
  };

  const requests: ReportRequest[] = [2019, 2020, 2021].flatMap((year) =>
    [COUNTRIES, ['TH'], ['LA', 'MM']].flatMap((countries) =>
      [0.1, 0.35, 0.6, 0.85, 1.2].map((share) => ({
        year,
        countries,
        asOf: new Date(RECORDED_FROM + share * RECORDED_SPAN),
      })),
    ),
  );
  const reports = () =>
    Promise.all(requests.map((request) => computeReport(query, MODULES, request)));
  let seen: Seen[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('subject_cells');
    await runMigrations(db.url, REPORTS_MIGRATIONS);
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    query = (sql, parameters) => dataSource.query(sql, parameters);
    const random = seededRandom(20_201_231);
    const alpha = events('alpha', 600, random);
    const beta = events('beta', 600, random);
    seen = [...factsOf(alpha, 'alpha'), ...factsOf(beta, 'beta')];
    // Batches of different sizes: a cell first met in one batch may be met earlier in another.
    await applyInBatches(alpha, 0, 37);
    await applyInBatches(beta, 1, 250);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('counts each subject once per cell, per year, country subset and asOf, across programmes', async () => {
    const computed = await reports();
    const figures = [
      ...MODULES.flatMap((module) =>
        module.figures
          .filter((figure) => figure.measure === 'subjects')
          .map((figure) => ({ programme: module.programme, figure })),
      ),
      { programme: 'all', figure: UNIQUE_BENEFICIARIES },
    ];
    requests.forEach((request, index) => {
      for (const { programme, figure } of figures) {
        const table = computed[index].find(
          (t) => t.name === figure.name && t.programme === programme,
        )!;
        const facts = programme === 'all' ? seen : seen.filter((s) => s.programme === programme);
        expect({ request, programme, figure: figure.name, lines: linesOf(table) }).toEqual({
          request,
          programme,
          figure: figure.name,
          lines: expectedLines(facts, figure, request),
        });
      }
    });
    // Not vacuous: people counted, some in several countries, later records left out.
    const unique = (index: number) =>
      computed[index].find((t) => t.name === 'uniqueBeneficiaries')!.rows[0];
    const all2020AtEnd = requests.findIndex(
      (r) =>
        r.year === 2020 &&
        r.countries.length === 3 &&
        r.asOf.getTime() > RECORDED_FROM + RECORDED_SPAN,
    );
    const total = unique(all2020AtEnd);
    expect(total.total).toBeGreaterThan(20);
    expect(total.total).toBeLessThan(Object.values(total.byCountry).reduce((a, b) => a + b, 0));
    expect(unique(all2020AtEnd - 4).total).toBeLessThan(total.total);
  });

  it('keeps as facts only the kinds that figures group: the others live in their cells', async () => {
    const kinds: Array<{ kind: string }> = await dataSource.query(
      'SELECT DISTINCT kind FROM reports.facts ORDER BY kind',
    );
    expect(kinds).toEqual([{ kind: 'helped' }, { kind: 'served' }]);
  });

  it('replays a batch without changing a count, and keeps the earliest time a subject met a cell', async () => {
    const before = await reports();
    const random = seededRandom(20_201_231);
    await applyInBatches(events('alpha', 600, random), 0, 600);
    expect(await reports()).toEqual(before);
  });

  it('is what the report reads: the facts removed, the rolled-up figures stand', async () => {
    const before = await reports();
    await dataSource.query('CREATE TABLE reports.facts_kept AS TABLE reports.facts');
    await dataSource.query('DELETE FROM reports.facts');
    const after = await reports();
    await dataSource.query('INSERT INTO reports.facts SELECT * FROM reports.facts_kept');
    const rolledUp = (tables: typeof before) =>
      tables.map((report) =>
        report.filter((table) => !['helpedFacts', 'servedGrouped'].includes(table.name)),
      );
    expect(rolledUp(after)).toEqual(rolledUp(before));
    expect(after).not.toEqual(before);
  });

  it('refuses a module that would roll up a figure of latest states or over past years', () => {
    for (const figure of [
      { name: 'open', kind: 'state', measure: 'subjects', latest: true, rollup: true },
      { name: 'ever', kind: 'state', measure: 'subjects', period: 'untilYearEnd', rollup: true },
      { name: 'sum', kind: 'state', measure: 'sum', rollup: true },
    ] as const) {
      expect(() => factProjection({ ...testModule('gamma'), figures: [figure] })).toThrow(
        'only distinct subjects in a year, not the latest, can be rolled up',
      );
    }
  });

  it('refuses a module whose crossing is not of two of the figure’s breakdowns', () => {
    for (const crossings of [[['setting', 'place']], [['setting', 'setting']]] as const) {
      const figure = { name: 'odd', kind: 'served', measure: 'subjects', crossings } as const;
      expect(() =>
        factProjection({
          ...testModule('gamma'),
          figures: [{ ...figure, breakdowns: ['setting', 'minor'] }],
        }),
      ).toThrow('needs two of its breakdowns');
    }
  });

  it('removes a programme’s cells when its projection starts from empty, and no other’s', async () => {
    await dataSource.transaction((manager) => projections[0].reset!(manager));
    const rows: Array<{ programme: string }> = await dataSource.query(
      'SELECT DISTINCT programme FROM reports.subject_cells',
    );
    expect(rows).toEqual([{ programme: 'beta' }]);
  });
});
