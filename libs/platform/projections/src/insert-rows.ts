import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// PostgreSQL accepts at most 65,535 bind parameters per statement.
const MAX_PARAMETERS = 65_535;

/** What a row whose key is already stored does: stays as it is, or takes some columns' values. */
export type OnConflict =
  { doNothing: true } | { conflict: readonly string[]; update: readonly string[] };

/**
 * Inserts entity rows with multi-row INSERTs built here. TypeORM's InsertQueryBuilder keeps its
 * parameters in a map it searches and rewrites for each one, which grows with the square of a
 * statement's size: it took 70% of a projection's time writing a row per event (ADR 24,
 * addendum). Each value goes through the driver's `preparePersistentValue`, as TypeORM sends it
 * (transformers, JSON, dates), and an undefined one is the column's DEFAULT, as with TypeORM.
 * Version, discriminator, generated and spatial columns, which TypeORM fills in itself, are not
 * supported.
 */
export async function insertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: readonly Row[],
  onConflict: OnConflict,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => column.isInsert);
  const special = columns.find(
    (column) =>
      column.isVersion ||
      column.isDiscriminator ||
      column.isGenerated ||
      driver.spatialTypes.includes(column.type),
  );
  if (special) {
    throw new Error(
      `insertRows: ${metadata.name}.${special.propertyName} is a version, discriminator, generated or spatial column.`,
    );
  }
  const escape = (name: string) => driver.escape(name);
  const table = metadata.schema
    ? `${escape(metadata.schema)}.${escape(metadata.tableName)}`
    : escape(metadata.tableName);
  const names = columns.map((column) => escape(column.databaseName)).join(', ');
  const conflictClause =
    'doNothing' in onConflict || onConflict.update.length === 0
      ? ' ON CONFLICT DO NOTHING'
      : ` ON CONFLICT (${onConflict.conflict.map(escape).join(', ')}) DO UPDATE SET ${onConflict.update
          .map((name) => `${escape(name)} = EXCLUDED.${escape(name)}`)
          .join(', ')}`;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(start, start + rowsPerStatement)) {
      const cells = columns.map((column) => {
        const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
        if (value === undefined) return 'DEFAULT';
        parameters.push(value);
        return `$${parameters.length}`;
      });
      tuples.push(`(${cells.join(', ')})`);
    }
    await manager.query(
      `INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}${conflictClause}`,
      parameters,
    );
  }
}
