import { runMigrations, type MigrationSet } from '@haven/platform/database';
import type { EntityManager } from 'typeorm';
import { CreateProjectionCheckpoints1763900000000 } from './migrations/1763900000000-create-projection-checkpoints';

export const PROJECTION_MIGRATIONS: MigrationSet = {
  schema: 'projections',
  migrations: [CreateProjectionCheckpoints1763900000000],
};

/** Creates or updates the checkpoint table (schema `projections`). */
export function migrateProjections(connectionString: string): Promise<string[]> {
  return runMigrations(connectionString, PROJECTION_MIGRATIONS);
}

/** The projection's checkpoint, creating it at 0 on first use. */
export async function ensureCheckpoint(manager: EntityManager, name: string): Promise<number> {
  await manager.query(
    `INSERT INTO projections.checkpoints (name, position, updated_at) VALUES ($1, 0, now())
     ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  return (await readCheckpoint(manager, name)) ?? 0;
}

export async function readCheckpoint(manager: EntityManager, name: string): Promise<number | null> {
  const rows: Array<{ position: string }> = await manager.query(
    'SELECT position FROM projections.checkpoints WHERE name = $1',
    [name],
  );
  return rows.length ? Number(rows[0].position) : null;
}

/**
 * Compare-and-set: moves the checkpoint only if it is still where this runner left it. The row
 * lock it takes also makes a second runner of the same projection wait, then fail here, instead
 * of applying the same events again. Returns false when the checkpoint had moved.
 */
export async function advanceCheckpoint(
  manager: EntityManager,
  name: string,
  from: number,
  to: number,
): Promise<boolean> {
  const rows: Array<{ moved: number }> = await manager.query(
    `WITH moved AS (
       UPDATE projections.checkpoints SET position = $3, updated_at = now()
        WHERE name = $1 AND position = $2 RETURNING 1
     ) SELECT count(*)::int AS moved FROM moved`,
    [name, from, to],
  );
  return rows[0].moved === 1;
}

/** Back to zero, for a rebuild (inside the transaction that resets the read model). */
export async function resetCheckpoint(manager: EntityManager, name: string): Promise<void> {
  await manager.query(
    `INSERT INTO projections.checkpoints (name, position, updated_at) VALUES ($1, 0, now())
     ON CONFLICT (name) DO UPDATE SET position = 0, updated_at = now()`,
    [name],
  );
}
