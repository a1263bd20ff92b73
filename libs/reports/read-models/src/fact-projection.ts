import { textArray, textOf } from '@haven/platform/database';
import type { RecordedEvent } from '@haven/platform/event-store';
import type { Projection } from '@haven/platform/projections';
import type { EntityManager } from 'typeorm';
import type { NewFact, ReportModule, SubjectAttributes, SubjectBook } from './programme-module';
import {
  countedFromCells,
  subjectCellsOf,
  writeSubjectCells,
  type CellBatch,
} from './subject-cells';

// Facts per INSERT: large enough to amortise the round trip, small enough to bound memory.
const FACTS_PER_INSERT = 10_000;

/**
 * A module's projection (`reports-<programme>`): per batch, one SELECT of the subjects its events
 * read, the facts derived in memory in event order, one multi-row INSERT of the facts (a replay
 * inserts nothing twice: fact ids derive from event ids), the subject cells its facts fill (ADR 19,
 * rollups) and one upsert of the subjects changed. Facts that only rolled-up figures count are
 * kept as cells only.
 */
export function factProjection(module: ReportModule): Projection {
  const prefix = `${module.programme}:`;
  const revision = module.revision ?? 1;
  const subjectCells = subjectCellsOf(module);
  // A fact that only rolled-up figures count lives in its cells alone; the table keeps the facts
  // that figures group, and those that replace one another.
  const groupedKinds = new Set(
    module.figures.filter((figure) => !countedFromCells(figure)).map((figure) => figure.kind),
  );
  return {
    name: `reports-${module.programme}${revision > 1 ? `-r${revision}` : ''}`,
    // Facts derived by an earlier revision (under the earlier name) are removed before it starts.
    startsFromEmpty: true,
    handles: module.handles,
    categories: module.categories,
    async apply(events, manager) {
      const wanted = new Set<string>();
      for (const event of events) for (const key of module.reads(event)) wanted.add(prefix + key);
      const known = new Map<string, SubjectAttributes>();
      if (wanted.size > 0) {
        const rows: Array<{ key: string; attributes: SubjectAttributes }> = await manager.query(
          'SELECT key, attributes FROM reports.subjects WHERE key = ANY($1)',
          [[...wanted]],
        );
        for (const row of rows) known.set(row.key, row.attributes);
      }
      const changed = new Map<string, SubjectAttributes>();
      const book: SubjectBook = {
        get: (key) => changed.get(prefix + key) ?? known.get(prefix + key),
        set: (key, attributes) => changed.set(prefix + key, attributes),
      };
      const rows: unknown[][] = [];
      const cells: CellBatch = new Map();
      for (const event of events) {
        module.factsOf(event, book).forEach((fact, index) => {
          if (groupedKinds.has(fact.kind) || fact.stateKey) {
            rows.push(factRow(module, event, fact, index));
          }
          subjectCells.add(cells, fact, event.recordedAt);
        });
      }
      for (let start = 0; start < rows.length; start += FACTS_PER_INSERT) {
        await insertFacts(manager, rows.slice(start, start + FACTS_PER_INSERT));
      }
      await writeSubjectCells(manager, module.programme, cells);
      if (changed.size > 0) {
        await manager.query(
          `INSERT INTO reports.subjects (key, attributes)
           SELECT key, attributes::jsonb FROM unnest($1::text[], $2::text[]) AS s (key, attributes)
           ON CONFLICT (key) DO UPDATE SET attributes = EXCLUDED.attributes`,
          [
            textArray([...changed.keys()]),
            textArray([...changed.values()].map((value) => JSON.stringify(value))),
          ],
        );
      }
    },
    async reset(manager) {
      await manager.query('DELETE FROM reports.facts WHERE programme = $1', [module.programme]);
      await manager.query('DELETE FROM reports.subject_cells WHERE programme = $1', [
        module.programme,
      ]);
      await manager.query('DELETE FROM reports.subjects WHERE starts_with(key, $1)', [prefix]);
    },
  };
}

function factRow(
  module: ReportModule,
  event: RecordedEvent,
  fact: NewFact,
  index: number,
): unknown[] {
  return [
    `${event.eventId}:${index}`,
    module.programme,
    fact.kind,
    fact.country,
    fact.occurredOn,
    event.recordedAt,
    event.globalPosition,
    fact.subjectId ?? null,
    fact.person ?? false,
    fact.stateKey ?? null,
    fact.quantity ?? 1,
    JSON.stringify(fact.attributes ?? {}),
  ];
}

async function insertFacts(manager: EntityManager, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  // One binary text array per column, unnested and cast: twelve parameters whatever the number
  // of rows, and nothing to escape or unquote.
  const column = (index: number) => textArray(rows.map((row) => textOf(row[index])));
  await manager.query(
    `INSERT INTO reports.facts (fact_id, programme, kind, country, occurred_on, recorded_at,
       position, subject_id, person, state_key, quantity, attributes)
     SELECT fact_id, programme, kind, country, occurred_on::date, recorded_at::timestamptz,
            position::bigint, subject_id, person::boolean, state_key, quantity::bigint,
            attributes::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
         AS fact (fact_id, programme, kind, country, occurred_on, recorded_at, position,
                  subject_id, person, state_key, quantity, attributes)
     ON CONFLICT (fact_id) DO NOTHING`,
    Array.from({ length: 12 }, (_, index) => column(index)),
  );
}
