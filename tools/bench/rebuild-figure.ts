/**
 * Figure 4 of `npm run bench:audit`: a blue/green rebuild (`rebuildProjection`: shadow table, own
 * checkpoint, swap under the live checkpoint's lock) beside the projection runner's plain
 * catch-up from zero into the live table (what a fresh service start does), over the same events
 * and the same `rowProjection`. Rounds alternate. The events are cases of ten (opened, eight
 * notes, closed) in one category, the shape of tools/bench/projection-figure.ts.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import type { PostgresEventStore, RecordedEvent } from '@haven/platform/event-store';
import {
  migrateProjections,
  ProjectionRunner,
  rebuildProjection,
  rowProjection,
} from '@haven/platform/projections';

@Entity({ schema: 'bench_rebuild', name: 'case_activity' })
class CaseActivity {
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

type CaseEvent = RecordedEvent<'CaseOpened' | 'CaseNoteAdded' | 'CaseClosed', { caseId: string }>;
const CATEGORY = 'rebuildcase';
const PER_CASE = 10;

const projection = (name: string) =>
  rowProjection<CaseActivity, CaseEvent>({
    name,
    entity: CaseActivity,
    handles: ['CaseOpened', 'CaseNoteAdded', 'CaseClosed'],
    categories: [CATEGORY],
    keyOf: (event) => event.data.caseId,
    evolve(row, event) {
      const at = event.globalPosition;
      switch (event.type) {
        case 'CaseOpened':
          return { id: event.data.caseId, status: 'open', notes: 0, lastPosition: at };
        case 'CaseNoteAdded':
          return row && { ...row, notes: row.notes + 1, lastPosition: at };
        case 'CaseClosed':
          return row && { ...row, status: 'closed', lastPosition: at };
      }
    },
  });

export interface RebuildFigure {
  events: number;
  rebuild: number;
  baseline: number;
  rounds: Array<{ side: string; eventsPerSecond: number }>;
}

export async function rebuildFigure(
  url: string,
  admin: Pool,
  store: PostgresEventStore,
  events: number,
  progress: (line: string) => void,
): Promise<RebuildFigure> {
  await migrateProjections(url);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS bench_rebuild;
    CREATE TABLE IF NOT EXISTS bench_rebuild.case_activity (
      id uuid PRIMARY KEY, status text NOT NULL, notes int NOT NULL, last_position bigint NOT NULL)`);
  const cases = Math.ceil(events / PER_CASE);
  progress(`rebuild: appending ${cases * PER_CASE} events (${cases} cases of ${PER_CASE})`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let c = next++; c < cases; c = next++) {
        const caseId = randomUUID();
        const metadata = {
          actorId: 'bench',
          role: 'protection_officer',
          organisationId: null,
          correlationId: caseId,
          causationId: null,
          occurredAt: '2026-12-01T10:00:00.000Z',
        };
        await store.append(
          `${CATEGORY}-${caseId}`,
          Array.from({ length: PER_CASE }, (_, i) => ({
            type: i === 0 ? 'CaseOpened' : i === PER_CASE - 1 ? 'CaseClosed' : 'CaseNoteAdded',
            data: { caseId },
            metadata,
          })),
          'no_stream',
        );
      }
    }),
  );
  const total = cases * PER_CASE;
  await admin.query('ANALYZE event_store.events');
  const dataSource = new DataSource({ type: 'postgres', url, entities: [CaseActivity] });
  await dataSource.initialize();
  let round = 0;
  const baseline = async () => {
    await admin.query('TRUNCATE bench_rebuild.case_activity');
    const runner = new ProjectionRunner(store, dataSource, projection(`bench_plain_${round++}`));
    const head = await store.headPosition();
    const started = performance.now();
    await runner.start();
    await runner.waitFor(head, 3_600_000);
    await runner.stop();
    return (total / (performance.now() - started)) * 1000;
  };
  const rebuild = async () => {
    const started = performance.now();
    // The live projection stands caught up (from the baseline); the rebuild starts from zero.
    await rebuildProjection({
      store,
      url,
      entities: [CaseActivity],
      projection: projection('bench_live'),
      swapWaitMs: 0,
    });
    return (total / (performance.now() - started)) * 1000;
  };
  try {
    const rounds: RebuildFigure['rounds'] = [];
    const sums = { rebuild: 0, baseline: 0 };
    for (let r = 0; r < 2; r++) {
      for (const side of r % 2
        ? (['rebuild', 'baseline'] as const)
        : (['baseline', 'rebuild'] as const)) {
        const eventsPerSecond = side === 'rebuild' ? await rebuild() : await baseline();
        sums[side] += eventsPerSecond / 2;
        rounds.push({ side, eventsPerSecond: Math.round(eventsPerSecond) });
        progress(
          `rebuild: round ${r + 1}/2 ${side.padEnd(8)} ${Math.round(eventsPerSecond)} events/s`,
        );
      }
    }
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM bench_rebuild.case_activity WHERE status = 'closed' AND notes = ${PER_CASE - 2}`,
    );
    if (Number(rows[0].n) !== cases) throw new Error('the rebuilt read model is not complete');
    return { events: total, rebuild: sums.rebuild, baseline: sums.baseline, rounds };
  } finally {
    await dataSource.destroy();
  }
}
