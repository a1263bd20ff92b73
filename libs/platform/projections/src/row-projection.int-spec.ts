import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { DataSource, type Logger } from 'typeorm';
import { rowProjection } from './projection';
import { CaseSummary, caseSummaries, openReadModel, summaries } from './test-support/fixtures';

let db: TestDatabase;
let dataSource: DataSource;
let counting: DataSource;
const statements: string[] = [];

/** Records every statement that touches the read model's table. */
const logger: Logger = {
  logQuery: (query) => {
    if (query.includes('case_summaries'))
      statements.push(query.trim().split(/\s+/)[0].toUpperCase());
  },
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

beforeAll(async () => {
  db = await createTestDatabase('row_projection');
  dataSource = await openReadModel(db.url);
  counting = new DataSource({ type: 'postgres', url: db.url, entities: [CaseSummary], logger });
  await counting.initialize();
});

afterAll(async () => {
  await counting.destroy();
  await dataSource.destroy();
  await db.drop();
});

beforeEach(async () => {
  await dataSource.query('DELETE FROM read_test.case_summaries');
  statements.length = 0;
});

let position = 0;
function event(type: string, data: Record<string, string>): RecordedEvent {
  position++;
  return {
    eventId: randomUUID(),
    streamId: `case-${data.caseId}`,
    streamCategory: 'case',
    streamVersion: 1,
    globalPosition: position,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actorId: 'a',
      role: 'r',
      organisationId: null,
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-11-20T10:00:00.000Z',
    },
    recordedAt: new Date(),
  };
}

describe('rowProjection', () => {
  it('applies a batch with one SELECT of the affected rows, one upsert and one DELETE, whatever the number of events', async () => {
    const projection = caseSummaries();
    const stored = Array.from({ length: 50 }, () => randomUUID());
    await dataSource.transaction((manager) =>
      projection.apply(
        stored.map((caseId) => event('CaseOpened', { caseId })),
        manager,
      ),
    );
    const fresh = Array.from({ length: 50 }, () => randomUUID());
    const batch = [
      ...fresh.map((caseId) => event('CaseOpened', { caseId })),
      ...[...stored, ...fresh].flatMap((caseId) => [
        event('NoteAdded', { caseId, text: 'a' }),
        event('NoteAdded', { caseId, text: 'b' }),
      ]),
      ...stored.slice(0, 10).map((caseId) => event('CaseErased', { caseId })),
      ...fresh.slice(0, 10).map((caseId) => event('CaseErased', { caseId })),
      ...stored.slice(10, 20).map((caseId) => event('CaseClosed', { caseId })),
    ];
    statements.length = 0;

    await counting.transaction((manager) => projection.apply(batch, manager));

    expect(statements).toEqual(['SELECT', 'INSERT', 'DELETE']);
    const rows = await summaries(dataSource.manager);
    expect(rows).toHaveLength(80);
    expect(rows.every((row) => row.notes === 2)).toBe(true);
    expect(
      rows
        .filter((row) => row.status === 'closed')
        .map((row) => row.id)
        .sort(),
    ).toEqual(stored.slice(10, 20).sort());
  });

  it('writes more rows in one batch than one statement may carry parameters for', async () => {
    // 20,000 rows of 4 columns: 80,000 parameters, above PostgreSQL's 65,535.
    const batch = Array.from({ length: 20_000 }, () =>
      event('CaseOpened', { caseId: randomUUID() }),
    );
    await dataSource.transaction((manager) => caseSummaries().apply(batch, manager));
    expect(await dataSource.getRepository(CaseSummary).count()).toBe(20_000);
  });

  it('refuses a row whose primary key is not the key of its event', async () => {
    const broken = rowProjection<CaseSummary>({
      name: 'broken',
      entity: CaseSummary,
      handles: ['CaseOpened'],
      keyOf: (e) => String(e.data.caseId),
      evolve: (_row, e) => ({
        id: randomUUID(),
        status: 'open',
        notes: 0,
        lastPosition: e.globalPosition,
      }),
    });
    await expect(
      dataSource.transaction((manager) =>
        broken.apply([event('CaseOpened', { caseId: randomUUID() })], manager),
      ),
    ).rejects.toThrow(/primary key differs from keyOf/);
  });

  it('resets by deleting every row', async () => {
    const projection = caseSummaries();
    await dataSource.transaction((manager) =>
      projection.apply(
        Array.from({ length: 5 }, () => event('CaseOpened', { caseId: randomUUID() })),
        manager,
      ),
    );
    await dataSource.transaction((manager) => projection.reset(manager));
    expect(await summaries(dataSource.manager)).toEqual([]);
  });
});
