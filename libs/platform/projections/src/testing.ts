/**
 * A read-model test bed for projection specs: a fresh test database with the event store, the
 * checkpoints and a service's read-model schema migrated, and a runner per projection, started.
 * Every programme's projection spec needs exactly this, so it lives here once.
 */
import { runMigrations, type MigrationSet } from '@haven/platform/database';
import { migrateEventStore, PostgresEventStore, type Upcaster } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrateProjections } from './checkpoints';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

export interface ReadModelTestBedOptions {
  /** Names the test database (a suffix keeps parallel specs apart). */
  name: string;
  migrations: MigrationSet;
  entities: NonNullable<DataSourceOptions['entities']>;
  projections: readonly Projection[];
  /** Older event shapes the store reads as current ones, as the service registers them. */
  upcasters?: readonly Upcaster[];
}

export interface ReadModelTestBed {
  db: TestDatabase;
  store: PostgresEventStore;
  dataSource: DataSource;
  runners: ProjectionRunner[];
  /** Resolves once every runner has applied the log up to its head as it stands now. */
  caughtUp(): Promise<void>;
  /** Stops the runners, closes the connections and drops the database. */
  close(): Promise<void>;
}

export async function startReadModelTestBed(
  options: ReadModelTestBedOptions,
): Promise<ReadModelTestBed> {
  const db = await createTestDatabase(options.name);
  await migrateEventStore(db.url);
  await migrateProjections(db.url);
  await runMigrations(db.url, options.migrations);
  const store = new PostgresEventStore({
    connectionString: db.url,
    upcasters: options.upcasters,
  });
  const dataSource = new DataSource({ type: 'postgres', url: db.url, entities: options.entities });
  await dataSource.initialize();
  const runners = options.projections.map(
    (projection) => new ProjectionRunner(store, dataSource, projection, { pollIntervalMs: 50 }),
  );
  for (const runner of runners) await runner.start();
  return {
    db,
    store,
    dataSource,
    runners,
    async caughtUp() {
      const head = await store.headPosition();
      await Promise.all(runners.map((runner) => runner.waitFor(head)));
    },
    async close() {
      for (const runner of runners) await runner.stop();
      await store.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
