import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';

export interface MigrationSet {
  /** The PostgreSQL schema that owns these tables and their `migrations` bookkeeping table. */
  schema: string;
  migrations: Array<new () => MigrationInterface>;
}

/**
 * Applies a schema's pending TypeORM migrations. Several processes may start at once (`npm
 * start`, test workers), so a PostgreSQL advisory lock makes them take turns instead of racing.
 * Returns the names of the migrations it applied.
 */
export async function runMigrations(
  connectionString: string,
  set: MigrationSet,
): Promise<string[]> {
  const lock = new Client({ connectionString });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`haven.migrations.${set.schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${set.schema}"`);
    // Loaded here, not with this module: TypeORM takes ~0.2 s to load, and a process that only
    // reads and appends (the relay's worker thread, say) never migrates.
    const { DataSource } = await import('typeorm');
    const dataSource = new DataSource({
      type: 'postgres',
      url: connectionString,
      schema: set.schema,
      migrationsTableName: 'migrations',
      migrations: set.migrations,
      migrationsTransactionMode: 'each',
      logging: false,
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}
