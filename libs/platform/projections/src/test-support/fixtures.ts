/**
 * Test fixtures shared by the integration specs and the child process of the kill test: a small
 * case read model, its events, and a wrapper that counts how often each event is applied.
 */
import { randomUUID } from 'node:crypto';
import {
  migrateEventStore,
  PostgresEventStore,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@haven/platform/event-store';
import { Column, DataSource, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { migrateProjections } from '../checkpoints';
import { rowProjection, type Projection } from '../projection';

@Entity({ schema: 'read_test', name: 'case_summaries' })
export class CaseSummary {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: string;

  @Column('int')
  notes!: number;

  @Column('bigint', {
    name: 'last_position',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  lastPosition!: number;
}

export type CaseOpened = RecordedEvent<'CaseOpened', { caseId: string }>;
export type NoteAdded = RecordedEvent<'NoteAdded', { caseId: string; text: string }>;
export type CaseClosed = RecordedEvent<'CaseClosed', { caseId: string }>;
export type CaseErased = RecordedEvent<'CaseErased', { caseId: string }>;
export type CaseEvent = CaseOpened | NoteAdded | CaseClosed | CaseErased;

/** Every type the case projection handles; `CaseViewed` is appended too, and must be ignored. */
export const CASE_EVENT_TYPES: readonly CaseEvent['type'][] = [
  'CaseOpened',
  'NoteAdded',
  'CaseClosed',
  'CaseErased',
];

export function caseSummaries(
  options: { name?: string; categories?: string[]; poison?: (event: CaseEvent) => boolean } = {},
): Projection {
  return rowProjection<CaseSummary, CaseEvent>({
    name: options.name ?? 'case_summaries',
    entity: CaseSummary,
    handles: CASE_EVENT_TYPES,
    categories: options.categories,
    keyOf: (event) => event.data.caseId,
    evolve(row, event) {
      if (options.poison?.(event)) {
        throw new Error(`cannot project note "${'text' in event.data ? event.data.text : ''}"`);
      }
      const at = event.globalPosition;
      switch (event.type) {
        case 'CaseOpened':
          return { id: event.data.caseId, status: 'open', notes: 0, lastPosition: at };
        case 'NoteAdded':
          return row && { ...row, notes: row.notes + 1, lastPosition: at };
        case 'CaseClosed':
          return row && { ...row, status: 'closed', lastPosition: at };
        case 'CaseErased':
          return null;
        default: {
          const unexpected: never = event;
          return unexpected;
        }
      }
    },
  });
}

/**
 * Wraps a projection so that each applied event bumps `read_test.applied.times` for its position,
 * inside the batch's transaction: any event applied twice shows up as times = 2.
 * `pauseMs` sleeps (in PostgreSQL) after counting and before the real work, so a crash is likely
 * to land while a batch holds uncommitted writes.
 */
export function counted(inner: Projection, options: { pauseMs?: number } = {}): Projection {
  return {
    ...inner,
    async apply(events, manager) {
      await manager.query(
        `INSERT INTO read_test.applied (position, type, times)
         SELECT position, type, 1 FROM unnest($1::bigint[], $2::text[]) AS e(position, type)
         ON CONFLICT (position) DO UPDATE SET times = applied.times + 1`,
        [events.map((event) => event.globalPosition), events.map((event) => event.type)],
      );
      if (options.pauseMs) await manager.query('SELECT pg_sleep($1)', [options.pauseMs / 1000]);
      await inner.apply(events, manager);
    },
    async reset(manager) {
      await manager.query('DELETE FROM read_test.applied');
      await inner.reset(manager);
    },
  };
}

export async function appliedCounts(
  manager: EntityManager,
): Promise<Array<{ position: number; type: string; times: number }>> {
  const rows: Array<{ position: string; type: string; times: number }> = await manager.query(
    'SELECT position, type, times FROM read_test.applied ORDER BY position',
  );
  return rows.map((row) => ({ ...row, position: Number(row.position) }));
}

export async function summaries(manager: EntityManager): Promise<CaseSummary[]> {
  return manager.getRepository(CaseSummary).find({ order: { id: 'ASC' } });
}

export async function storedCheckpoint(
  manager: EntityManager,
  name: string,
): Promise<number | null> {
  const rows: Array<{ position: string }> = await manager.query(
    'SELECT position FROM projections.checkpoints WHERE name = $1',
    [name],
  );
  return rows.length ? Number(rows[0].position) : null;
}

/** The read model's DataSource; creates the fixture tables on first use. */
export async function openReadModel(url: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [CaseSummary],
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.query(`
    CREATE SCHEMA IF NOT EXISTS read_test;
    CREATE TABLE IF NOT EXISTS read_test.case_summaries (
      id uuid PRIMARY KEY, status text NOT NULL, notes int NOT NULL, last_position bigint NOT NULL
    );
    CREATE TABLE IF NOT EXISTS read_test.applied (
      position bigint PRIMARY KEY, type text NOT NULL, times int NOT NULL
    );
  `);
  return dataSource;
}

/** Event store, projections schema and read model on a database that has none yet. */
export async function prepareDatabase(
  url: string,
): Promise<{ store: EventStore; dataSource: DataSource }> {
  await migrateEventStore(url);
  await migrateProjections(url);
  return {
    store: new PostgresEventStore({ connectionString: url }),
    dataSource: await openReadModel(url),
  };
}

const metadata = {
  actorId: 'officer-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T10:00:00.000Z',
};

export type CaseEventSpec =
  | { type: 'CaseOpened' | 'CaseClosed' | 'CaseErased' | 'CaseViewed'; caseId: string }
  | { type: 'NoteAdded'; caseId: string; text: string };

/**
 * Appends the specs in order; consecutive events of one case go in one append, so that a live
 * runner sees them in one batch. Returns the global positions.
 */
export async function appendCaseEvents(
  store: EventStore,
  specs: readonly CaseEventSpec[],
  category = 'case',
): Promise<number[]> {
  const positions: number[] = [];
  for (let start = 0; start < specs.length;) {
    let end = start + 1;
    while (end < specs.length && specs[end].caseId === specs[start].caseId) end++;
    const events = specs
      .slice(start, end)
      .map(({ type, ...data }): NewEvent => ({ type, data, metadata }));
    const result = await store.append(`${category}-${specs[start].caseId}`, events, 'any');
    positions.push(...result.globalPositions);
    start = end;
  }
  return positions;
}

/** Many events fast: `cases` cases, each opened, given `notes` notes, viewed and closed. */
export async function appendManyCases(
  store: EventStore,
  cases: number,
  notes: number,
): Promise<{ positions: number[]; caseIds: string[] }> {
  const caseIds = Array.from({ length: cases }, () => randomUUID());
  const positions: number[] = [];
  await Promise.all(
    [0, 1, 2, 3].map(async (worker) => {
      for (let i = worker; i < caseIds.length; i += 4) {
        const caseId = caseIds[i];
        const events: NewEvent[] = [
          { type: 'CaseOpened', data: { caseId }, metadata },
          ...Array.from({ length: notes }, (_, n) => ({
            type: 'NoteAdded',
            data: { caseId, text: `note ${n}` },
            metadata,
          })),
          { type: 'CaseViewed', data: { caseId }, metadata },
          { type: 'CaseClosed', data: { caseId }, metadata },
        ];
        const result = await store.append(`case-${caseId}`, events, 'no_stream');
        positions.push(...result.globalPositions);
      }
    }),
  );
  return { positions: positions.sort((a, b) => a - b), caseIds };
}
