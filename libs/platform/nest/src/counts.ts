import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
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
    const rows = keys.length
      ? await this.dataSource
          .getRepository(this.entity)
          .find({ where: { [this.columns.id]: In(keys) } as never })
      : [];
    const counts = new Map(
      rows.map((row) => [String(row[this.columns.id]), Number(row[this.columns.count])]),
    );
    return ids.map((id) => counts.get(id.toLowerCase()) ?? 0);
  }
}
