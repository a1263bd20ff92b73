import { Inject, Injectable } from '@nestjs/common';
import {
  afterWrite,
  isUuid,
  keysetPage,
  ServiceDatabase,
  type RowPage,
} from '@haven/platform/nest';
import {
  DataSource,
  type EntityTarget,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';

/** Queries over the `networks` read models, every list in the order its rows were created. */
@Injectable()
export class NetworksReadModel {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  /** A keyset page of a list, within the caller's countries (none: an empty page). */
  async page<Row extends ObjectLiteral>(
    entity: EntityTarget<Row>,
    options: {
      /** The row property holding the position that orders the list and keys its cursors. */
      position: keyof Row & string;
      first: number;
      /** The position after which the page starts (from `pageAfter`). */
      after: number | undefined;
      /** The caller's countries: `all`, or a list. */
      countries: readonly string[] | 'all';
      /** The list's own filters. */
      where?: (query: SelectQueryBuilder<Row>) => void;
    },
  ): Promise<RowPage<Row>> {
    if (options.countries !== 'all' && options.countries.length === 0) {
      return { rows: [], hasNextPage: false, totalCount: 0 };
    }
    const query = this.dataSource.getRepository(entity).createQueryBuilder('row');
    if (options.countries !== 'all') {
      query.andWhere('row.country IN (:...countries)', { countries: options.countries });
    }
    options.where?.(query);
    return keysetPage(query, options);
  }

  async findOne<Row extends ObjectLiteral>(
    entity: EntityTarget<Row>,
    id: string,
  ): Promise<Row | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(entity).findOneBy({ id: id.toLowerCase() } as never);
  }

  /** Read your writes: the row once this service's projections have reached `position`. */
  afterWrite<Row extends ObjectLiteral>(
    entity: EntityTarget<Row>,
    position: number,
    id: string,
  ): Promise<Row | null> {
    return afterWrite(this.database, position, () => this.findOne(entity, id));
  }
}
