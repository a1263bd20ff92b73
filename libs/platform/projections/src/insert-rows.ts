import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { textArray, textOf } from '@haven/platform/database';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** What a row whose key is already stored does: stays as it is, or takes some columns' values. */
export type OnConflict =
  { doNothing: true } | { conflict: readonly string[]; update: readonly string[] };

/**
 * Inserts entity rows with statements built here: `INSERT … SELECT … FROM unnest($1::text[], …)`,
 * one array parameter per column, sent in binary form so that nothing is escaped or unquoted.
 * TypeORM's InsertQueryBuilder keeps its parameters in a map it searches and rewrites for each
 * one, which grows with the square of a statement's size: it took 70% of a projection's time
 * writing a row per event. A multi-row VALUES list, a parameter per cell, costs PostgreSQL about
 * half as much again as the arrays do to parse and plan (ADR 24, addenda).
 *
 * Each value goes through the driver's `preparePersistentValue`, as TypeORM sends it
 * (transformers, JSON, dates), is sent as text and cast to its column's type, as a text
 * parameter is. An undefined value is the column's DEFAULT, as with TypeORM: consecutive rows
 * that leave out the same columns share a statement that omits them. Version, discriminator,
 * generated, spatial and enum columns, which TypeORM fills in or types itself, are not supported.
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
      column.type === 'enum' ||
      driver.spatialTypes.includes(column.type),
  );
  if (special) {
    throw new Error(
      `insertRows: ${metadata.name}.${special.propertyName} is a version, discriminator, generated, spatial or enum column.`,
    );
  }
  const escape = (name: string) => driver.escape(name);
  const table = metadata.schema
    ? `${escape(metadata.schema)}.${escape(metadata.tableName)}`
    : escape(metadata.tableName);
  // The type a text value is cast to: the column's, without a length or precision, so that a
  // value too long for its column is refused on assignment, as a parameter would be, not cut.
  const types = columns.map(
    (column) => `${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`,
  );
  const conflictClause =
    'doNothing' in onConflict || onConflict.update.length === 0
      ? ' ON CONFLICT DO NOTHING'
      : ` ON CONFLICT (${onConflict.conflict.map(escape).join(', ')}) DO UPDATE SET ${onConflict.update
          .map((name) => `${escape(name)} = EXCLUDED.${escape(name)}`)
          .join(', ')}`;

  const write = async (cellsOfRows: unknown[][]) => {
    const given = columns.flatMap((_, i) => (cellsOfRows[0][i] === undefined ? [] : [i]));
    const names = given.map((i) => escape(columns[i].databaseName)).join(', ');
    const parameters = given.map((i) =>
      textArray(cellsOfRows.map((cells) => asText(cells[i], columns[i]))),
    );
    const unnested = given.map((_, k) => `$${k + 1}::text[]`).join(', ');
    const aliases = given.map((_, k) => `c${k}`);
    const casts = given.map((i, k) => `${aliases[k]}::${types[i]}`).join(', ');
    await manager.query(
      `INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${unnested}) AS t(${aliases.join(', ')})${conflictClause}`,
      parameters,
    );
  };

  let run: unknown[][] = [];
  for (const row of rows) {
    const cells = columns.map((column): unknown =>
      driver.preparePersistentValue(column.getEntityValue(row), column),
    );
    if (run.length > 0 && !sameColumnsGiven(cells, run[0])) {
      await write(run);
      run = [];
    }
    run.push(cells);
  }
  await write(run);
}

/** Whether two rows leave out (undefined) the same columns. */
function sameColumnsGiven(cells: readonly unknown[], others: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    if ((cells[i] === undefined) !== (others[i] === undefined)) return false;
  }
  return true;
}

/**
 * A cell as the text PostgreSQL reads for its column's type; null stays null. An array column's
 * value becomes its array literal, one element of the column's text[].
 */
function asText(value: unknown, column: ColumnMetadata): string | null {
  if (column.isArray && Array.isArray(value)) return arrayLiteral(value);
  return textOf(value);
}

/** A one-dimensional array literal: every element quoted and escaped, null as NULL. */
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((element) =>
    element === null || element === undefined
      ? 'NULL'
      : `"${(element instanceof Date ? element.toISOString() : String(element)).replace(/[\\"]/g, '\\$&')}"`,
  );
  return `{${elements.join(',')}}`;
}
