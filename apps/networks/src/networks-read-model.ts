import { Inject, Injectable } from '@nestjs/common';
import { isUuid, ServiceDatabase } from '@haven/platform/nest';
import {
  DataSource,
  type EntityTarget,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';

export interface RowPage<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

/** Queries over the `networks` read models, every list in the order its rows were created. */
@Injectable()
export class NetworksReadModel {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  async page<Row extends ObjectLiteral>(
    entity: EntityTarget<Row>,
    options: {
      /** The row property holding the position that orders the list and keys its cursors. */
      position: keyof Row & string;
      first: number;
      /** The position after which the page starts (from `pageAfter`). */
      after: number | undefined;
      /** The caller's countries: `all`, or a list (none: an empty page). */
      countries: readonly string[] | 'all';
      /** The list's own filters. */
      where?: (query: SelectQueryBuilder<Row>) => void;
    },
  ): Promise<RowPage<Row>> {
    if (options.countries !== 'all' && options.countries.length === 0) {
      return { rows: [], hasNextPage: false };
    }
    const query = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .orderBy(`row.${options.position}`, 'ASC')
      .limit(options.first + 1);
    if (options.countries !== 'all') {
      query.andWhere('row.country IN (:...countries)', { countries: options.countries });
    }
    if (options.after !== undefined) {
      query.andWhere(`row.${options.position} > :after`, { after: options.after });
    }
    options.where?.(query);
    const rows = await query.getMany();
    return { rows: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
  }

  async findOne<Row extends ObjectLiteral>(
    entity: EntityTarget<Row>,
    id: string,
  ): Promise<Row | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(entity).findOneBy({ id: id.toLowerCase() } as never);
  }

  /** Read your writes: the row once this service's projections have reached `position`. */
  async afterWrite<Row extends ObjectLiteral>(
    entity: EntityTarget<Row>,
    position: number,
    id: string,
  ): Promise<Row | null> {
    try {
      await this.database.waitForProjections(position);
    } catch {
      return null;
    }
    return this.findOne(entity, id);
  }
}
