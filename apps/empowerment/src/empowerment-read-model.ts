import { Inject, Injectable } from '@nestjs/common';
import { EnrolmentRow, ServiceRow } from '@haven/empowerment/read-models';
import { afterWrite, keysetPage, ServiceDatabase, type RowPage } from '@haven/platform/nest';
import { countriesInScope, type Principal } from '@haven/platform/security';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** The work list's order key: a day past any due date, and room for 2^36 log positions. */
const NO_DUE_DAY = 99_999;
const POSITION_SPAN = 2 ** 36;

function dueOrderKey(row: EnrolmentRow): number {
  const day =
    row.nextFollowUpOn === null
      ? NO_DUE_DAY
      : Math.round(Date.parse(`${row.nextFollowUpOn}T00:00:00Z`) / 86_400_000);
  return day * POSITION_SPAN + row.enrolledPosition;
}

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

  /**
   * The work list's page: earliest due date first (none last), then by enrolment. The cursor is
   * one number that keeps that order: the due day (days since 1970) above the position's bits.
   */
  async dueOrderPage(
    query: SelectQueryBuilder<EnrolmentRow>,
    first: number,
    after: number | undefined,
  ): Promise<RowPage<EnrolmentRow> & { keyOf(row: EnrolmentRow): number }> {
    const key = `(COALESCE(row.next_follow_up_on - DATE '1970-01-01', ${NO_DUE_DAY})::bigint * ${POSITION_SPAN}::bigint + row.enrolled_position)`;
    const page = query
      .clone()
      .orderBy('row.nextFollowUpOn', 'ASC', 'NULLS LAST')
      .addOrderBy('row.enrolledPosition', 'ASC')
      .limit(first + 1);
    if (after !== undefined) page.andWhere(`${key} > :after`, { after });
    const rows = await page.getMany();
    return {
      rows: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount: () => query.clone().getCount(),
      keyOf: dueOrderKey,
    };
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
