/**
 * Step 2 of `npm run bench:report`: read models caught up from position 0 by a ProjectionRunner,
 * each timed on its own, as a fresh service start catches them up. The report's fact projections
 * and every programme's own read models (networks, protection, empowerment, legal, relief) are
 * measured the same way, against the same baseline.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EMPOWERMENT_UPCASTERS } from '@haven/empowerment/contracts';
import { EMPOWERMENT_ENTITIES, EMPOWERMENT_PROJECTIONS } from '@haven/empowerment/read-models';
import { LEGAL_ENTITIES, LEGAL_PROJECTIONS } from '@haven/legal/read-models';
import { NETWORKS_ENTITIES, NETWORKS_PROJECTIONS } from '@haven/networks/read-models';
import { PostgresEventStore, type Upcaster } from '@haven/platform/event-store';
import { ProjectionRunner, type Projection } from '@haven/platform/projections';
import { PROTECTION_UPCASTERS } from '@haven/protection/contracts';
import { PROTECTION_ENTITIES, PROTECTION_PROJECTIONS } from '@haven/protection/read-models';
import { RELIEF_ENTITIES, RELIEF_PROJECTIONS } from '@haven/relief/read-models';

export interface CaughtUp {
  /** The service whose read model it is, and the projection's name. */
  service: string;
  name: string;
  /** Events of the projection's categories (of the whole log when it names none). */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /**
   * Rows in its tables once caught up, per event read: the baseline writes one row per ten
   * events (a case of ten events), so a projection writing a row per event does ten times its
   * writes for each event. Null when the projection declares no tables of its own.
   */
  rowsPerEvent: number | null;
  ratio: number;
  /** Null when the data set holds no event the projection reads. */
  pass: boolean | null;
}

/** A service's read models: its projections, the entities they write, the store's upcasters. */
export interface ReadModelSet {
  service: string;
  entities: Array<new () => object>;
  projections: readonly Projection[];
  upcasters?: readonly Upcaster[];
  /** Rows the projection wrote, when its tables are shared (the report's facts). */
  rowsOf?: (projection: Projection, admin: Pool) => Promise<number>;
}

/** Every programme's own read models, as each service runs them. */
export const PROGRAMME_READ_MODELS: readonly ReadModelSet[] = [
  { service: 'networks', entities: NETWORKS_ENTITIES, projections: NETWORKS_PROJECTIONS },
  {
    service: 'protection',
    entities: PROTECTION_ENTITIES,
    projections: PROTECTION_PROJECTIONS,
    upcasters: PROTECTION_UPCASTERS as readonly Upcaster[],
  },
  {
    service: 'empowerment',
    entities: EMPOWERMENT_ENTITIES,
    projections: EMPOWERMENT_PROJECTIONS,
    upcasters: EMPOWERMENT_UPCASTERS as readonly Upcaster[],
  },
  { service: 'legal', entities: LEGAL_ENTITIES, projections: LEGAL_PROJECTIONS },
  { service: 'relief', entities: RELIEF_ENTITIES, projections: RELIEF_PROJECTIONS },
];

/** Catches each projection of the set up from 0 to the log's head, one after the other. */
export async function catchUpEach(
  url: string,
  admin: Pool,
  set: ReadModelSet,
  baseline: number,
  progress: (line: string) => void,
): Promise<CaughtUp[]> {
  const store = new PostgresEventStore({
    connectionString: url,
    poolSize: 16,
    upcasters: set.upcasters,
  });
  const dataSource = new DataSource({ type: 'postgres', url, entities: set.entities });
  await dataSource.initialize();
  const results: CaughtUp[] = [];
  try {
    const head = await store.headPosition();
    for (const projection of set.projections) {
      const { rows } = await admin.query<{ n: string }>(
        projection.categories?.length
          ? 'SELECT count(*) AS n FROM event_store.events WHERE stream_category = ANY($1)'
          : 'SELECT count(*) AS n FROM event_store.events',
        projection.categories?.length ? [projection.categories] : [],
      );
      const runner = new ProjectionRunner(store, dataSource, projection, { batchSize: 1000 });
      const started = performance.now();
      await runner.start();
      await runner.waitFor(head, 1_800_000);
      await runner.stop();
      const seconds = (performance.now() - started) / 1000;
      const events = Number(rows[0].n);
      const written = await rowsWritten(set, projection, dataSource, admin);
      const eventsPerSecond = events / seconds;
      results.push({
        service: set.service,
        name: projection.name,
        events,
        seconds,
        eventsPerSecond,
        rowsPerEvent: written === null || events === 0 ? null : written / events,
        ratio: eventsPerSecond / baseline,
        pass: events === 0 ? null : eventsPerSecond >= baseline / 2,
      });
      progress(
        `${set.service}/${projection.name}: ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s over ${events.toLocaleString('en-US')} events (${((eventsPerSecond / baseline) * 100).toFixed(0)}% of baseline)`,
      );
    }
  } finally {
    await dataSource.destroy();
    await store.close();
  }
  return results;
}

async function rowsWritten(
  set: ReadModelSet,
  projection: Projection,
  dataSource: DataSource,
  admin: Pool,
): Promise<number | null> {
  if (set.rowsOf) return set.rowsOf(projection, admin);
  const tables = (projection.entities ?? []).map(
    (entity) => dataSource.getMetadata(entity).tablePath,
  );
  if (tables.length === 0) return null;
  let total = 0;
  for (const table of tables) {
    const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    total += Number(rows[0].n);
  }
  return total;
}

/** The tables a projection writes (its entities'), schema-qualified. */
export function tablesOf(dataSource: DataSource, projection: Projection): string[] {
  return (projection.entities ?? []).map((entity) => dataSource.getMetadata(entity).tablePath);
}
