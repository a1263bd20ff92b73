import { Inject, Injectable } from '@nestjs/common';
import {
  afterWrite,
  isUuid,
  keysetPage,
  pageAfter,
  perRequest,
  ServiceDatabase,
  type RowPage,
} from '@haven/platform/nest';
import type { Country } from '@haven/protection/domain';
import { BeneficiaryRow } from '@haven/protection/read-models';
import { DataSource, In } from 'typeorm';
import { BENEFICIARY_CURSOR } from './beneficiary.mapper';

/** Queries over `protection.beneficiaries`. */
@Injectable()
export class BeneficiaryReadModel {
  private readonly byId = perRequest((ids: readonly string[]) => this.findByIds(ids));

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  /** One beneficiary; every call in the same request is one query (`_entities` of 100 = 1). */
  load(context: object, id: string): Promise<BeneficiaryRow | null> {
    return this.byId(context).load(id);
  }

  /**
   * Rows this request already read (a page): a later `load` of one of them in the same request
   * (its personal details) takes it from here instead of reading it again.
   */
  remember(context: object, rows: readonly BeneficiaryRow[]): void {
    const loader = this.byId(context);
    for (const row of rows) loader.prime(row.id, row);
  }

  async page(filter: {
    country?: Country | null;
    minor?: boolean | null;
    first: number;
    after?: string | null;
    /** The caller's scope: `all`, or the countries it may see (none: an empty page). */
    countries: readonly string[] | 'all';
    /** A partner's organisation: only its beneficiaries. */
    organisationId?: string | null;
  }): Promise<RowPage<BeneficiaryRow>> {
    const after = pageAfter(BENEFICIARY_CURSOR, filter.after);
    const query = this.dataSource.getRepository(BeneficiaryRow).createQueryBuilder('beneficiary');
    if (filter.organisationId !== undefined) {
      query.andWhere('beneficiary.organisationId = :organisationId', {
        organisationId: filter.organisationId,
      });
    } else if (filter.countries !== 'all') {
      if (!filter.countries.length) return { rows: [], hasNextPage: false, totalCount: 0 };
      query.andWhere('beneficiary.country IN (:...countries)', { countries: filter.countries });
    }
    if (filter.country)
      query.andWhere('beneficiary.country = :country', { country: filter.country });
    if (filter.minor !== undefined && filter.minor !== null) {
      query.andWhere('beneficiary.minor = :minor', { minor: filter.minor });
    }
    return keysetPage(query, { position: 'registeredPosition', first: filter.first, after });
  }

  /**
   * One beneficiary, read now and not kept for the request: for a mutation, whose payload must
   * then load the row as the write left it.
   */
  find(id: string): Promise<BeneficiaryRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(BeneficiaryRow).findOneBy({ id: id.toLowerCase() });
  }

  /** Read your writes: the row once this service's projections have reached `position`. */
  afterWrite(position: number, id: string): Promise<BeneficiaryRow | null> {
    return afterWrite(this.database, position, () =>
      this.dataSource.getRepository(BeneficiaryRow).findOneBy({ id }),
    );
  }

  private async findByIds(ids: readonly string[]): Promise<Array<BeneficiaryRow | null>> {
    const keys = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = keys.length
      ? await this.dataSource.getRepository(BeneficiaryRow).findBy({ id: In(keys) })
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }
}
