import { Inject, Injectable } from '@nestjs/common';
import { EnrolmentRow, ServiceRow } from '@haven/empowerment/read-models';
import { afterWrite, keysetPage, ServiceDatabase, type RowPage } from '@haven/platform/nest';
import { countriesInScope, type Principal } from '@haven/platform/security';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** Reads of empowerment's read models, always within the principal's countries. */
@Injectable()
export class EmpowermentReadModel {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  /** Rows of `entity` in the principal's countries (none for a partner or watchdog). */
  scoped<Row extends ObjectLiteral>(
    entity: new () => Row,
    principal: Principal,
  ): SelectQueryBuilder<Row> {
    const query = this.dataSource.getRepository(entity).createQueryBuilder('row');
    const countries = countriesInScope(principal);
    if (countries !== 'all')
      query.andWhere('row.country = ANY(:countries)', { countries: [...countries] });
    return query;
  }

  page<Row extends ObjectLiteral>(
    query: SelectQueryBuilder<Row>,
    position: string,
    first: number,
    after: number | undefined,
  ): Promise<RowPage<Row>> {
    return keysetPage(query, { position, first, after });
  }

  /** Once the projections show `position`: the enrolment, as the principal may see it. */
  enrolmentAfter(position: number, id: string, principal: Principal): Promise<EnrolmentRow | null> {
    return afterWrite(this.database, position, () =>
      this.scoped(EnrolmentRow, principal).andWhere('row.id = :id', { id }).getOne(),
    );
  }

  recordAfter(position: number, id: string, principal: Principal): Promise<ServiceRow | null> {
    return afterWrite(this.database, position, () =>
      this.scoped(ServiceRow, principal).andWhere('row.id = :id', { id }).getOne(),
    );
  }
}
