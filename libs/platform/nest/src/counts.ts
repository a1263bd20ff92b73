import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { perRequest } from './request-loader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Reads a count per id from a read-model table with one row per id (a missing row means 0), with
 * one query per request for every id asked in it. Ids that are not UUIDs count 0 without a query.
 */
export class CountsById<Row extends ObjectLiteral> {
  private readonly loader: (context: object) => { load(id: string): Promise<number> };
  private sql?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<Row>,
    private readonly columns: { id: keyof Row & string; count: keyof Row & string },
  ) {
    this.loader = perRequest((ids: readonly string[]) => this.countsFor(ids));
  }

  /** The count for `id`, batched with every other id asked in the same request. */
  load(context: object, id: string): Promise<number> {
    return this.loader(context).load(id);
  }

  private async countsFor(ids: readonly string[]): Promise<number[]> {
    const keys = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows: Array<{ id: string; count: number | string }> = keys.length
      ? await this.dataSource.query(this.query(), [keys])
      : [];
    const counts = new Map(rows.map((row) => [String(row.id), Number(row.count)]));
    return ids.map((id) => counts.get(id.toLowerCase()) ?? 0);
  }

  /**
   * The statement, written once from the entity's metadata: TypeORM's `find` builds and
   * translates a query on every call, which cost more CPU than the query itself.
   */
  private query(): string {
    if (!this.sql) {
      const metadata = this.dataSource.getMetadata(this.entity);
      const column = (property: string) => {
        const found = metadata.findColumnWithPropertyName(property);
        if (!found) throw new Error(`${metadata.name} has no column for ${property}.`);
        return this.dataSource.driver.escape(found.databaseName);
      };
      const table = metadata.tablePath
        .split('.')
        .map((part) => this.dataSource.driver.escape(part))
        .join('.');
      const id = column(this.columns.id);
      this.sql =
        `SELECT ${id} AS id, ${column(this.columns.count)} AS count ` +
        `FROM ${table} WHERE ${id} = ANY($1)`;
    }
    return this.sql;
  }
}
