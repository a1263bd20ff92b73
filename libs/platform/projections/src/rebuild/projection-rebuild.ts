import type { EventStore } from '@haven/platform/event-store';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { ensureCheckpoint, readCheckpoint, resetCheckpoint } from '../checkpoints';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import {
  createShadowTables,
  dropShadowTables,
  retargetToShadow,
  swapInShadowTables,
  type ShadowTable,
} from './shadow-tables';

export interface RebuildProgress {
  projection: string;
  phase: 'building' | 'swapping' | 'done';
  /** The shadow's checkpoint: the last position it has applied. */
  checkpoint: number;
  /** The log's head when last looked at. */
  head: number;
  /** Positions per second since the build began. */
  rate: number;
}

export interface RebuildOptions {
  store: EventStore;
  /** The service's database. */
  url: string;
  /** Every entity of the service's DataSource (the projection's own are written to shadows). */
  entities: DataSourceOptions['entities'];
  projection: Projection;
  batchSize?: number;
  /** How often progress is reported while building (default 250 ms). */
  progressIntervalMs?: number;
  /**
   * How long the swap waits for a running service to reach the shadow's position before it moves
   * the live checkpoint itself (default 10 s; a service's runner then restarts from there).
   */
  swapWaitMs?: number;
  /** Awaited at each change of phase, called without waiting while building. */
  onProgress?: (progress: RebuildProgress) => void | Promise<void>;
}

export interface RebuildResult {
  projection: string;
  /** The live checkpoint the swapped-in tables stand at. */
  position: number;
  /** Milliseconds from the start of the build to the swap's commit. */
  ms: number;
}

/** The checkpoint of a projection's rebuild in progress. */
export const rebuildCheckpointName = (name: string) => `${name}#rebuild`;

/**
 * Rebuilds a projection from zero while its service keeps serving the old rows (blue/green).
 *
 * The projection's tables are created empty in a shadow schema, and the projection's own `apply`
 * fills them from position 0 under a checkpoint of their own, with the live runner untouched.
 * Once caught up, one transaction locks the live checkpoint's row (a live runner's next batch
 * waits on it), brings the shadow exactly to the live checkpoint, drops the live tables and moves
 * the shadow tables into their place. Readers see either the whole old read model or the whole
 * new one, and the live runner carries on after the checkpoint the new tables stand at, so no
 * event is applied twice or skipped.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { store, projection } = options;
  if (!projection.entities?.length) {
    throw new Error(`Projection "${projection.name}" declares no entities: it cannot be rebuilt.`);
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    applicationName: `haven-rebuild`,
    logging: false,
  });
  await dataSource.initialize();
  const tables = retargetToShadow(dataSource, projection.entities);
  const shadowName = rebuildCheckpointName(projection.name);
  const started = Date.now();
  let head = await store.headPosition();
  const report = (phase: RebuildProgress['phase'], checkpoint: number) =>
    options.onProgress?.({
      projection: projection.name,
      phase,
      checkpoint,
      head,
      rate: checkpoint / Math.max(0.001, (Date.now() - started) / 1000),
    });
  try {
    await ensureCheckpoint(dataSource.manager, projection.name);
    await dataSource.transaction(async (manager) => {
      await createShadowTables(manager, tables);
      await resetCheckpoint(manager, shadowName);
    });
    const runner = new ProjectionRunner(
      store,
      dataSource,
      { ...projection, name: shadowName },
      { batchSize: options.batchSize ?? 1000, pollIntervalMs: 100 },
    );
    await report('building', 0);
    await runner.start();
    const ticker = setInterval(
      () => void report('building', runner.status().checkpoint ?? 0),
      options.progressIntervalMs ?? 250,
    );
    try {
      // Near the head is enough: the swap applies what is left, under the lock.
      for (;;) {
        head = await store.headPosition();
        await runner.waitFor(head, 24 * 3600_000);
        if ((await store.headPosition()) - head < (options.batchSize ?? 1000)) break;
      }
    } finally {
      clearInterval(ticker);
      await runner.stop();
    }
    await report('swapping', runner.status().checkpoint ?? 0);
    const position = await swap(dataSource, options, tables, shadowName);
    head = Math.max(head, position);
    await report('done', position);
    return { projection: projection.name, position, ms: Date.now() - started };
  } catch (error) {
    await dataSource.transaction(async (manager) => {
      await dropShadowTables(manager, tables);
      await manager.query('DELETE FROM projections.checkpoints WHERE name = $1', [shadowName]);
    });
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

async function swap(
  dataSource: DataSource,
  options: RebuildOptions,
  tables: readonly ShadowTable[],
  shadowName: string,
): Promise<number> {
  const deadline = Date.now() + (options.swapWaitMs ?? 10_000);
  for (;;) {
    const position = await dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        'SELECT position FROM projections.checkpoints WHERE name = $1 FOR UPDATE',
        [options.projection.name],
      )) as Array<{ position: string }>;
      const live = Number(row.position);
      const built = (await readCheckpoint(manager, shadowName)) ?? 0;
      // The service's runner is behind the shadow: let it catch up, unless it is not running.
      if (built > live && Date.now() < deadline) return null;
      await catchUp(manager, options, built, live);
      const at = Math.max(built, live);
      await manager.query(
        'UPDATE projections.checkpoints SET position = $2, updated_at = now() WHERE name = $1',
        [options.projection.name, at],
      );
      await manager.query('DELETE FROM projections.checkpoints WHERE name = $1', [shadowName]);
      await swapInShadowTables(manager, tables);
      return at;
    });
    if (position !== null) return position;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Applies to the shadow, in the swap's transaction, the events after `from` up to `to`. */
async function catchUp(
  manager: EntityManager,
  options: RebuildOptions,
  from: number,
  to: number,
): Promise<void> {
  const { projection, store } = options;
  const handles = new Set(projection.handles);
  for (let next = from + 1; next <= to;) {
    const page = await store.readAll({
      fromPosition: next,
      limit: options.batchSize ?? 1000,
      categories: projection.categories,
    });
    const events = page.filter((event) => event.globalPosition <= to);
    const handled = events.filter((event) => handles.has(event.type));
    if (handled.length > 0) await projection.apply(handled, manager);
    if (events.length < page.length || page.length === 0) return;
    next = events[events.length - 1].globalPosition + 1;
  }
}
