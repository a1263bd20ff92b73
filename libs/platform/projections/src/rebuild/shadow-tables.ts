import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A live read-model table and the shadow table a rebuild fills beside it. */
export interface ShadowTable {
  schema: string;
  table: string;
  shadowSchema: string;
}

/** The schema a rebuild of tables in `schema` writes to: `<schema>_rebuild`. */
export function shadowSchemaOf(schema: string): string {
  return `${schema}_rebuild`;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const live = (t: ShadowTable) => `${quote(t.schema)}.${quote(t.table)}`;
const shadow = (t: ShadowTable) => `${quote(t.shadowSchema)}.${quote(t.table)}`;

/**
 * Points `dataSource`'s entities at their shadow tables, and returns those tables. The entity
 * classes are shared with the live service; only this DataSource's own metadata (its copy) is
 * changed, so the projection's own `apply` writes the shadow tables unchanged.
 */
export function retargetToShadow(
  dataSource: DataSource,
  entities: readonly EntityTarget<ObjectLiteral>[],
): ShadowTable[] {
  return entities.map((entity) => {
    const metadata = dataSource.getMetadata(entity);
    if (!metadata.schema) {
      throw new Error(`${metadata.name} names no schema: a rebuild needs schema-qualified tables.`);
    }
    const table: ShadowTable = {
      schema: metadata.schema,
      table: metadata.tableName,
      shadowSchema: shadowSchemaOf(metadata.schema),
    };
    metadata.schema = table.shadowSchema;
    metadata.tablePath = `${table.shadowSchema}.${table.table}`;
    return table;
  });
}

/**
 * Creates each shadow table empty, as the live one is now (columns, defaults, checks, indexes and
 * their names: later migrations may name them). Foreign keys are not copied, so a table that has
 * any is refused rather than rebuilt without them.
 */
export async function createShadowTables(
  manager: EntityManager,
  tables: readonly ShadowTable[],
): Promise<void> {
  for (const t of tables) {
    const [{ foreign }] = await manager.query(
      `SELECT count(*)::int AS foreign FROM pg_constraint
        WHERE contype = 'f' AND (conrelid = $1::regclass OR confrelid = $1::regclass)`,
      [live(t)],
    );
    if (foreign > 0) throw new Error(`${t.schema}.${t.table} has foreign keys: not rebuildable.`);
    await manager.query(`CREATE SCHEMA IF NOT EXISTS ${quote(t.shadowSchema)}`);
    await manager.query(`DROP TABLE IF EXISTS ${shadow(t)}`);
    await manager.query(`CREATE TABLE ${shadow(t)} (LIKE ${live(t)} INCLUDING ALL)`);
    await copyIndexNames(manager, t);
  }
}

/** LIKE names the copied indexes itself; give each the live index's name (matched by definition). */
async function copyIndexNames(manager: EntityManager, t: ShadowTable): Promise<void> {
  const indexes = async (schema: string) =>
    (await manager.query(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`,
      [schema, t.table],
    )) as Array<{ name: string; def: string }>;
  // The definition without its own name and table: what the index is.
  const shape = (index: { name: string; def: string }) =>
    index.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, '$1');
  const shadowIndexes = await indexes(t.shadowSchema);
  for (const original of await indexes(t.schema)) {
    const copy = shadowIndexes.find((index) => shape(index) === shape(original));
    if (!copy || copy.name === original.name) continue;
    shadowIndexes.splice(shadowIndexes.indexOf(copy), 1);
    await manager.query(
      `ALTER INDEX ${quote(t.shadowSchema)}.${quote(copy.name)} RENAME TO ${quote(original.name)}`,
    );
  }
}

/**
 * Inside the swap's transaction: takes each live table's exclusive lock (waiting for its readers
 * to finish, holding new ones back until the commit), drops it, and moves the shadow table into
 * its place. Readers queued on the lock then read the new table.
 */
export async function swapInShadowTables(
  manager: EntityManager,
  tables: readonly ShadowTable[],
): Promise<void> {
  for (const t of tables) await manager.query(`LOCK TABLE ${live(t)} IN ACCESS EXCLUSIVE MODE`);
  for (const t of tables) {
    await manager.query(`DROP TABLE ${live(t)}`);
    await manager.query(`ALTER TABLE ${shadow(t)} SET SCHEMA ${quote(t.schema)}`);
  }
}

export async function dropShadowTables(
  manager: EntityManager,
  tables: readonly ShadowTable[],
): Promise<void> {
  for (const t of tables) await manager.query(`DROP TABLE IF EXISTS ${shadow(t)}`);
}
