import { runMigrations } from '@haven/platform/database';
import type { RecordedEvent } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { DataSource } from 'typeorm';
import { factProjection } from './fact-projection';
import { REPORTS_MIGRATIONS } from './index';
import type { NewFact, ReportModule } from './programme-module';
import { computeReport, type Query, type ReportRequest } from './report-query';

// Two programmes whose events carry their facts as they are: the figures cover every shape the
// rollups serve (breakdowns or none, persons across programmes), and one the facts still serve.
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
      rollup: true,
    },
    { name: 'helped', kind: 'helped', measure: 'subjects', rollup: true },
    { name: 'helpedFacts', kind: 'helped', measure: 'facts', breakdowns: ['setting'] },
  ],
});
const MODULES = [testModule('alpha'), testModule('beta')];

// A small deterministic generator (mulberry32), so that a failure can be replayed.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const reportsOf = (source: 'cells' | 'facts') =>
    Promise.all(requests.map((request) => computeReport(query, MODULES, request, source)));

  beforeAll(async () => {
    db = await createTestDatabase('subject_cells');
    await runMigrations(db.url, REPORTS_MIGRATIONS);
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    query = (sql, parameters) => dataSource.query(sql, parameters);
    const random = generator(20_201_231);
    // Batches of different sizes: a cell first met in one batch may be met earlier in another.
    await applyInBatches(events('alpha', 600, random), 0, 37);
    await applyInBatches(events('beta', 600, random), 1, 250);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('counts every figure as the facts do: per year, country subset and asOf, across programmes', async () => {
    const fromCells = await reportsOf('cells');
    expect(fromCells).toEqual(await reportsOf('facts'));
    // Not vacuous: people counted, across countries, several programmes, later records ignored.
    const unique = (index: number) =>
      fromCells[index].find((t) => t.name === 'uniqueBeneficiaries');
    const all2020AtEnd = requests.findIndex(
      (r) =>
        r.year === 2020 &&
        r.countries.length === 3 &&
        r.asOf.getTime() > RECORDED_FROM + RECORDED_SPAN,
    );
    const total = unique(all2020AtEnd)!.rows[0];
    expect(total.total).toBeGreaterThan(20);
    expect(total.total).toBeLessThan(Object.values(total.byCountry).reduce((a, b) => a + b, 0));
    expect(unique(all2020AtEnd - 4)!.rows[0].total).toBeLessThan(total.total);
    const { count } = (
      await dataSource.query('SELECT count(*)::int AS count FROM reports.subject_cells')
    )[0];
    expect(count).toBeGreaterThan(0);
  });

  it('replays a batch without changing a count, and keeps the earliest time a subject met a cell', async () => {
    const before = await reportsOf('cells');
    const random = generator(20_201_231);
    await applyInBatches(events('alpha', 600, random), 0, 600);
    expect(await reportsOf('cells')).toEqual(before);
  });

  it('is what the report reads: the facts removed, the rolled-up figures stand', async () => {
    const before = await reportsOf('cells');
    await dataSource.query('CREATE TABLE reports.facts_kept AS TABLE reports.facts');
    await dataSource.query('DELETE FROM reports.facts');
    const after = await reportsOf('cells');
    await dataSource.query('INSERT INTO reports.facts SELECT * FROM reports.facts_kept');
    const rolledUp = (tables: typeof before) =>
      tables.map((report) => report.filter((table) => table.name !== 'helpedFacts'));
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

  it('removes a programme’s cells when its projection starts from empty, and no other’s', async () => {
    await dataSource.transaction((manager) => projections[0].reset!(manager));
    const rows: Array<{ programme: string }> = await dataSource.query(
      'SELECT DISTINCT programme FROM reports.subject_cells',
    );
    expect(rows).toEqual([{ programme: 'beta' }]);
  });
});
